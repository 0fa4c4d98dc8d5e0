"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldErrorsOf, PASSWORD_MIN_LENGTH, resetPasswordInput, type FieldErrors } from "@/server/auth/account-schemas";
import { cardClass, FormAlert, postJson, SubmitButton, TextField } from "@/app/login/auth-ui";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    const password = form.get("password");
    const fields: FieldErrors = {};
    const input = resetPasswordInput.safeParse({ token, password });
    if (!input.success) Object.assign(fields, fieldErrorsOf(input.error));
    if (!fields.password && password !== form.get("confirm")) fields.confirm = "The two passwords don't match";
    setFieldErrors(fields);
    if (!input.success || Object.keys(fields).length > 0) return;
    setPending(true);
    const res = await postJson<{ signedIn: boolean }>("/api/auth/reset-password", input.data);
    if (res.ok) {
      router.replace(res.data?.signedIn ? "/dashboard" : "/login?reset=1");
      router.refresh();
      return;
    }
    setFieldErrors(res.data?.fieldErrors ?? {});
    setError(res.data?.fieldErrors ? null : (res.data?.error ?? "Something went wrong. Try again in a moment."));
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className={cardClass}>
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={fieldErrors.password}
        autoFocus
      />
      <TextField label="Repeat the new password" name="confirm" type="password" autoComplete="new-password" error={fieldErrors.confirm} />
      {error && <FormAlert>{error}</FormAlert>}
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Set new password
      </SubmitButton>
      <p className="text-xs text-slate-500">This signs you out on your other devices.</p>
    </form>
  );
}
