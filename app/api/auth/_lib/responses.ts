// How the account routes answer: JSON { error, fieldErrors? } with the AppError's status, and a
// Retry-After header on 429 so clients and proxies know when to come back.
import { NextResponse } from "next/server";
import type { z } from "zod";
import { fieldErrorsOf } from "@/server/auth/account-schemas";
import { sessionCookie } from "@/server/auth/sessions";
import { AppError, httpStatusFor } from "@/server/errors";
import { env } from "@/server/env";
import { appBaseUrl } from "@/server/mail/app-mailer";
import { clientIp } from "@/server/rate-limit/client-ip";

export async function readJson(req: Request): Promise<unknown> {
  return req.json().catch(() => null);
}

export function invalidInput(error: z.ZodError) {
  const fieldErrors = fieldErrorsOf(error);
  return NextResponse.json({ error: Object.values(fieldErrors)[0] ?? "Check the form and try again.", fieldErrors }, { status: 400 });
}

/** The answer for a domain error; anything else is rethrown (a 500 with nothing leaked). */
export function appErrorResponse(error: unknown) {
  if (!(error instanceof AppError)) throw error;
  const data = (error.data ?? {}) as { retryAfterSeconds?: number; field?: string };
  const headers: Record<string, string> = {};
  if (error.code === "RATE_LIMITED" && data.retryAfterSeconds) headers["Retry-After"] = String(data.retryAfterSeconds);
  const body = { error: error.message, ...(data.field ? { fieldErrors: { [data.field]: error.message } } : {}) };
  return NextResponse.json(body, { status: httpStatusFor[error.code], headers });
}

export function withSessionCookie(res: NextResponse, session: { sessionToken: string; expires: Date }) {
  const cookie = sessionCookie(appBaseUrl(), session);
  res.cookies.set(cookie.name, cookie.value, cookie.options);
  return res;
}

export function requestIp(req: Request): string | null {
  return clientIp(req.headers, env().TRUSTED_PROXIES);
}
