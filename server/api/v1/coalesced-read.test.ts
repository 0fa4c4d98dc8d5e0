// Coalesced reads: callers in one event-loop turn share a read, a caller arriving after it was
// sent gets a read of its own (so its answer is never older than its arrival), and failures
// reach every caller that shared the read.
import { describe, expect, it } from "vitest";
import type { Db } from "../../db";
import { coalescedRead } from "./coalesced-read";

const fakeDb = () => ({}) as Db;

describe("coalescedRead", () => {
  it("sends one read for callers asking for the same key in the same turn", async () => {
    const db = fakeDb();
    let reads = 0;
    const read = async () => ++reads;
    const answers = await Promise.all([coalescedRead(db, "k", read), coalescedRead(db, "k", read), coalescedRead(db, "k", read)]);
    expect(answers).toEqual([1, 1, 1]);
    expect(reads).toBe(1);
  });

  it("gives a caller that arrives after the read was sent a read of its own", async () => {
    const db = fakeDb();
    let reads = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const read = async () => {
      const n = ++reads;
      await gate;
      return n;
    };
    const first = coalescedRead(db, "k", read);
    await new Promise((resolve) => setImmediate(resolve)); // the first read is on its way now
    const second = coalescedRead(db, "k", read);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
  });

  it("keeps keys and databases apart, and hands a failure to everyone who shared the read", async () => {
    const db = fakeDb();
    const other = fakeDb();
    let reads = 0;
    const read = async () => ++reads;
    await Promise.all([coalescedRead(db, "a", read), coalescedRead(db, "b", read), coalescedRead(other, "a", read)]);
    expect(reads).toBe(3);

    const failing = async () => Promise.reject(new Error("connection lost"));
    const results = await Promise.allSettled([coalescedRead(db, "x", failing), coalescedRead(db, "x", failing)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    // A read that throws instead of returning a rejected promise (a client missing a method).
    const throwing = (): Promise<number> => {
      throw new TypeError("db.$queryRaw is not a function");
    };
    await expect(coalescedRead(db, "y", throwing)).rejects.toThrow("not a function");
  });
});
