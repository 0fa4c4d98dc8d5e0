// Account forms' schemas, shared by the browser forms (inline errors before submitting) and the
// route handlers (the same rules, enforced). Only zod here: client components import this file.
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 10;
// argon2 cost grows with the input; nobody types more than this.
export const PASSWORD_MAX_LENGTH = 200;

export const emailField = z
  .string({ message: "Enter your email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address")
  .max(254, "That email address is too long")
  .email("Enter a valid email address, like name@example.com");

export const newPasswordField = z
  .string({ message: "Choose a password" })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`);

/** Where to go after signing in or up: a path on this site only (never another origin). */
export const nextPathField = z
  .string()
  .optional()
  .transform((v) => (v && /^\/(?![/\\])[^\s]*$/.test(v) ? v : undefined));

export const signInInput = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password").max(PASSWORD_MAX_LENGTH),
});

export const signUpInput = z
  .object({
    name: z.string({ message: "Enter your name" }).trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
    email: emailField,
    password: newPasswordField,
    next: nextPathField,
  })
  .refine((v) => v.password.trim().toLowerCase() !== v.email, {
    path: ["password"],
    message: "Your password can't be your email address",
  });

export const forgotPasswordInput = z.object({ email: emailField });

export const resetPasswordInput = z.object({
  token: z.string().min(1, "This reset link is incomplete").max(200),
  password: newPasswordField,
});

export type FieldErrors = Partial<Record<string, string>>;

/** The first message for each field, for showing beside its input. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= issue.message;
  }
  return out;
}
