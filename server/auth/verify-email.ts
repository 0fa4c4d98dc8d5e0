// Uses a verification link: marks the address it was sent to as verified, once.
import type { Db } from "../db";
import { consumeToken } from "./tokens";

export type VerifyEmailResult = { status: "verified"; email: string } | { status: "invalid" } | { status: "expired" };

export async function verifyEmail(db: Db, { token, now }: { token: string; now: Date }): Promise<VerifyEmailResult> {
  const used = await consumeToken(db, { purpose: "verify-email", token, now });
  if (used.status !== "valid") return used;
  // The address may have changed since the link was sent; then the link proves nothing.
  const { count } = await db.user.updateMany({ where: { email: used.email }, data: { emailVerified: now } });
  return count === 1 ? { status: "verified", email: used.email } : { status: "invalid" };
}
