// The voice worker: a long-running HTTP + WebSocket service that holds Twilio Media Streams
// sockets (serverless routes cannot). start()/stop() so it runs alone (main.ts) or inside
// `npm start` next to Next.js.
//   GET  /healthz                 alive
//   GET  /readyz                  accepting calls (503 while draining or without a database)
//   GET  /metrics                 counters and latency percentiles (no personal data)
//   WS   /media-stream            Twilio Media Streams (one-time token checked on `start`)
//   GET  /calls/:id               a call's record, for the call simulator (signed like a webhook)
//   POST /test-doubles/stt/utterances   only with VOICE_STT=test-double: the simulator's side channel
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { WebSocketServer, type WebSocket } from "ws";
import { validateRequest, validateRequestWithBody } from "twilio/lib/webhooks/webhooks";
import { selectAgentEngine } from "../../server/agent/engines/select-engine";
import { claimStreamToken } from "../../server/calls/claim-stream-token";
import { getCallSummary } from "../../server/calls/get-call-summary";
import { webhookAuthToken } from "../../server/calls/webhook-auth-token";
import type { Db } from "../../server/db";
import type { Logger } from "../../server/logger";
import { summarizeWithLlm } from "../../server/agent/summary/summarize-with-llm";
import { agentConversationFactory, type CallSummarizer } from "./agent-conversation";
import { SimulatorCallControl, TwilioCallControl, type CallControl } from "./call/call-control";
import { CallSession } from "./call/call-session";
import type { ConversationFactory, SessionConfig } from "./call/session-services";
import type { WorkerEnv } from "./env";
import { FramePacer } from "./media-stream/pacer";
import { StreamConnection } from "./media-stream/stream-connection";
import { WorkerMetrics } from "./metrics";
import { selectProviders, type SpeechProviders } from "./providers/select-providers";
import { UtteranceDoubleSpeechToText } from "./providers/stt/utterance-double-stt";

export const MEDIA_STREAM_PATH = "/media-stream";
/** ws refuses (closes) frames above this; parseInboundMessage drops those above 64 KiB politely. */
const MAX_SOCKET_PAYLOAD = 1024 * 1024;

export interface VoiceWorker {
  start(): Promise<{ port: number }>;
  /** Stops taking new streams, lets active calls finish for up to drainMs, then closes. */
  stop(drainMs?: number): Promise<void>;
  readonly metrics: WorkerMetrics;
  readonly activeCalls: number;
  readonly providers: SpeechProviders;
}

export interface VoiceWorkerOptions {
  db: Db;
  env: WorkerEnv;
  log: Logger;
  /** Overrides for tests and benchmarks; each defaults to what the configuration selects. */
  providers?: SpeechProviders;
  callControl?: CallControl;
  /** The conversation of calls with speech input (default: the agent; keypadConversationFactory for the menu). */
  conversationFactory?: ConversationFactory;
  now?: () => Date;
  session?: Partial<SessionConfig>;
  /** A socket that sends no valid `start` within this time is closed (default 10 s). */
  streamStartTimeoutMs?: number;
}

