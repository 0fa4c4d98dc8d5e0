// A settings page for a business that does not exist, or that the user is not a member of: the
// same answer for both, so nobody learns which businesses exist.
import Link from "next/link";

export default function SettingsNotFound() {
  return (
    <main className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-lg font-semibold">Business not found</h1>
      <p className="mt-1 text-sm text-slate-600">There is no business here that you can see. Check the link, or go back to your own.</p>
      <Link href="/dashboard" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
