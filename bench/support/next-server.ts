// The web app as deployed, in a child process on an ephemeral port of 127.0.0.1 against a given
// database: `next start` (the production build in .next) or the product's `npm start`.
// Benchmarks never build: a build takes minutes of both cores, and .next is shared with
// `npm start`. productionBuild() says whether a build exists that is newer than every source it is
// made from.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import net from "node:net";
import path from "node:path";

const root = process.cwd();
const SOURCES = ["app", "server", "public", "next.config.mjs", "postcss.config.mjs", "package-lock.json", "prisma/schema.prisma"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** "fresh", or why the production build cannot be measured. */
export function productionBuild(): "fresh" | "missing" | "stale" {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "missing";
  const built = statSync(buildId).mtimeMs;
  return built > Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s)))) ? "fresh" : "stale";
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface WebServer {
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * "next start": the production build as a deployment on Vercel serves it, /api/v1 through
 * Next.js's route handlers. "npm start": the product's own server (scripts/start.ts: the same
 * build, with /api/v1 handed to its routes before Next.js, and the voice worker in-process).
 */
export type WebServerKind = "next start" | "npm start";

export async function startWebServer(kind: WebServerKind, { databaseUrl, poolSize }: { databaseUrl: string; poolSize: number }): Promise<WebServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-web-")); // npm start keeps its auth secret and recordings here
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(poolSize),
    NEXTAUTH_SECRET: "bench-only-secret-not-used-for-anything",
    LOG_LEVEL: "error",
  };
  const child: ChildProcess =
    kind === "next start"
      ? spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, stdio: ["ignore", "ignore", "pipe"], env })
      : spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
          cwd: root,
          stdio: ["ignore", "ignore", "pipe"],
          env: { ...env, PORT: String(port), HOST: "127.0.0.1", VOICE_WORKER_PORT: String(await freePort()), DATA_DIR: dataDir },
        });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + String(chunk)).slice(-2000)));
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} exited with ${child.exitCode}: ${stderr}`);
    const up = await fetch(`${origin}/api/v1/openapi.json`).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${kind} did not answer within 60 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { origin, pid: child.pid!, stop };
}

/** CPU seconds used so far by a process and its children (Linux /proc), or null. */
export function processTreeCpuSeconds(pid: number): number | null {
  try {
    let ticks = 0;
    for (const name of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
      const stat = (() => {
        try {
          return readFileSync(`/proc/${name}/stat`, "utf8");
        } catch {
          return "";
        }
      })();
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(name) === pid || Number(fields[1]) === pid) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / 100;
  } catch {
    return null;
  }
}
