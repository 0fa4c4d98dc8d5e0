// Asks for a password-reset link: POST { email }. Always the same answer for a well-formed
// address (the link is mailed only when an account exists); 429 with Retry-After when limited.
import { NextResponse } from "next/server";
import { appErrorResponse, invalidInput, readJson, requestIp } from "@/app/api/auth/_lib/responses";
import { appDb } from "@/server/app-db";
import { forgotPasswordInput } from "@/server/auth/account-schemas";
import { requestPasswordReset } from "@/server/auth/password-reset";
import { appBaseUrl, appMailer } from "@/server/mail/app-mailer";

export async function POST(req: Request) {
  const input = forgotPasswordInput.safeParse(await readJson(req));
  if (!input.success) return invalidInput(input.error);
  try {
    await requestPasswordReset(await appDb(), await appMailer(), {
      email: input.data.email,
      now: new Date(),
      baseUrl: appBaseUrl(),
      ip: requestIp(req),
    });
    return NextResponse.json({ ok: true });
  } catch (error) {
    return appErrorResponse(error);
  }
}
