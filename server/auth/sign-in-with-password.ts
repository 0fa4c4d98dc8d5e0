// Email + password sign-in. A wrong password and an unknown email get the same error and take
// the same time (argon2 runs either way). Failures are counted per email and per client IP; over
// either limit the answer is RATE_LIMITED before the password is looked at, so a correct guess
// made during a lockout cannot be told from a wrong one.
import type { z } from "zod";
import type { Db } from "../db";
import { AppError } from "../errors";
import { assertWithinLimits, clearRateLimit, recordRateLimitHit } from "../rate-limit/rate-limiter";
import type { signInInput } from "./account-schemas";
import { dummyPasswordHash, verifyPassword } from "./password";
import { accountRateLimits } from "./rate-limits";
import { createSession } from "./sessions";

export async function signInWithPassword(
  db: Db,
  input: z.infer<typeof signInInput>,
  { now, ip = null }: { now: Date; ip?: string | null },
) {
  const limits = [
    { rule: accountRateLimits.loginEmail, key: input.email },
    { rule: accountRateLimits.loginIp, key: ip },
  ];
  await assertWithinLimits(db, limits, now);
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user?.passwordHash || !ok) {
    for (const { rule, key } of limits) if (key !== null) await recordRateLimitHit(db, { rule, key, now });
    throw new AppError("INVALID_CREDENTIALS", "That email and password don't match an account.");
  }
  await clearRateLimit(db, { rule: accountRateLimits.loginEmail, key: input.email });
  return createSession(db, user.id, now);
}
