// Entry point of the voice worker when it runs on its own host (production):
// `node --import tsx voice-worker/src/main.ts`. Needs DATABASE_URL; see README "Deployment".
import { ConfigError } from "../../server/config-schema";
import { openDatabase, targetFromConfig } from "../../server/db";
import { createLogger } from "../../server/logger";
import { parseWorkerEnv } from "./env";
import { createVoiceWorker } from "./worker";

async function main() {
  const env = parseWorkerEnv(process.env);
  const log = createLogger(env.LOG_LEVEL, "voice-worker");
  const database = await openDatabase(targetFromConfig(env));
  const worker = createVoiceWorker({ db: database.prisma, env, log });
  await worker.start();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    await worker.stop();
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
