// Single-use tokens for emailed links (email verification, password reset), kept in Auth.js's
// VerificationToken table: identifier is "<purpose>:<email>", token is the sha256 of the secret
// in the link (a leaked database cannot be turned into working links). Issuing a new token for
// the same purpose and email replaces the old one, so only the latest link works.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db";

export type TokenPurpose = "verify-email" | "reset-password";

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  "verify-email": 24 * 60 * 60 * 1000,
  "reset-password": 60 * 60 * 1000,
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

const identifierFor = (purpose: TokenPurpose, email: string) => `${purpose}:${email.toLowerCase()}`;

export async function issueToken(db: Db, { purpose, email, now }: { purpose: TokenPurpose; email: string; now: Date }) {
  const token = newSecretToken();
  const identifier = identifierFor(purpose, email);
  const expires = new Date(now.getTime() + TOKEN_TTL_MS[purpose]);
  await db.$transaction([
    db.verificationToken.deleteMany({ where: { identifier } }),
    db.verificationToken.create({ data: { identifier, token: hashToken(token), expires } }),
  ]);
  return { token, expires };
}

export type TokenCheck = { status: "valid"; email: string } | { status: "invalid" } | { status: "expired" };

/** Looks a token up without using it (to show the reset form, or say the link expired, first). */
export async function checkToken(db: Db, { purpose, token, now }: { purpose: TokenPurpose; token: string; now: Date }): Promise<TokenCheck> {
  const row = await db.verificationToken.findUnique({ where: { token: hashToken(token) }, select: { identifier: true, expires: true } });
  if (!row || !row.identifier.startsWith(`${purpose}:`)) return { status: "invalid" };
  if (row.expires <= now) return { status: "expired" };
  return { status: "valid", email: row.identifier.slice(purpose.length + 1) };
}

/**
 * Uses a token up: answers the email it was issued for, once. The delete is the claim, so two
 * requests racing with the same link cannot both succeed. An expired token is removed too.
 */
export async function consumeToken(db: Db, { purpose, token, now }: { purpose: TokenPurpose; token: string; now: Date }): Promise<TokenCheck> {
  const checked = await checkToken(db, { purpose, token, now });
  if (checked.status === "invalid") return checked;
  const { count } = await db.verificationToken.deleteMany({ where: { token: hashToken(token) } });
  if (checked.status === "expired") return checked;
  return count === 1 ? checked : { status: "invalid" };
}
