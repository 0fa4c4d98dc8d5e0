// Entry point of the voice worker when it runs on its own host (production):
// `node --import tsx voice-worker/src/main.ts`. Needs DATABASE_URL; see README "Deployment".
// In production this is the long-running process, so it also runs the periodic jobs (waitlist
// holds, purges). `npm start` (scripts/start.ts) starts the worker and the jobs itself and never
// loads this file, so the jobs run once per deployment either way.
import { ConfigError } from "../../server/config-schema";
import { openDatabase, targetFromConfig } from "../../server/db";
import { startPeriodicJobs } from "../../server/jobs/periodic-jobs";
import { createLogger } from "../../server/logger";
import { parseWorkerEnv } from "./env";
import { createVoiceWorker } from "./worker";

async function main() {
  const env = parseWorkerEnv(process.env);
  const log = createLogger(env.LOG_LEVEL, "voice-worker");
  const database = await openDatabase(targetFromConfig(env));
  const worker = createVoiceWorker({ db: database.prisma, env, log });
  await worker.start();
  const jobsLog = log.child({ part: "jobs" });
  const jobs = startPeriodicJobs({ db: database.prisma, log: jobsLog });
  // A first pass now: holds that lapsed while no worker was running are passed on at once.
  void jobs.runOnce();
  jobsLog.info("periodic jobs started");
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    await Promise.all([worker.stop(), jobs.stop()]);
    await database.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
