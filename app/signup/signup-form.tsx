"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldErrorsOf, PASSWORD_MIN_LENGTH, signUpInput, type FieldErrors } from "@/server/auth/account-schemas";
import { cardClass, FormAlert, postJson, SubmitButton, TextField } from "@/app/login/auth-ui";

export function SignUpForm({ next, defaultEmail }: { next?: string; defaultEmail?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    const input = signUpInput.safeParse({ name: form.get("name"), email: form.get("email"), password: form.get("password"), next });
    if (!input.success) {
      setFieldErrors(fieldErrorsOf(input.error));
      return;
    }
    setFieldErrors({});
    setPending(true);
    const res = await postJson<{ next: string }>("/api/auth/sign-up", input.data);
    if (res.ok && res.data) {
      router.replace(res.data.next);
      router.refresh();
      return;
    }
    setFieldErrors(res.data?.fieldErrors ?? {});
    setError(res.data?.error ?? "Something went wrong. Try again in a moment.");
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className={cardClass}>
      <TextField label="Your name" name="name" autoComplete="name" error={fieldErrors.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={defaultEmail} error={fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong one.`}
        error={fieldErrors.password}
      />
      {error && <FormAlert>{error}</FormAlert>}
      <SubmitButton pending={pending} pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
      <p className="text-xs text-slate-500">We&apos;ll email you a link to confirm your address.</p>
    </form>
  );
}
