import Link from "next/link";
import { redirect } from "next/navigation";
import { nextPathField } from "@/server/auth/account-schemas";
import { currentUserId } from "@/server/auth/current-user";
import { googleSignInEnabled } from "@/server/auth/google-sign-in";
import { AuthShell, FormAlert, linkClass, OrDivider } from "./auth-ui";
import { GoogleButton } from "./google-button";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";

// Auth.js sends OAuth problems back here as ?error=<code>.
const oauthErrors: Record<string, string> = {
  OAuthAccountNotLinked:
    "That Google account's address already has an account here. Sign in with your email and password instead.",
  AccessDenied: "Google sign-in was cancelled.",
};

type Search = { next?: string; callbackUrl?: string; reset?: string; error?: string; email?: string };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const next = nextPathField.parse(params.next ?? relativeCallback(params.callbackUrl));
  if (await currentUserId()) redirect(next ?? "/dashboard");
  const error = params.error ? (oauthErrors[params.error] ?? "Sign-in didn't work. Please try again.") : null;
  const signUpHref = next ? `/signup?next=${encodeURIComponent(next)}` : "/signup";
  return (
    <AuthShell title="Sign in" subtitle="to your AppointmentScheduler dashboard">
      {params.reset === "1" && <FormAlert tone="success">Your password has been changed. Sign in with the new one.</FormAlert>}
      {error && <FormAlert>{error}</FormAlert>}
      {googleSignInEnabled() && (
        <>
          <GoogleButton callbackUrl={next ?? "/dashboard"} />
          <OrDivider />
        </>
      )}
      <LoginForm next={next} defaultEmail={params.email} />
      <p className="text-center text-sm text-slate-600">
        New here?{" "}
        <Link href={signUpHref} className={linkClass}>
          Create an account
        </Link>
      </p>
    </AuthShell>
  );
}

/** Auth.js passes an absolute callbackUrl; keep only a path on this site. */
function relativeCallback(callbackUrl: string | undefined): string | undefined {
  if (!callbackUrl) return undefined;
  if (callbackUrl.startsWith("/")) return callbackUrl;
  try {
    const url = new URL(callbackUrl);
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}