export function createVoiceWorker(options: VoiceWorkerOptions): VoiceWorker {
  const { db, env, log } = options;
  const now = options.now ?? (() => new Date());
  const providers = options.providers ?? selectProviders(env, log);
  // Calls that can talk get the receptionist agent; the engine is chosen once per process.
  const agent = options.conversationFactory ? null : selectAgentEngine(env, log);
  // With an LLM configured, its few-sentence note replaces the extractive summary on the Call.
  const summarizer: CallSummarizer | undefined =
    agent?.mode === "llm"
      ? async ({ summary, history, signal }) =>
          (await summarizeWithLlm(env, { history, callerPhone: summary.caller.phone, callerName: summary.caller.name }, { signal, timeoutMs: 4000, log })).text
      : undefined;
  const conversationFactory = options.conversationFactory ?? (agent ? agentConversationFactory({ engine: agent.engine, summarizer }) : undefined);
  const metrics = new WorkerMetrics();
  const pacer = new FramePacer();
  const connections = new Set<StreamConnection>();
  const authToken = () => webhookAuthToken(env).token;
  let callControl: CallControl = options.callControl ?? new SimulatorCallControl();
  let draining = false;
  let stopping: Promise<void> | null = null;
  const sessionConfig: SessionConfig = {
    maxCallMs: env.MAX_CALL_SECONDS * 1000,
    idleMs: env.VOICE_IDLE_SECONDS * 1000,
    messageMaxMs: env.VOICE_MESSAGE_MAX_SECONDS * 1000,
    vad: { speechEndMs: env.VOICE_VAD_SILENCE_MS },
    endpointing: { neutralDelayMs: env.VOICE_TURN_END_MS },
    publicUrl: env.PUBLIC_URL,
    mediaDir: path.resolve(env.DATA_DIR, "voice"),
    ...options.session,
  };

  const server = http.createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      log.error({ err: error }, "worker request failed");
      if (!res.headersSent) json(res, 500, { error: "internal error" });
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_PAYLOAD });

  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://worker");
    if (url.pathname !== MEDIA_STREAM_PATH) {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
      return;
    }
    if (draining) {
      socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  function accept(ws: WebSocket) {
    const connection = new StreamConnection(ws, {
      log,
      metrics,
      startTimeoutMs: options.streamStartTimeoutMs,
      claim: (start) =>
        claimStreamToken(
          db,
          { callId: start.start.customParameters.callId ?? "", callSid: start.start.callSid, token: start.start.customParameters.token ?? "" },
          { now: now() },
        ),
      createSession: (call, stream, callLog) =>
        new CallSession(
          { db, log: callLog, now, providers, pacer, metrics, callControl, config: sessionConfig, conversationFactory },
          call,
          stream,
        ),
    });
    connections.add(connection);
    void connection.closed.then(() => connections.delete(connection));
  }

  // Keep-alive pings: idle proxies and load balancers drop quiet sockets after a few minutes.
  const keepAlive = setInterval(() => {
    for (const ws of wss.clients) if (ws.readyState === ws.OPEN) ws.ping();
  }, 25_000);
  keepAlive.unref();

  async function handleHttp(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://worker");
    if (req.method === "GET" && url.pathname === "/healthz") return json(res, 200, { ok: true });
    if (req.method === "GET" && url.pathname === "/readyz") {
      if (draining) return json(res, 503, { ready: false, reason: "draining" });
      try {
        await db.$queryRaw`SELECT 1`;
        return json(res, 200, { ready: true, activeCalls: connections.size });
      } catch {
        return json(res, 503, { ready: false, reason: "database unreachable" });
      }
    }
    if (req.method === "GET" && url.pathname === "/metrics") return json(res, 200, { activeCalls: connections.size, ...metrics.snapshot() });
    const callMatch = /^\/calls\/([A-Za-z0-9_-]{1,64})$/.exec(url.pathname);
    if (req.method === "GET" && callMatch) {
      if (!validateRequest(authToken(), header(req, "x-twilio-signature"), requestUrl(req), {})) return json(res, 403, { error: "forbidden" });
      const summary = await getCallSummary(db, { callId: callMatch[1]! });
      return summary ? json(res, 200, summary) : json(res, 404, { error: "no such call" });
    }
    if (req.method === "POST" && url.pathname === "/test-doubles/stt/utterances") {
      const double = providers.stt instanceof UtteranceDoubleSpeechToText ? providers.stt : null;
      if (!double) return json(res, 404, { error: "the speech-to-text test double is not enabled (VOICE_STT=test-double)" });
      const body = await readBody(req, 2 * 1024 * 1024);
      if (body === null) return json(res, 413, { error: "too large" });
      if (!validateRequestWithBody(authToken(), header(req, "x-twilio-signature"), requestUrl(req), body)) return json(res, 403, { error: "forbidden" });
      const { text, audio } = JSON.parse(body) as { text?: unknown; audio?: unknown };
      if (typeof text !== "string" || typeof audio !== "string") return json(res, 400, { error: "text and audio (base64 μ-law) are required" });
      return json(res, 200, double.register(text, Buffer.from(audio, "base64")));
    }
    json(res, 404, { error: "not found" });
  }

  return {
    metrics,
    providers,
    get activeCalls() {
      return connections.size;
    },
    async start() {
      if (!options.callControl && env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN) {
        callControl = await TwilioCallControl.create(env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, log);
      }
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(env.VOICE_WORKER_PORT, env.VOICE_WORKER_HOST, resolve);
      });
      const { port } = server.address() as AddressInfo;
      log.info(
        {
          port,
          stt: providers.stt?.description ?? "none (keypad calls)",
          conversation: !providers.stt ? "keypad menu" : agent ? `agent (${agent.engine.name})` : "custom",
          tts: providers.tts.description,
          telephony: callControl.kind,
        },
        "voice worker ready",
      );
      return { port };
    },
    stop(drainMs = env.DRAIN_SECONDS * 1000) {
      stopping ??= drain(drainMs);
      return stopping;
    },
  };

  async function drain(drainMs: number): Promise<void> {
    draining = true;
    clearInterval(keepAlive);
    const active = [...connections];
    if (active.length > 0) log.info({ activeCalls: active.length, drainMs }, "draining: waiting for active calls to finish");
    // Sockets that never started a call have nothing to finish.
    for (const connection of active) if (!connection.session) void connection.shutdown("worker shutting down");
    const finished = Promise.allSettled(active.map((c) => c.closed));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), drainMs)));
    if ((await Promise.race([finished, deadline])) === "timeout") {
      const left = [...connections];
      log.warn({ activeCalls: left.length }, "drain time is up: ending the remaining calls (Twilio plays the fallback and takes a message)");
      await Promise.allSettled(left.map((c) => c.shutdown("worker shutting down")));
      await Promise.race([Promise.allSettled(left.map((c) => c.closed)), new Promise((resolve) => setTimeout(resolve, 2000))]);
    }
    clearTimeout(timer);
    pacer.stop();
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    server.closeIdleConnections();
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        server.closeAllConnections();
        resolve();
      }, 2000);
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
    });
    log.info("voice worker stopped");
  }
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function header(req: http.IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

/** The URL the client asked for, as it signed it (see server/calls/twilio-signature.ts for the trust rule). */
function requestUrl(req: http.IncomingMessage): string {
  const first = (v: string) => v.split(",")[0]?.trim() || "";
  const proto = first(header(req, "x-forwarded-proto")) || "http";
  const host = first(header(req, "x-forwarded-host")) || header(req, "host");
  return `${proto}://${host}${req.url ?? "/"}`;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
