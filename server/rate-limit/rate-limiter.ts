// Sliding-window rate limits kept in the database (RateLimitHit), so every serverless instance
// and the long-running process count the same hits. A rule allows `limit` hits per `windowMs`;
// a hit is one counted event (a failed sign-in, a reset request). Keys are hashed before they are
// stored: the table never holds an email or IP address.
//
// Check and record are separate steps (a sign-in records only failures). Two requests racing
// past the same check can each be counted, so a limit may be overshot by the number of requests
// in flight at once; for brute-force protection that is immaterial.
import { createHash } from "node:crypto";
import type { Db, Tx } from "../db";
import { AppError } from "../errors";

export interface RateLimitRule {
  /** Names what is counted, e.g. "login_email". */
  scope: string;
  limit: number;
  windowMs: number;
  /** Product words for the refusal; "{wait}" becomes "5 minutes" or similar. */
  message: string;
}

export type RateLimitVerdict = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export function rateLimitKey(value: string): string {
  return createHash("sha256").update(value.trim().toLowerCase()).digest("hex");
}

/** Whether one more hit is allowed now, and if not, how long until it is. */
export async function checkRateLimit(
  db: Db | Tx,
  { rule, key, now }: { rule: RateLimitRule; key: string; now: Date },
): Promise<RateLimitVerdict> {
  const since = new Date(now.getTime() - rule.windowMs);
  const hits = await db.rateLimitHit.findMany({
    where: { scope: rule.scope, key: rateLimitKey(key), createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: rule.limit,
    select: { createdAt: true },
  });
  if (hits.length < rule.limit) return { ok: true, remaining: rule.limit - hits.length };
  // The window frees a slot when the oldest of the newest `limit` hits falls out of it.
  const oldest = hits[hits.length - 1]!.createdAt;
  const retryAfterMs = oldest.getTime() + rule.windowMs - now.getTime();
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

/** Counts one hit, and forgets this key's hits that no window can see any more. */
export async function recordRateLimitHit(
  db: Db | Tx,
  { rule, key, now }: { rule: RateLimitRule; key: string; now: Date },
): Promise<void> {
  const hashed = rateLimitKey(key);
  await db.rateLimitHit.create({ data: { scope: rule.scope, key: hashed, createdAt: now } });
  await db.rateLimitHit.deleteMany({
    where: { scope: rule.scope, key: hashed, createdAt: { lte: new Date(now.getTime() - rule.windowMs) } },
  });
}

/** Forgets every hit of one key (e.g. the email's failures after a successful sign-in). */
export async function clearRateLimit(db: Db | Tx, { rule, key }: { rule: RateLimitRule; key: string }): Promise<void> {
  await db.rateLimitHit.deleteMany({ where: { scope: rule.scope, key: rateLimitKey(key) } });
}

export function rateLimitedError(rule: RateLimitRule, retryAfterSeconds: number): AppError<{ retryAfterSeconds: number }> {
  return new AppError("RATE_LIMITED", rule.message.replace("{wait}", describeWait(retryAfterSeconds)), { retryAfterSeconds });
}

/** Throws RATE_LIMITED when any of the (rule, key) pairs is over its limit; keys may be null (unknown). */
export async function assertWithinLimits(
  db: Db | Tx,
  checks: { rule: RateLimitRule; key: string | null }[],
  now: Date,
): Promise<void> {
  let worst: { rule: RateLimitRule; retryAfterSeconds: number } | null = null;
  for (const { rule, key } of checks) {
    if (key === null) continue;
    const verdict = await checkRateLimit(db, { rule, key, now });
    if (!verdict.ok && (!worst || verdict.retryAfterSeconds > worst.retryAfterSeconds)) {
      worst = { rule, retryAfterSeconds: verdict.retryAfterSeconds };
    }
  }
  if (worst) throw rateLimitedError(worst.rule, worst.retryAfterSeconds);
}

/** Checks every pair and, when all allow it, counts a hit on each: for requests counted whether or not they succeed. */
export async function consumeRateLimits(
  db: Db | Tx,
  checks: { rule: RateLimitRule; key: string | null }[],
  now: Date,
): Promise<void> {
  await assertWithinLimits(db, checks, now);
  for (const { rule, key } of checks) {
    if (key !== null) await recordRateLimitHit(db, { rule, key, now });
  }
}

export function describeWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return minutes === 1 ? "1 minute" : `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

/**
 * Deletes hits older than any window (for a periodic job): a key that is never hit again would
 * otherwise keep its last rows. The longest window today is one day (invitations per business).
 */
export async function purgeRateLimitHits(db: Db, { olderThan }: { olderThan: Date }): Promise<number> {
  const { count } = await db.rateLimitHit.deleteMany({ where: { createdAt: { lt: olderThan } } });
  return count;
}
