import Link from "next/link";
import { AuthShell, linkClass } from "@/app/login/auth-ui";
import { ForgotPasswordForm } from "./forgot-password-form";

export default function ForgotPasswordPage() {
  return (
    <AuthShell title="Reset your password" subtitle="Enter your account's email and we'll send you a link.">
      <ForgotPasswordForm />
      <p className="text-center text-sm text-slate-600">
        Remembered it?{" "}
        <Link href="/login" className={linkClass}>
          Sign in
        </Link>
      </p>
    </AuthShell>
  );
}
