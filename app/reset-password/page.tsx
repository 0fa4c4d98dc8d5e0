import Link from "next/link";
import { AuthShell, FormAlert, linkClass } from "@/app/login/auth-ui";
import { appDb } from "@/server/app-db";
import { checkPasswordResetToken } from "@/server/auth/password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const status = token ? await checkPasswordResetToken(await appDb(), { token, now: new Date() }) : "invalid";
  return (
    <AuthShell title="Choose a new password">
      {status === "valid" && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <>
          <FormAlert>
            {status === "expired"
              ? "This reset link has expired (links work for 1 hour)."
              : "This reset link isn't valid. It may have been used already, or a newer link replaced it."}
          </FormAlert>
          <p className="text-sm text-slate-600">
            <Link href="/forgot-password" className={linkClass}>
              Ask for a new link
            </Link>
          </p>
        </>
      )}
    </AuthShell>
  );
}
