"use client";

import { useState } from "react";
import { fieldErrorsOf, forgotPasswordInput, type FieldErrors } from "@/server/auth/account-schemas";
import { cardClass, FormAlert, linkClass, postJson, SubmitButton, TextField } from "@/app/login/auth-ui";

export function ForgotPasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const input = forgotPasswordInput.safeParse({ email: new FormData(event.currentTarget).get("email") });
    if (!input.success) {
      setFieldErrors(fieldErrorsOf(input.error));
      return;
    }
    setFieldErrors({});
    setPending(true);
    const res = await postJson("/api/auth/forgot-password", input.data);
    setPending(false);
    if (res.ok) {
      setSentTo(input.data.email);
      return;
    }
    setFieldErrors(res.data?.fieldErrors ?? {});
    setError(res.data?.error ?? "Something went wrong. Try again in a moment.");
  }

  if (sentTo) {
    return (
      <div className={cardClass}>
        <FormAlert tone="success">
          If {sentTo} has an account, we&apos;ve sent it a link to choose a new password. It works for 1 hour.
        </FormAlert>
        <p className="text-sm text-slate-600">
          Nothing arrived? Check your spam folder, or{" "}
          <button type="button" onClick={() => setSentTo(null)} className={linkClass}>
            try another address
          </button>
          .
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className={cardClass}>
      <TextField label="Email" name="email" type="email" autoComplete="email" error={fieldErrors.email} autoFocus />
      {error && <FormAlert>{error}</FormAlert>}
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send reset link
      </SubmitButton>
    </form>
  );
}
