// The lease on a business+phone conversation row, held while one text is answered. Two texts from
// the same phone can arrive together (a quick follow-up, or Twilio retrying one we are still
// answering); each must start from the snapshot the other saved, never from the same old one. A
// database row lock cannot do this: the agent books through transactions of its own while the
// turn runs, and embedded PGlite has one connection, so a transaction held open across the turn
// would wait on itself. The lease is claimed by one atomic UPDATE (PostgreSQL re-checks its WHERE
// after waiting for a concurrent claimer), released when the answer is saved, and expires on its
// own if the process dies mid-turn.
import { randomUUID } from "node:crypto";
import type { Db } from "../db";

/** A conversation with no text for this long is over; the next text starts a new one. */
export const SMS_CONVERSATION_IDLE_MS = 24 * 60 * 60 * 1000;
/** Longer than any agent turn (Twilio gives up on a webhook after 15 s). */
const LEASE_MS = 60_000;

export interface LockedSmsConversation {
  id: string;
  /** Proves the lease is still ours when the answer is saved. */
  token: string;
  /** The stored snapshot as JSON, null when nothing was said yet or after an opt-out. */
  snapshot: unknown;
  startedAt: Date;
  /** The last text was more than SMS_CONVERSATION_IDLE_MS ago: start a new conversation. */
  expired: boolean;
}

export interface LockOptions {
  now: Date;
  /** How long to wait for another text's answer to finish (real time). */
  waitMs?: number;
  pollMs?: number;
}

/** Null when the lease stayed taken for `waitMs`. */
export async function lockSmsConversation(
  db: Db,
  { businessId, phone }: { businessId: string; phone: string },
  { now, waitMs = 10_000, pollMs = 40 }: LockOptions,
): Promise<LockedSmsConversation | null> {
  await db.smsConversation.createMany({
    data: { businessId, phone, startedAt: now, lastMessageAt: now, expiresAt: new Date(now.getTime() + SMS_CONVERSATION_IDLE_MS) },
    skipDuplicates: true,
  });
  const token = randomUUID();
  const started = performance.now();
  for (;;) {
    const [row] = await db.smsConversation.updateManyAndReturn({
      where: { businessId, phone, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { lockToken: token, lockedUntil: new Date(now.getTime() + LEASE_MS) },
      select: { id: true, snapshot: true, startedAt: true, expiresAt: true },
    });
    if (row) return { id: row.id, token, snapshot: row.snapshot, startedAt: row.startedAt, expired: row.expiresAt.getTime() <= now.getTime() };
    if (performance.now() - started >= waitMs) return null;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Gives the lease back without saving (the answer failed). A lease already released is left alone. */
export async function unlockSmsConversation(db: Db, lock: Pick<LockedSmsConversation, "id" | "token">): Promise<void> {
  await db.smsConversation.updateMany({ where: { id: lock.id, lockToken: lock.token }, data: { lockToken: null, lockedUntil: null } });
}
