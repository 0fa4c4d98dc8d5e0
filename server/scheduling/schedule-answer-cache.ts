// A per-process cache of answers computed from a business's schedule (e.g. the REST API's
// availability response, serialized), each remembered with the business's schedule version at
// the time: the sum of its staff members' scheduleVersion counters, one of which PostgreSQL raises
// in the same transaction as every committed change to an appointment (a trigger: migration
// 20261202010000_staff_schedule_version), in whichever process or connection it was made. A
// caller reads the version from the database first (the REST API reads it in the statement that
// authorizes the request, so a hit costs no extra round trip) and an entry is served only for
// that same version:
//
// - Appointments: never stale. Any booking, cancellation, move, no-show or waitlist hold that
//   committed before the version was read has changed it, so no entry computed without it can
//   match. (A change committing while an answer is computed may already be in that answer; the
//   entry then carries the older version and is simply not reused.) That is why bookings need
//   not tell this cache anything: the next read sees a new version.
// - The clock: an entry is reused for at most ANSWER_MAX_AGE_MS of the caller's clock, so a slot
//   can be offered up to that long after it fell inside the minimum notice. Booking it then fails
//   cleanly (OUTSIDE_HOURS with alternatives).
// - Rules (hours, services, staff, settings): as the scheduling cache (scheduling-cache.ts),
//   whose invalidateSchedulingCache also clears these entries; rule changes do not raise the
//   version.
//
// Concurrent misses for one key and version share one computation; a failed one is not kept
// (ttl-cache.ts).
import type { Db } from "../db";
import { cacheScopeOf, TtlCache } from "./ttl-cache";

export const ANSWER_MAX_AGE_MS = 1_000;
const ANSWER_MAX_ENTRIES = 500;

// On globalThis, like the scheduling cache: the Next.js bundle and the in-process worker load
// their own copies of this module.
const GLOBAL_KEY = Symbol.for("appointment-scheduler.schedule-answer-cache");
type GlobalWithCache = typeof globalThis & { [GLOBAL_KEY]?: { answers: TtlCache<unknown> } };

function shared() {
  const g = globalThis as GlobalWithCache;
  g[GLOBAL_KEY] ??= { answers: new TtlCache<unknown>({ ttlMs: ANSWER_MAX_AGE_MS, maxEntries: ANSWER_MAX_ENTRIES }) };
  return g[GLOBAL_KEY];
}

/**
 * The answer for `key` at this business and schedule version, computed once and reused for up
 * to ANSWER_MAX_AGE_MS of `nowMs`. `version`: the business's schedule version as just read from
 * the database. `db` names the database too, so two databases in one process never share entries.
 */
export function cachedScheduleAnswer<V>(
  db: Db,
  args: { businessId: string; version: string; key: string; nowMs: number },
  compute: () => Promise<V>,
): Promise<V> {
  const key = `${cacheScopeOf(db)}|${args.businessId}|${args.key}`;
  return shared().answers.get(key, args.businessId, compute, { version: args.version, nowMs: args.nowMs }) as Promise<V>;
}

/** Forget a business's cached answers (its rules changed: see invalidateSchedulingCache). */
export function forgetScheduleAnswers(businessId: string): void {
  shared().answers.invalidate(businessId);
}

export function clearScheduleAnswers(): void {
  shared().answers.clear();
}
