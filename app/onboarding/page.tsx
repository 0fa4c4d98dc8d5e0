// /onboarding: right after sign-up (signed in, no business yet), or later to add another
// business. Everything is created only at the last step, in one go.
import Link from "next/link";
import { redirect } from "next/navigation";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { OnboardingWizard } from "./onboarding-wizard";

export const dynamic = "force-dynamic";

export default async function OnboardingPage() {
  const ctx = await createContext();
  if (!ctx.userId) redirect("/login");
  const memberships = await createCaller(ctx).business.mine();
  return (
    <main className="mx-auto max-w-3xl space-y-4 p-4 sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-slate-600">{memberships.length ? "Set up another business." : "Welcome! Let's set up your receptionist. It takes a few minutes."}</p>
        {memberships.length > 0 && (
          <Link href="/dashboard" className="text-sm font-medium text-brand-700 hover:underline">
            Back to the dashboard
          </Link>
        )}
      </div>
      <OnboardingWizard />
    </main>
  );
}
