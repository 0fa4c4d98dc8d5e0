// A short-lived, bounded, in-process cache of the slot engine's slowly-changing inputs (the
// business's zone and settings, the service's rules, its staff, weekly hours and date overrides:
// SchedulingRules), keyed by business + service + staff filter. Availability reads use it, and so
// does booking: its transaction still reads the appointments fresh and the exclusion constraint
// is still the final guard, so a stale entry can only offer or accept a time under rules that
// changed less than SCHEDULING_CACHE_TTL_MS ago (e.g. hours just shortened). Appointments are
// never cached.
//
// Whatever changes those inputs (hours, overrides, services, staff, business zone or settings)
// calls invalidateSchedulingCache(businessId) after its transaction commits; within this
// process the change is then visible at once. Other processes (a separately run voice worker)
// see it within the TTL. The cache lives on globalThis so that the Next.js bundle and the
// in-process worker, which load their own copies of this module, share one.
import type { Db } from "../db";
import { loadSchedulingRules, type SchedulingRules } from "./load-scheduling-context";
import { clearScheduleAnswers, forgetScheduleAnswers } from "./schedule-answer-cache";
import { cacheScopeOf, TtlCache } from "./ttl-cache";

export const SCHEDULING_CACHE_TTL_MS = 5_000;
export const SCHEDULING_CACHE_MAX_ENTRIES = 1_000;
/** Cached date overrides start this long before the moment the rules were read. */
const OVERRIDES_LOOKBACK_MS = 3 * 86_400_000;

const GLOBAL_KEY = Symbol.for("appointment-scheduler.scheduling-cache");
type GlobalWithCache = typeof globalThis & { [GLOBAL_KEY]?: { rules: TtlCache<SchedulingRules> } };

function shared() {
  const g = globalThis as GlobalWithCache;
  g[GLOBAL_KEY] ??= { rules: new TtlCache<SchedulingRules>({ ttlMs: SCHEDULING_CACHE_TTL_MS, maxEntries: SCHEDULING_CACHE_MAX_ENTRIES }) };
  return g[GLOBAL_KEY];
}

/**
 * Forget the cached scheduling inputs of a business, and the answers computed from them
 * (schedule-answer-cache.ts). Call after committing a change to them.
 */
export function invalidateSchedulingCache(businessId: string): void {
  shared().rules.invalidate(businessId);
  forgetScheduleAnswers(businessId);
}

/** Forget everything (tests that rewrite hours behind the commands' backs). */
export function clearSchedulingCache(): void {
  shared().rules.clear();
  clearScheduleAnswers();
}

/**
 * The rules for a business, service and staff filter, from the cache or read once (outside any
 * transaction, over the pool). `db` names the database too: two databases in one process (the
 * test suites) never share entries. Date overrides are held from three days before `nowMs` on;
 * loadSchedulingContext reads them itself for a window reaching further back.
 */
export function cachedSchedulingRules(
  db: Db,
  args: { businessId: string; serviceId: string; staffId?: string | null },
  nowMs: number,
): Promise<SchedulingRules> {
  const key = `${cacheScopeOf(db)}|${args.businessId}|${args.serviceId}|${args.staffId ?? "*"}`;
  return shared().rules.get(key, args.businessId, () =>
    loadSchedulingRules(db, {
      businessId: args.businessId,
      serviceId: args.serviceId,
      staffId: args.staffId ?? undefined,
      overridesFromMs: startOfUtcDay(nowMs - OVERRIDES_LOOKBACK_MS),
      overridesToMs: Number.POSITIVE_INFINITY,
    }),
  );
}

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / 86_400_000) * 86_400_000;
}
