import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUserId } from "@/server/auth/current-user";

export const dynamic = "force-dynamic";

export default async function Home() {
  if (await currentUserId()) redirect("/dashboard");
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center gap-6 p-6">
      <h1 className="text-4xl font-semibold tracking-tight">Never miss a booking call again.</h1>
      <p className="text-lg text-slate-600">
        AppointmentScheduler answers your business&apos;s phone, books, moves and cancels appointments, and texts
        the confirmation, while you keep working.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link
          href="/signup"
          className="inline-block rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
        >
          Create an account
        </Link>
        <Link
          href="/login"
          className="inline-block rounded-md px-5 py-2.5 font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
        >
          Sign in
        </Link>
      </div>
    </main>
  );
}
