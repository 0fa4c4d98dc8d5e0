// One database read for many concurrent requests that need the same row. Callers asking for the
// same key before the read is sent (within one turn of the event loop, via setImmediate) share
// it; a caller arriving after it was sent waits for the next one. So every caller's answer was
// read after that caller arrived: it reflects everything committed before the request began,
// which is what the availability cache's version check relies on (schedule-answer-cache.ts).
// Under load (a hundred clients polling one business's availability) this turns dozens of
// identical statements per loop turn into one; a lone request waits only for the current turn.
import type { Db } from "../../db";

interface Batch {
  promise: Promise<unknown>;
}

const pendingByDb = new WeakMap<Db, Map<string, Batch>>();

export function coalescedRead<T>(db: Db, key: string, read: () => Promise<T>): Promise<T> {
  const pending = pendingByDb.get(db) ?? new Map<string, Batch>();
  pendingByDb.set(db, pending);
  const waiting = pending.get(key);
  if (waiting) return waiting.promise as Promise<T>;
  const batch: Batch = {
    promise: new Promise<T>((resolve, reject) => {
      setImmediate(() => {
        pending.delete(key); // from now on, newcomers start a new batch
        // A read that throws rather than rejecting must still answer its callers.
        Promise.resolve().then(read).then(resolve, reject);
      });
    }),
  };
  pending.set(key, batch);
  return batch.promise as Promise<T>;
}
