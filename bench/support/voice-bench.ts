// Shared set-up of the voice benchmarks: an embedded database with the demo salon, the voice worker
// with provider doubles (bench/support/voice-doubles.ts), the Twilio webhooks behind a minimal HTTP
// adapter, and a child process driving N simulated calls at real time against them.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import pino from "pino";
import { seedDemo } from "../../prisma/seed";
import { mediaStreamUrl } from "../../server/calls/voice-webhook";
import { webhookAuthToken } from "../../server/calls/webhook-auth-token";
import { openDatabase, type Database } from "../../server/db";
import { migrateDatabase } from "../../server/migrations";
import { startWebAdapter, type WebAdapter } from "../../tests/voice/support/web-adapter";
import { parseWorkerEnv } from "../../voice-worker/src/env";
import { createVoiceWorker, type VoiceWorker } from "../../voice-worker/src/worker";
import { cpuMeter } from "./cpu";
import { benchProviders, llmDouble } from "./voice-doubles";

export const UTTERANCES = ["I would like to book a haircut please.", "Tomorrow morning would be great."];

export interface VoiceBench {
  database: Database;
  engine: string;
  worker: VoiceWorker;
  web: WebAdapter;
  authToken: string;
  close(): Promise<void>;
}

/**
 * The database: PostgreSQL (as in production, where the worker runs beside a database server) when
 * BENCH_DATABASE_URL, or the local server CI runs, is reachable; else embedded PGlite, whose
 * WebAssembly engine runs queries on the worker's own thread (see docs/VOICE.md).
 */
async function benchDatabase(): Promise<{ database: Database; engine: string; drop?: () => Promise<void> }> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  if (process.env.VOICE_BENCH_DB !== "pglite") {
    const admin = new pg.Client({ connectionString: adminUrl });
    try {
      await admin.connect();
      const name = `as_voice_${randomBytes(4).toString("hex")}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const database = await openDatabase({ kind: "postgres", url: url.toString() });
      return {
        database,
        engine: "PostgreSQL",
        drop: async () => {
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await admin.end();
        },
      };
    } catch {
      await admin.end().catch(() => undefined);
    }
  }
  return { database: await openDatabase({ kind: "pglite", dataDir: null }), engine: "PGlite (embedded)" };
}

export async function startVoiceBench(): Promise<VoiceBench> {
  const { database, engine, drop } = await benchDatabase();
  await migrateDatabase(database);
  await seedDemo(database.prisma);
  const dataDir = mkdtempSync(path.join(tmpdir(), "voice-bench-"));
  const env = { ...parseWorkerEnv({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }), VOICE_WORKER_PORT: 0 };
  const log = pino({ level: "silent" });
  const worker = createVoiceWorker({ db: database.prisma, env, log, providers: benchProviders(), conversationFactory: llmDouble, session: { mediaDir: null } });
  const { port } = await worker.start();
  const authToken = webhookAuthToken(env).token;
  const web = await startWebAdapter(() => ({ db: database.prisma, authToken, streamUrl: mediaStreamUrl(`ws://127.0.0.1:${port}`), now: new Date(), log }));
  return {
    database,
    engine,
    worker,
    web,
    authToken,
    async close() {
      await worker.stop(1000);
      await web.close();
      await database.close();
      await drop?.();
    },
  };
}

export interface LoadRound {
  calls: number;
  completed: number;
  dropped: number;
  failures: string[];
  /** Worker side: how late frames left compared with their 20 ms slots. */
  sendJitterP50Ms: number;
  sendJitterP99Ms: number;
  sendJitterMaxMs: number;
  /** Caller side: |gap − 20 ms| between consecutive frames as they arrived. */
  arrivalJitterP50Ms: number;
  arrivalJitterP99Ms: number;
  /** End of the caller's speech → first reply frame (endpointing + providers + worker). */
  responseP50Ms: number;
  responseP95Ms: number;
  greetingP95Ms: number;
  turnOverheadP50Ms: number;
  turnOverheadP95Ms: number;
  turnOverheadP99Ms: number;
  turns: number;
  workerCores: number;
  /** CPU the load generator (call simulator) used: it shares the machine with the worker. */
  simulatorCores: number;
}

/** Drives `calls` simulated calls (started evenly over rampMs) and collects both sides' numbers. */
export async function runLoad(bench: VoiceBench, calls: number, rampMs: number, utterances = UTTERANCES): Promise<LoadRound> {
  bench.worker.metrics.resetLatencies();
  const cpu = await cpuMeter();
  const job = { webUrl: bench.web.url, authToken: bench.authToken, to: "+15555550100", calls, rampMs, utterances };
  const child = spawn("tsx", ["bench/support/voice-load-child.ts", JSON.stringify(job)], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let errors = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (errors += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  const line = output.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`load generator exited ${code}: ${errors.slice(-2000)}`);
  const child_ = JSON.parse(line.slice(7)) as {
    completed: number;
    failures: string[];
    failureCount: number;
    arrivalJitterP50Ms: number;
    arrivalJitterP99Ms: number;
    responseP50Ms: number;
    responseP95Ms: number;
    greetingP95Ms: number;
    simulatorCores: number;
  };
  const usage = await cpu();
  const m = bench.worker.metrics;
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    calls,
    completed: child_.completed,
    dropped: child_.failureCount,
    failures: child_.failures,
    sendJitterP50Ms: r(m.frameLatenessMs.percentile(50)),
    sendJitterP99Ms: r(m.frameLatenessMs.percentile(99)),
    sendJitterMaxMs: r(m.frameLatenessMs.max),
    arrivalJitterP50Ms: child_.arrivalJitterP50Ms,
    arrivalJitterP99Ms: child_.arrivalJitterP99Ms,
    responseP50Ms: child_.responseP50Ms,
    responseP95Ms: child_.responseP95Ms,
    greetingP95Ms: child_.greetingP95Ms,
    turnOverheadP50Ms: r(m.turnOverheadMs.percentile(50)),
    turnOverheadP95Ms: r(m.turnOverheadMs.percentile(95)),
    turnOverheadP99Ms: r(m.turnOverheadMs.percentile(99)),
    turns: m.turnOverheadMs.count,
    workerCores: usage.processCores,
    simulatorCores: child_.simulatorCores,
  };
}
