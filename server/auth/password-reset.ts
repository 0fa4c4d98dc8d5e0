// Password reset by emailed link. Requesting one answers the same whether or not the address has
// an account (and counts against the same limits); the link works once, for 1 hour. Choosing the
// new password signs the account out everywhere except, when it is the same account, the browser
// that reset it.
import type { z } from "zod";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { Mailer } from "../mail/mailer";
import { clearRateLimit, consumeRateLimits } from "../rate-limit/rate-limiter";
import { passwordResetMail } from "./account-mail";
import type { resetPasswordInput } from "./account-schemas";
import { hashPassword } from "./password";
import { accountRateLimits } from "./rate-limits";
import { checkToken, consumeToken, issueToken } from "./tokens";

export async function requestPasswordReset(
  db: Db,
  mailer: Mailer,
  { email, now, baseUrl, ip }: { email: string; now: Date; baseUrl: string; ip: string | null },
): Promise<void> {
  await consumeRateLimits(
    db,
    [
      { rule: accountRateLimits.resetIp, key: ip },
      { rule: accountRateLimits.resetEmail, key: email },
    ],
    now,
  );
  const user = await db.user.findUnique({ where: { email }, select: { email: true } });
  if (!user) return; // nothing to send; the caller says "if an account exists, we've sent a link"
  const { token } = await issueToken(db, { purpose: "reset-password", email: user.email, now });
  await mailer.sendMail(passwordResetMail({ to: user.email, link: `${baseUrl}/reset-password?token=${encodeURIComponent(token)}` }));
}

/** Whether a reset link can still be used, to show the form or say why not before anyone types. */
export async function checkPasswordResetToken(db: Db, { token, now }: { token: string; now: Date }) {
  const checked = await checkToken(db, { purpose: "reset-password", token, now });
  return checked.status;
}

export async function resetPassword(
  db: Db,
  { input, now, currentSessionToken }: { input: z.infer<typeof resetPasswordInput>; now: Date; currentSessionToken?: string | null },
): Promise<{ userId: string; keptSession: boolean }> {
  // Check the rule that needs the account before the token is used up, so a refused password
  // leaves the link working.
  const peek = await checkToken(db, { purpose: "reset-password", token: input.token, now });
  if (peek.status === "expired") throw new AppError("INVALID_INPUT", "This reset link has expired. Ask for a new one.", { reason: "expired" });
  if (peek.status !== "valid") throw new AppError("INVALID_INPUT", "This reset link isn't valid any more. Ask for a new one.", { reason: "invalid" });
  if (input.password.trim().toLowerCase() === peek.email) {
    throw new AppError("INVALID_INPUT", "Your password can't be your email address", { field: "password" });
  }
  const passwordHash = await hashPassword(input.password);
  const used = await consumeToken(db, { purpose: "reset-password", token: input.token, now });
  if (used.status !== "valid") throw new AppError("INVALID_INPUT", "This reset link isn't valid any more. Ask for a new one.", { reason: used.status });

  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: used.email }, select: { id: true, emailVerified: true } });
    if (!user) throw new AppError("INVALID_INPUT", "This reset link isn't valid any more. Ask for a new one.", { reason: "invalid" });
    // The link reached the inbox, which proves the address as well as a verification link would.
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, emailVerified: user.emailVerified ?? now } });
    const kept = currentSessionToken
      ? await tx.session.findFirst({ where: { sessionToken: currentSessionToken, userId: user.id, expires: { gt: now } }, select: { id: true } })
      : null;
    await tx.session.deleteMany({ where: { userId: user.id, ...(kept ? { id: { not: kept.id } } : {}) } });
    await clearRateLimit(tx, { rule: accountRateLimits.loginEmail, key: used.email });
    return { userId: user.id, keptSession: Boolean(kept) };
  });
}
