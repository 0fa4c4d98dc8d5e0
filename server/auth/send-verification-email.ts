// Mails a link that proves the account's address (24 hours, single use; a new one replaces the
// old). Nothing to do when the address is already verified.
import type { Db } from "../db";
import type { Mailer } from "../mail/mailer";
import { consumeRateLimits } from "../rate-limit/rate-limiter";
import { verifyEmailMail } from "./account-mail";
import { accountRateLimits } from "./rate-limits";
import { issueToken } from "./tokens";

export async function sendVerificationEmail(
  db: Db,
  mailer: Mailer,
  { userId, now, baseUrl }: { userId: string; now: Date; baseUrl: string },
): Promise<{ sent: boolean }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, emailVerified: true } });
  if (!user || user.emailVerified) return { sent: false };
  const { token } = await issueToken(db, { purpose: "verify-email", email: user.email, now });
  const link = `${baseUrl}/verify-email?token=${encodeURIComponent(token)}`;
  const result = await mailer.sendMail(verifyEmailMail({ to: user.email, name: user.name, link }));
  return { sent: result.status === "sent" };
}

/** "Send the link again", from the signed-in account: limited per account. */
export async function resendVerificationEmail(
  db: Db,
  mailer: Mailer,
  { userId, now, baseUrl }: { userId: string; now: Date; baseUrl: string },
): Promise<{ sent: boolean; alreadyVerified: boolean }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerified: true } });
  if (!user || user.emailVerified) return { sent: false, alreadyVerified: Boolean(user?.emailVerified) };
  await consumeRateLimits(db, [{ rule: accountRateLimits.verifyResend, key: userId }], now);
  const { sent } = await sendVerificationEmail(db, mailer, { userId, now, baseUrl });
  return { sent, alreadyVerified: false };
}
