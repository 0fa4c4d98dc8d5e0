// Sign-up: POST { name, email, password, next? }. The body of the answer is the same whether or
// not the address already had an account (see server/auth/sign-up.ts); only a new account gets
// a session cookie.
import { NextResponse } from "next/server";
import { appErrorResponse, invalidInput, readJson, requestIp, withSessionCookie } from "@/app/api/auth/_lib/responses";
import { appDb } from "@/server/app-db";
import { signUpInput } from "@/server/auth/account-schemas";
import { signUp } from "@/server/auth/sign-up";
import { appBaseUrl, appMailer } from "@/server/mail/app-mailer";

export async function POST(req: Request) {
  const input = signUpInput.safeParse(await readJson(req));
  if (!input.success) return invalidInput(input.error);
  try {
    const result = await signUp(await appDb(), await appMailer(), {
      input: input.data,
      now: new Date(),
      baseUrl: appBaseUrl(),
      ip: requestIp(req),
    });
    const res = NextResponse.json({ ok: true, next: input.data.next ?? "/onboarding" });
    return result.status === "created" ? withSessionCookie(res, result.session) : res;
  } catch (error) {
    return appErrorResponse(error);
  }
}
