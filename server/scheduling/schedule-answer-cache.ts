// A per-process cache of answers computed from a business's schedule (e.g. the REST API's
// availability response, serialized), each remembered with the business's schedule version at
// the time: the sum of its staff members' scheduleVersion counters, one of which PostgreSQL raises
// in the same transaction as every committed change to an appointment (a trigger: migration
// 20261202010000_staff_schedule_version), in whichever process or connection it was made. A caller reads the version from the database first (the
// REST API reads it in the statement that authorizes the request, so a hit costs no extra round
// trip) and an entry is served only for that same version:
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
// Concurrent misses for one key and version share one computation; a failed one is not kept.
import type { Db } from "../db";

export const ANSWER_MAX_AGE_MS = 1_000;
const ANSWER_MAX_ENTRIES = 500;

interface Entry {
  tag: string;
  version: string;
  computedAtMs: number;
  value: Promise<unknown>;
}

/** Entries keyed by string, each valid for one version and a bounded age; the least recently used goes first. */
export class VersionedAnswerCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxAgeMs: number;
  readonly #maxEntries: number;

  constructor({ maxAgeMs, maxEntries }: { maxAgeMs: number; maxEntries: number }) {
    if (!(maxAgeMs > 0) || !(maxEntries > 0)) throw new RangeError("maxAgeMs and maxEntries must be positive");
    this.#maxAgeMs = maxAgeMs;
    this.#maxEntries = maxEntries;
  }

  get size(): number {
    return this.#entries.size;
  }

  get<V>(key: string, { tag, version, nowMs }: { tag: string; version: string; nowMs: number }, compute: () => Promise<V>): Promise<V> {
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key); // re-inserted below when still good: Map order is recency order
      const age = nowMs - hit.computedAtMs;
      if (hit.version === version && age >= 0 && age < this.#maxAgeMs) {
        this.#entries.set(key, hit);
        return hit.value as Promise<V>;
      }
    }
    const entry: Entry = { tag, version, computedAtMs: nowMs, value: compute() };
    this.#entries.set(key, entry);
    entry.value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return entry.value as Promise<V>;
  }

  /** Drops every entry tagged `tag`, including computations in flight (their callers still get them). */
  invalidate(tag: string): void {
    for (const [key, entry] of this.#entries) if (entry.tag === tag) this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}

// On globalThis, like the scheduling cache: the Next.js bundle and the in-process worker load
// their own copies of this module.
const GLOBAL_KEY = Symbol.for("appointment-scheduler.schedule-answer-cache");
type GlobalWithCache = typeof globalThis & { [GLOBAL_KEY]?: { answers: VersionedAnswerCache; clients: WeakMap<object, number>; nextClient: number } };

function shared() {
  const g = globalThis as GlobalWithCache;
  g[GLOBAL_KEY] ??= { answers: new VersionedAnswerCache({ maxAgeMs: ANSWER_MAX_AGE_MS, maxEntries: ANSWER_MAX_ENTRIES }), clients: new WeakMap(), nextClient: 1 };
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
  const state = shared();
  let client = state.clients.get(db);
  if (client === undefined) state.clients.set(db, (client = state.nextClient++));
  return state.answers.get(`${client}|${args.businessId}|${args.key}`, { tag: args.businessId, version: args.version, nowMs: args.nowMs }, compute);
}

/** Forget a business's cached answers (its rules changed: see invalidateSchedulingCache). */
export function forgetScheduleAnswers(businessId: string): void {
  shared().answers.invalidate(businessId);
}

export function clearScheduleAnswers(): void {
  shared().answers.clear();
}
