// Background work that must happen even when nobody is on the page: today, expiring waitlist
// holds and passing the time to the next in line, and forgetting old sign-in attempts
// (reminders and calendar sync will join them).
// Runs in the long-running process (the voice worker, or `npm start`), never in serverless
// routes. A run never overlaps the previous one, and a failing job is logged, not fatal.
import type { Db } from "../db";
import type { Logger } from "../logger";
import { purgeRateLimitHits } from "../rate-limit/rate-limiter";
import { expireWaitlistOffers } from "../waitlist/expire-waitlist-offers";

export interface PeriodicJobs {
  /** One pass of every job; exposed for tests and for a manual kick. */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export function startPeriodicJobs({
  db,
  log,
  intervalMs = 60_000,
  now = () => new Date(),
}: {
  db: Db;
  log: Pick<Logger, "info" | "error">;
  intervalMs?: number;
  now?: () => Date;
}): PeriodicJobs {
  let running: Promise<void> | null = null;
  const systemActor = { type: "system", channel: "system" } as const;

  async function pass() {
    try {
      const result = await expireWaitlistOffers(db, {}, { actor: systemActor, now: now(), log });
      if (result.expired > 0) log.info(result, "waitlist holds expired");
    } catch (error) {
      log.error({ err: error }, "waitlist expiry job failed; will retry");
    }
    try {
      // Rate-limit windows are at most a day long; older hits only take space.
      await purgeRateLimitHits(db, { olderThan: new Date(now().getTime() - 86_400_000) });
    } catch (error) {
      log.error({ err: error }, "rate-limit purge failed; will retry");
    }
  }

  const runOnce = () => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void runOnce(), intervalMs);
  timer.unref();

  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
