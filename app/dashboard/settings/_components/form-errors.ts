"use client";
// One form's errors, from the browser's own check (the shared zod schema) or from the server
// (its zodIssues), keyed by the field's path ("services.0.name"), so each message appears next
// to its field. Errors without a field become the form's own message.
import { TRPCClientError } from "@trpc/client";
import { useCallback, useState } from "react";
import type { z } from "zod";
import { problemText } from "@/app/dashboard/appointments/problem-text";

export type FieldErrors = Record<string, string>;

interface Issue {
  path: PropertyKey[];
  message: string;
}

export function issuesToErrors(issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    errors[key] ??= issue.message;
  }
  return errors;
}

export function serverIssues(error: unknown): Issue[] | null {
  if (!(error instanceof TRPCClientError)) return null;
  const issues = (error.data as { zodIssues?: Issue[] } | null | undefined)?.zodIssues;
  return issues?.length ? issues : null;
}

export function useFormErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const showIssues = useCallback((issues: readonly Issue[]) => {
    const next = issuesToErrors(issues);
    setErrors(next);
    setFormError(next[""] ?? (Object.keys(next).length > 1 ? "Check the fields marked in red." : null));
    // Focus moves to the first field in error once it has rendered.
    requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
  }, []);

  /** The shared schema's verdict: the parsed value, or null with the errors shown. */
  const check = useCallback(
    <S extends z.ZodType>(schema: S, values: unknown): z.output<S> | null => {
      const result = schema.safeParse(values);
      if (result.success) {
        setErrors({});
        setFormError(null);
        return result.data;
      }
      showIssues(result.error.issues);
      return null;
    },
    [showIssues],
  );

  /** A failed request: validation issues go to their fields, anything else to the form. */
  const fromServer = useCallback(
    (error: unknown) => {
      const issues = serverIssues(error);
      if (issues) return showIssues(issues);
      setErrors({});
      setFormError(problemText(error));
    },
    [showIssues],
  );

  const clear = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);

  return { errors, formError, check, fromServer, clear, setFormError };
}
