// Email + password sign-in: POST { email, password } → a database session and Auth.js's cookie.
// 401 for a wrong password or unknown email (one message for both); 429 with Retry-After when
// the email or the client's address has failed too often.
import { NextResponse } from "next/server";
import { appErrorResponse, invalidInput, readJson, requestIp, withSessionCookie } from "@/app/api/auth/_lib/responses";
import { appDb } from "@/server/app-db";
import { signInInput } from "@/server/auth/account-schemas";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";

export async function POST(req: Request) {
  const input = signInInput.safeParse(await readJson(req));
  if (!input.success) return invalidInput(input.error);
  try {
    const session = await signInWithPassword(await appDb(), input.data, { now: new Date(), ip: requestIp(req) });
    return withSessionCookie(NextResponse.json({ ok: true }), session);
  } catch (error) {
    return appErrorResponse(error);
  }
}
