// Email + password sign-up. A new address gets an account, a signed-in session and a
// verification mail. An address that already has an account gets the same answer and the same
// work (an argon2 hash, one mail), but no session: its owner is mailed that someone tried to sign
// up, with links to sign in or reset. The response body never says which case happened.
import type { z } from "zod";
import type { Db } from "../db";
import { postgresErrorCode, UNIQUE_VIOLATION } from "../db-errors";
import type { Mailer } from "../mail/mailer";
import { consumeRateLimits } from "../rate-limit/rate-limiter";
import { signUpAttemptMail } from "./account-mail";
import type { signUpInput } from "./account-schemas";
import { hashPassword } from "./password";
import { accountRateLimits } from "./rate-limits";
import { sendVerificationEmail } from "./send-verification-email";
import { createSession } from "./sessions";

export type SignUpResult =
  | { status: "created"; userId: string; session: { sessionToken: string; expires: Date } }
  | { status: "exists" };

export async function signUp(
  db: Db,
  mailer: Mailer,
  { input, now, baseUrl, ip }: { input: z.infer<typeof signUpInput>; now: Date; baseUrl: string; ip: string | null },
): Promise<SignUpResult> {
  await consumeRateLimits(
    db,
    [
      { rule: accountRateLimits.signUpIp, key: ip },
      { rule: accountRateLimits.signUpEmail, key: input.email },
    ],
    now,
  );
  const passwordHash = await hashPassword(input.password);
  let userId: string | null = null;
  try {
    const user = await db.user.create({ data: { email: input.email, name: input.name, passwordHash }, select: { id: true } });
    userId = user.id;
  } catch (error) {
    if (postgresErrorCode(error) !== UNIQUE_VIOLATION) throw error;
  }
  if (userId === null) {
    await mailer.sendMail(
      signUpAttemptMail({ to: input.email, signInLink: `${baseUrl}/login`, resetLink: `${baseUrl}/forgot-password` }),
    );
    return { status: "exists" };
  }
  const session = await createSession(db, userId, now);
  await sendVerificationEmail(db, mailer, { userId, now, baseUrl });
  return { status: "created", userId, session };
}
