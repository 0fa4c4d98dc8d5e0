// A map of promises with a time-to-live and a size bound (the least recently used entry goes
// first), used by the scheduling rules cache (scheduling-cache.ts) and the schedule answer cache
// (schedule-answer-cache.ts). Concurrent misses for one key share one load; a failed load is not
// kept. Each entry carries a tag (a business id) for dropping a group of keys at once, and may
// carry a version: it is then served only to a caller asking for that same version.

interface Entry<V> {
  tag: string;
  version: string;
  storedAtMs: number;
  value: Promise<V>;
}

export class TtlCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #clock: () => number;

  constructor({ ttlMs, maxEntries, clock = () => performance.now() }: { ttlMs: number; maxEntries: number; clock?: () => number }) {
    if (!(ttlMs > 0) || !(maxEntries > 0)) throw new RangeError("ttlMs and maxEntries must be positive");
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
    this.#clock = clock;
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * The entry for `key`, or `load()`'s. `nowMs`: the caller's clock instead of this cache's (an
   * entry stored later than it, as by a test clock set back, is not served).
   */
  get(key: string, tag: string, load: () => Promise<V>, { version = "", nowMs = this.#clock() }: { version?: string; nowMs?: number } = {}): Promise<V> {
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key); // re-inserted below when still good: Map order is recency order
      const age = nowMs - hit.storedAtMs;
      if (hit.version === version && age >= 0 && age < this.#ttlMs) {
        this.#entries.set(key, hit);
        return hit.value;
      }
    }
    const entry: Entry<V> = { tag, version, storedAtMs: nowMs, value: load() };
    this.#entries.set(key, entry);
    entry.value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return entry.value;
  }

  /** Drops every entry tagged `tag`, including loads still in flight (their callers still get them). */
  invalidate(tag: string): void {
    for (const [key, entry] of this.#entries) if (entry.tag === tag) this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}

// On globalThis, like the caches themselves: the Next.js bundle and the in-process worker load
// their own copies of these modules.
const DB_NUMBERS = Symbol.for("appointment-scheduler.cache-db-numbers");
type GlobalWithNumbers = typeof globalThis & { [DB_NUMBERS]?: { numbers: WeakMap<object, number>; next: number } };

/** A number per database client, for cache keys: two databases in one process (the test suites) never share entries. */
export function cacheScopeOf(db: object): number {
  const g = globalThis as GlobalWithNumbers;
  const state = (g[DB_NUMBERS] ??= { numbers: new WeakMap(), next: 1 });
  let number = state.numbers.get(db);
  if (number === undefined) state.numbers.set(db, (number = state.next++));
  return number;
}
