import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthShell, linkClass, OrDivider } from "@/app/login/auth-ui";
import { GoogleButton } from "@/app/login/google-button";
import { nextPathField } from "@/server/auth/account-schemas";
import { currentUserId } from "@/server/auth/current-user";
import { googleSignInEnabled } from "@/server/auth/google-sign-in";
import { SignUpForm } from "./signup-form";

export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string; email?: string }> }) {
  const params = await searchParams;
  const next = nextPathField.parse(params.next);
  if (await currentUserId()) redirect(next ?? "/dashboard");
  const signInHref = next ? `/login?next=${encodeURIComponent(next)}` : "/login";
  return (
    <AuthShell title="Create your account" subtitle="Set up your AI receptionist in a few minutes.">
      {googleSignInEnabled() && (
        <>
          <GoogleButton callbackUrl={next ?? "/onboarding"} />
          <OrDivider />
        </>
      )}
      <SignUpForm next={next} defaultEmail={params.email} />
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={signInHref} className={linkClass}>
          Sign in
        </Link>
      </p>
    </AuthShell>
  );
}
