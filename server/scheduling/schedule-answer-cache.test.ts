// The versioned answer cache on its own: an answer is reused only for the version it was
// computed at and for a bounded stretch of the caller's clock; concurrent misses share one
// computation; failures are not kept; a business's entries can be dropped at once.
import { describe, expect, it } from "vitest";
import { VersionedAnswerCache } from "./schedule-answer-cache";

const cache = () => new VersionedAnswerCache({ maxAgeMs: 1_000, maxEntries: 3 });
const at = (version: number, nowMs: number, tag = "b1") => ({ tag, version: String(version), nowMs });

describe("VersionedAnswerCache", () => {
  it("reuses an answer for the same version within the age bound", async () => {
    const c = cache();
    let computed = 0;
    const compute = async () => ++computed;
    expect(await c.get("k", at(7, 10_000), compute)).toBe(1);
    expect(await c.get("k", at(7, 10_999), compute)).toBe(1);
    expect(computed).toBe(1);
  });

  it("recomputes as soon as the version differs, whichever way it moved", async () => {
    const c = cache();
    let computed = 0;
    const compute = async () => ++computed;
    await c.get("k", at(7, 10_000), compute);
    expect(await c.get("k", at(8, 10_001), compute)).toBe(2);
    expect(await c.get("k", at(7, 10_002), compute)).toBe(3); // a wrapped or restored counter is no match for an entry made at 8
  });

  it("recomputes once the answer is as old as the bound, or when the clock stands before it", async () => {
    const c = cache();
    let computed = 0;
    const compute = async () => ++computed;
    await c.get("k", at(7, 10_000), compute);
    expect(await c.get("k", at(7, 11_000), compute)).toBe(2);
    expect(await c.get("k", at(7, 9_000), compute)).toBe(3); // a test clock set back
  });

  it("shares one computation between concurrent misses and keeps no failure", async () => {
    const c = cache();
    let computed = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = async () => {
      computed++;
      await gate;
      return "answer";
    };
    const both = Promise.all([c.get("k", at(1, 0), slow), c.get("k", at(1, 5), slow)]);
    release();
    expect(await both).toEqual(["answer", "answer"]);
    expect(computed).toBe(1);

    await expect(c.get("bad", at(1, 0), async () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await c.get("bad", at(1, 1), async () => "recovered")).toBe("recovered");
  });

  it("drops only the invalidated business's entries, and the least recently used beyond the bound", async () => {
    const c = cache();
    const value = (v: string) => async () => v;
    await c.get("a", at(1, 0, "b1"), value("a1"));
    await c.get("b", at(1, 0, "b2"), value("b1"));
    c.invalidate("b1");
    expect(await c.get("a", at(1, 1, "b1"), value("a2"))).toBe("a2");
    expect(await c.get("b", at(1, 1, "b2"), value("b2"))).toBe("b1");

    await c.get("c", at(1, 2, "b3"), value("c1"));
    await c.get("d", at(1, 3, "b3"), value("d1")); // four keys, bound three: "a" was used least recently
    expect(c.size).toBe(3);
    expect(await c.get("a", at(1, 4, "b1"), value("a3"))).toBe("a3");
  });
});
