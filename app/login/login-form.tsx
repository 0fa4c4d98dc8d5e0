"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldErrorsOf, signInInput, type FieldErrors } from "@/server/auth/account-schemas";
import { cardClass, FormAlert, linkClass, postJson, SubmitButton, TextField } from "./auth-ui";

export function LoginForm({ next, defaultEmail }: { next?: string; defaultEmail?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    const input = signInInput.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!input.success) {
      setFieldErrors(fieldErrorsOf(input.error));
      return;
    }
    setFieldErrors({});
    setPending(true);
    const res = await postJson("/api/session", input.data);
    if (res.ok) {
      router.replace(next ?? "/dashboard");
      router.refresh();
      return;
    }
    setFieldErrors(res.data?.fieldErrors ?? {});
    setError(res.data?.error ?? "Something went wrong. Try again in a moment.");
    setPending(false);
  }

  const forgotHref = "/forgot-password";
  return (
    <form onSubmit={onSubmit} noValidate className={cardClass}>
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={defaultEmail} error={fieldErrors.email} />
      <div className="flex flex-col gap-1">
        <TextField label="Password" name="password" type="password" autoComplete="current-password" error={fieldErrors.password} />
        <a href={forgotHref} className={`self-end text-sm ${linkClass}`}>
          Forgot password?
        </a>
      </div>
      {error && <FormAlert>{error}</FormAlert>}
      <SubmitButton pending={pending} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
