// The cache under the scheduling rules and the schedule answers, on a fake clock: entries live
// for the TTL, invalidation by business drops them at once, the size stays bounded, concurrent
// misses share one load, a failed load is not remembered, and a versioned entry is served only
// for its own version.
import { describe, expect, it } from "vitest";
import { cacheScopeOf, TtlCache } from "./ttl-cache";

function setup({ ttlMs = 5_000, maxEntries = 100 } = {}) {
  let nowMs = 1_000;
  const loads: string[] = [];
  const cache = new TtlCache<string>({ ttlMs, maxEntries, clock: () => nowMs });
  const get = (key: string, tag = "business-1") =>
    cache.get(key, tag, async () => {
      loads.push(key);
      return `${key}@${nowMs}`;
    });
  return { cache, get, loads, advance: (ms: number) => (nowMs += ms) };
}

describe("TtlCache", () => {
  it("serves an entry until its TTL has passed, then reads it again", async () => {
    const { get, loads, advance } = setup({ ttlMs: 5_000 });
    expect(await get("a")).toBe("a@1000");
    advance(4_999);
    expect(await get("a")).toBe("a@1000");
    expect(loads).toEqual(["a"]);
    advance(1);
    expect(await get("a")).toBe("a@6000");
    expect(loads).toEqual(["a", "a"]);
  });

  it("drops every entry of a business on invalidation, and only that business's", async () => {
    const { cache, get, loads } = setup();
    await get("a", "business-1");
    await get("b", "business-1");
    await get("c", "business-2");
    cache.invalidate("business-1");
    expect(cache.size).toBe(1);
    await get("a", "business-1");
    await get("c", "business-2");
    expect(loads).toEqual(["a", "b", "c", "a"]);
  });

  it("keeps at most maxEntries, evicting the least recently used first", async () => {
    const { cache, get, loads } = setup({ maxEntries: 3 });
    await get("a");
    await get("b");
    await get("c");
    await get("a"); // a is now the most recently used
    await get("d"); // evicts b
    expect(cache.size).toBe(3);
    loads.length = 0;
    await get("a");
    await get("c");
    await get("d");
    expect(loads).toEqual([]);
    await get("b");
    expect(loads).toEqual(["b"]);
    expect(cache.size).toBe(3);
  });

  it("shares one load between concurrent misses", async () => {
    let calls = 0;
    let release!: (value: string) => void;
    const cache = new TtlCache<string>({ ttlMs: 5_000, maxEntries: 10, clock: () => 0 });
    const load = () => {
      calls++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const first = cache.get("a", "b1", load);
    const second = cache.get("a", "b1", load);
    release("rules");
    expect(await Promise.all([first, second])).toEqual(["rules", "rules"]);
    expect(calls).toBe(1);
  });

  it("does not remember a failed load", async () => {
    const cache = new TtlCache<string>({ ttlMs: 5_000, maxEntries: 10, clock: () => 0 });
    await expect(cache.get("a", "b1", () => Promise.reject(new Error("no such service")))).rejects.toThrow("no such service");
    expect(cache.size).toBe(0);
    expect(await cache.get("a", "b1", async () => "rules")).toBe("rules");
  });

  it("does not let a load that was in flight during invalidation fill the cache afterwards", async () => {
    let release!: (value: string) => void;
    const cache = new TtlCache<string>({ ttlMs: 5_000, maxEntries: 10, clock: () => 0 });
    const stale = cache.get("a", "b1", () => new Promise<string>((resolve) => (release = resolve)));
    cache.invalidate("b1");
    release("old hours");
    expect(await stale).toBe("old hours"); // its own caller still gets it
    expect(await cache.get("a", "b1", async () => "new hours")).toBe("new hours");
  });

  it("refuses a non-positive TTL or size", () => {
    expect(() => new TtlCache({ ttlMs: 0, maxEntries: 1 })).toThrow(RangeError);
    expect(() => new TtlCache({ ttlMs: 1, maxEntries: 0 })).toThrow(RangeError);
  });
  it("serves a versioned entry only for the same version, whichever way the version moved", async () => {
    const cache = new TtlCache<number>({ ttlMs: 1_000, maxEntries: 10 });
    let computed = 0;
    const compute = async () => ++computed;
    const at = (version: number, nowMs: number) => ({ version: String(version), nowMs });
    expect(await cache.get("k", "b1", compute, at(7, 10_000))).toBe(1);
    expect(await cache.get("k", "b1", compute, at(7, 10_999))).toBe(1);
    expect(await cache.get("k", "b1", compute, at(8, 10_999))).toBe(2);
    expect(await cache.get("k", "b1", compute, at(7, 11_000))).toBe(3); // a wrapped or restored counter is no match for an entry made at 8
    expect(await cache.get("k", "b1", compute, at(7, 12_000))).toBe(4); // as old as the bound
    expect(await cache.get("k", "b1", compute, at(7, 9_000))).toBe(5); // a test clock set back
  });

  it("numbers database clients apart for cache keys, the same one always alike", () => {
    const first = {};
    const second = {};
    expect(cacheScopeOf(first)).toBe(cacheScopeOf(first));
    expect(cacheScopeOf(first)).not.toBe(cacheScopeOf(second));
  });
});
