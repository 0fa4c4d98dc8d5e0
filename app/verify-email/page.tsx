// Opened from the verification mail. Using the link on GET is deliberate: whoever follows it
// (the owner, or a mail scanner fetching links in their inbox) proves the same thing, that the
// message reached the address. A second visit finds the link used and says so plainly.
import Link from "next/link";
import { AuthShell, FormAlert, linkClass } from "@/app/login/auth-ui";
import { appDb } from "@/server/app-db";
import { verifyEmail } from "@/server/auth/verify-email";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

export const dynamic = "force-dynamic";

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const result = token ? await verifyEmail(await appDb(), { token, now: new Date() }) : { status: "invalid" as const };
  const ctx = await createContext();
  const userId = ctx.userId;
  const me = userId ? await createCaller(ctx).account.me() : null;
  const continueHref = userId ? "/dashboard" : "/login";
  const continueLabel = userId ? "Go to your dashboard" : "Sign in";

  if (result.status === "verified" || me?.emailVerified) {
    return (
      <AuthShell title="Email confirmed">
        <FormAlert tone="success">
          {result.status === "verified" ? `Thanks! ${result.email} is confirmed.` : "Your email address is already confirmed."}
        </FormAlert>
        <Link href={continueHref} className={`text-sm ${linkClass}`}>
          {continueLabel}
        </Link>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="We couldn't confirm your email">
      <FormAlert>
        {result.status === "expired"
          ? "This link has expired (links work for 24 hours)."
          : "This link isn't valid. It may have been used already, or a newer link replaced it."}
      </FormAlert>
      <p className="text-sm text-slate-600">
        {userId ? (
          <>
            Send a new link from your{" "}
            <Link href="/dashboard/outbox" className={linkClass}>
              account mail
            </Link>
            .
          </>
        ) : (
          <>
            <Link href="/login?next=%2Fdashboard%2Foutbox" className={linkClass}>
              Sign in
            </Link>{" "}
            to send a new link.
          </>
        )}
      </p>
    </AuthShell>
  );
}
