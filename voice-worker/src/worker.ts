// The voice worker: a long-running HTTP + WebSocket service that holds Twilio Media Streams
// sockets (serverless routes cannot). start()/stop() so it runs alone (main.ts) or inside
// `npm start` next to Next.js. Health: GET /healthz (alive), GET /readyz (accepting calls).
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Db } from "../../server/db";
import type { Logger } from "../../server/logger";
import type { WorkerEnv } from "./env";

export interface VoiceWorker {
  start(): Promise<{ port: number }>;
  /** Stops taking new streams, lets active calls finish for up to drainMs, then closes. */
  stop(drainMs?: number): Promise<void>;
}

export function createVoiceWorker({ db, env, log }: { db: Db; env: WorkerEnv; log: Logger }): VoiceWorker {
  let draining = false;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://worker");
    if (req.method === "GET" && url.pathname === "/healthz") {
      return json(res, 200, { ok: true });
    }
    if (req.method === "GET" && url.pathname === "/readyz") {
      if (draining) return json(res, 503, { ready: false, reason: "draining" });
      try {
        await db.$queryRaw`SELECT 1`;
        return json(res, 200, { ready: true });
      } catch {
        return json(res, 503, { ready: false, reason: "database unreachable" });
      }
    }
    json(res, 404, { error: "not found" });
  });

  return {
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(env.VOICE_WORKER_PORT, env.VOICE_WORKER_HOST, resolve);
      });
      const { port } = server.address() as AddressInfo;
      log.info({ port }, "voice worker ready");
      return { port };
    },
    async stop(drainMs = env.DRAIN_SECONDS * 1000) {
      draining = true;
      // No calls are held yet (Media Streams arrive with the voice-worker issue), so the drain
      // only waits for in-flight HTTP requests.
      server.closeIdleConnections();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, drainMs);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      log.info("voice worker stopped");
    },
  };
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
