// `npm start`: one command from a fresh clone to a running product on the embedded database.
// Validates configuration, builds Next.js if sources changed, applies migrations, seeds the demo
// business on first run, then serves the Next.js app and the voice worker from this process
// (they share one database connection: PGlite allows a single opener). Ctrl-C stops both.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { DEMO, seedDemo } from "../prisma/seed";
import { handleApiV1, isApiV1Path } from "../server/api/v1/node-handler";
import { ConfigError, providerModes, providerPartLabels, type ProviderPart } from "../server/config-schema";
import { openDatabase, registerProcessDatabase, targetFromConfig } from "../server/db";
import { parseWebEnv } from "../server/env";
import { startPeriodicJobs } from "../server/jobs/periodic-jobs";
import { createLogger } from "../server/logger";
import { migrateDatabase } from "../server/migrations";
import { parseWorkerEnv } from "../voice-worker/src/env";
import { createVoiceWorker } from "../voice-worker/src/worker";

const root = process.cwd();
const dev = process.argv.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** An auth secret kept in the data folder, so sessions survive restarts without any setup. */
function ensureAuthSecret(dataDir: string) {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function buildIfNeeded() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const sources = ["app", "server", "public", "next.config.mjs", "postcss.config.mjs", "package-lock.json", "prisma/schema.prisma"];
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (built > Math.max(...sources.map((s) => newestMtime(path.join(root, s))))) return;
  console.log("Building the web app (first start or sources changed)…");
  const result = spawnSync("next", ["build"], { stdio: "inherit", cwd: root, env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) fail("The web app did not build; see the errors above.");
}

async function main() {
  const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
  ensureAuthSecret(dataDir);
  let webEnv, workerEnv;
  try {
    webEnv = parseWebEnv(process.env);
    workerEnv = parseWorkerEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const publicUrl = webEnv.PUBLIC_URL ?? `http://localhost:${webEnv.PORT}`;
  process.env.NEXTAUTH_URL ??= publicUrl;
  const log = createLogger(webEnv.LOG_LEVEL, "app");

  if (!dev) buildIfNeeded();

  const database = await openDatabase(targetFromConfig(webEnv));
  await migrateDatabase(database, (line) => log.info(line));
  const seeded = await seedDemo(database.prisma);
  registerProcessDatabase(database);

  const worker = createVoiceWorker({ db: database.prisma, env: workerEnv, log: log.child({ part: "voice-worker" }) });
  const { port: workerPort } = await worker.start();
  // The voice webhook tells Twilio (or the call simulator) where the worker's Media Streams
  // endpoint is. Unless a public wss:// address is configured, it is this in-process worker.
  if (!webEnv.VOICE_WORKER_PUBLIC_URL) {
    const host = ["0.0.0.0", "::"].includes(workerEnv.VOICE_WORKER_HOST) ? "127.0.0.1" : workerEnv.VOICE_WORKER_HOST;
    process.env.VOICE_WORKER_PUBLIC_URL = `ws://${host.includes(":") ? `[${host}]` : host}:${workerPort}`;
  }
  const jobs = startPeriodicJobs({ db: database.prisma, log: log.child({ part: "jobs" }) });

  const app = next({ dev, dir: root, hostname: webEnv.HOST, port: webEnv.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  // /api/v1 goes straight to its routes (the same ones Next.js mounts under app/api/v1), without
  // Next.js's router in between: a quarter of the CPU per request (server/api/v1/node-handler.ts).
  const apiLog = log.child({ part: "api-v1" });
  const server = http.createServer((req, res) => void (isApiV1Path(req.url) ? handleApiV1(database.prisma, req, res, apiLog) : handle(req, res)));
  await new Promise<void>((resolve) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      fail(
        error.code === "EADDRINUSE"
          ? `Port ${webEnv.PORT} is already in use. Stop the other program or start with PORT=<another port>.`
          : `The web server could not start: ${error.message}`,
      ),
    );
    server.listen(webEnv.PORT, webEnv.HOST, resolve);
  });

  const modes = providerModes(webEnv);
  console.log(
    [
      "",
      `AppointmentScheduler is running at ${publicUrl}`,
      `  Demo login:   ${DEMO.email} / ${DEMO.password}`,
      `  Demo number:  ${DEMO.phone} (Bloom Hair Studio)`,
      ...(seeded.apiKey ? [`  Demo API key: ${seeded.apiKey}  (shown once; create more under Settings → API keys)`] : []),
      `  Voice worker: http://${workerEnv.VOICE_WORKER_HOST}:${workerPort}/healthz`,
      "  Modes:",
      ...Object.entries(modes).map(([part, m]) => `    ${providerPartLabels[part as ProviderPart].padEnd(15)} ${m.mode}`),
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    server.closeIdleConnections();
    await Promise.all([
      new Promise<void>((resolve) => server.close(() => resolve())),
      worker.stop(Math.min(workerEnv.DRAIN_SECONDS, 10) * 1000),
      jobs.stop(),
    ]);
    await app.close?.();
    await database.close();
    console.log("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) fail(error.message);
  console.error(error);
  process.exit(1);
});
