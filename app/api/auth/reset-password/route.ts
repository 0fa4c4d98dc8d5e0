// Sets a new password from a reset link: POST { token, password }. Signs the account out
// everywhere else; the browser that reset it stays signed in only if it already was.
import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { appErrorResponse, invalidInput, readJson } from "@/app/api/auth/_lib/responses";
import { appDb } from "@/server/app-db";
import { resetPasswordInput } from "@/server/auth/account-schemas";
import { resetPassword } from "@/server/auth/password-reset";
import { sessionCookieName } from "@/server/auth/sessions";
import { appBaseUrl } from "@/server/mail/app-mailer";

export async function POST(req: Request) {
  const input = resetPasswordInput.safeParse(await readJson(req));
  if (!input.success) return invalidInput(input.error);
  try {
    const currentSessionToken = (await cookies()).get(sessionCookieName(appBaseUrl()))?.value ?? null;
    const { keptSession } = await resetPassword(await appDb(), { input: input.data, now: new Date(), currentSessionToken });
    return NextResponse.json({ ok: true, signedIn: keptSession });
  } catch (error) {
    return appErrorResponse(error);
  }
}
