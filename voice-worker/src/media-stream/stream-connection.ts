// One Twilio Media Streams WebSocket. Enforces the protocol's order (connected → start → media,
// dtmf, mark … → stop), checks the one-time token in `start` against the call before doing
// anything else, and only then creates the call's session and routes events to it. Bad input
// never ends a call: a malformed, binary, oversize or unknown frame, or media before `start`, is
// counted, logged (the first of each kind per call) and dropped.
import type WebSocket from "ws";
import type { ClaimedCall } from "../../../server/calls/claim-stream-token";
import type { Logger } from "../../../server/logger";
import type { CallOutcome } from "../../../server/calls/call-record-types";
import type { WorkerMetrics } from "../metrics";
import { parseInboundMessage, type StartEvent } from "./protocol";

/** What the socket needs from a call once the stream is verified and started. */
export interface StreamInfo {
  streamSid: string;
  callSid: string;
  /** performance.now() when `start` arrived. */
  startedAt: number;
  send(message: string): void;
  close(code: number, reason: string): void;
}

/**
 * The call behind a verified stream. The cascade pipeline (call/call-session.ts: VAD → speech-to-
 * text → conversation → text-to-speech) implements it; a speech-to-speech pipeline (OpenAI
 * Realtime, μ-law straight through) would implement the same five methods, reuse MediaOutput for
 * paced frames, marks and `clear`, and leave this file untouched.
 */
export interface CallHandler {
  readonly ended: boolean;
  readonly done: Promise<void>;
  begin(): void;
  onMedia(audio: Uint8Array, nowMs: number): void;
  onDigit(digit: string): void;
  onMark(name: string): void;
  end(reason: string, fallbackOutcome: CallOutcome): Promise<void>;
}

export interface StreamConnectionDeps {
  log: Logger;
  metrics: WorkerMetrics;
  /** Trades the start event's callId + token for the call, or null (wrong, used or expired token). */
  claim(start: StartEvent): Promise<ClaimedCall | null>;
  createSession(call: ClaimedCall, stream: StreamInfo, log: Logger): CallHandler;
  /** A socket that sends no valid `start` within this time is closed. */
  startTimeoutMs?: number;
}

type State = "awaiting-start" | "verifying" | "active" | "closed";

export class StreamConnection {
  session: CallHandler | null = null;
  private state: State = "awaiting-start";
  private log: Logger;
  private readonly rejected = new Map<string, number>();
  private stopReceived = false;
  private readonly startTimer: NodeJS.Timeout;
  readonly closed: Promise<void>;
  private resolveClosed!: () => void;

  constructor(
    private readonly socket: WebSocket,
    private readonly deps: StreamConnectionDeps,
  ) {
    this.log = deps.log;
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    this.startTimer = setTimeout(() => {
      if (this.state === "awaiting-start") this.refuse("no start event");
    }, deps.startTimeoutMs ?? 10_000);
    socket.on("message", (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    socket.on("close", (code, reason) => void this.onClose(code, reason.toString()));
    socket.on("error", (error) => this.log.warn({ err: error.message }, "media stream socket error"));
  }

  /** Worker shutdown: end the call now (Twilio then runs the fallback TwiML: apology + message). */
  async shutdown(reason: string): Promise<void> {
    if (this.session) await this.session.end(reason, "failed");
    this.close(1001, reason);
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    if (this.state === "closed") return;
    const parsed = parseInboundMessage(data, isBinary);
    if (!parsed.ok) return this.reject(parsed.reason, parsed.detail);
    const event = parsed.event;
    const now = performance.now();
    switch (event.event) {
      case "connected":
        return;
      case "start":
        if (this.state !== "awaiting-start") return this.reject("duplicate-start", "a second start event");
        void this.onStart(event, now);
        return;
      case "stop":
        this.stopReceived = true;
        if (this.session) void this.session.end("caller hung up", "abandoned").then(() => this.close(1000, "stream stopped"));
        else this.close(1000, "stream stopped");
        return;
      default:
        // Twilio streams media right after `start`: what arrives while the token is being checked
        // is dropped quietly (a few frames of the caller's silence).
        if (this.state === "verifying") return this.deps.metrics.rejected(`${event.event}-while-verifying`);
        if (this.state !== "active" || !this.session) return this.reject(`${event.event}-before-start`, "the stream has not started");
        if (event.event === "media") {
          if (event.media.track === "inbound") this.session.onMedia(event.audio, now);
        } else if (event.event === "dtmf") this.session.onDigit(event.dtmf.digit);
        else if (event.event === "mark") this.session.onMark(event.mark.name);
    }
  }

  private async onStart(event: StartEvent, receivedAt: number): Promise<void> {
    this.state = "verifying";
    clearTimeout(this.startTimer);
    let call: ClaimedCall | null = null;
    try {
      call = await this.deps.claim(event);
    } catch (error) {
      this.log.error({ err: error }, "could not verify the stream token");
    }
    if ((this.state as State) === "closed") return;
    if (!call) return this.refuse("invalid stream token");
    this.log = this.deps.log.child({ callId: call.id, callSid: event.start.callSid });
    this.state = "active";
    this.deps.metrics.callsStarted++;
    this.session = this.deps.createSession(
      call,
      {
        streamSid: event.start.streamSid,
        callSid: event.start.callSid,
        startedAt: receivedAt,
        send: (message) => {
          if (this.socket.readyState === this.socket.OPEN) this.socket.send(message);
        },
        close: (code, reason) => this.close(code, reason),
      },
      this.log,
    );
    this.log.info({ business: call.businessId }, "call started");
    this.session.begin();
    if (this.stopReceived) void this.session.end("caller hung up", "abandoned");
  }

  private refuse(reason: string): void {
    this.deps.metrics.callsRefused++;
    this.log.warn({ reason }, "media stream refused");
    this.close(1008, reason);
  }

  private reject(reason: string, detail: string): void {
    this.deps.metrics.rejected(reason);
    const seen = (this.rejected.get(reason) ?? 0) + 1;
    this.rejected.set(reason, seen);
    if (seen === 1) this.log.warn({ reason, detail }, "dropped a bad media stream message");
  }

  private close(code: number, reason: string): void {
    if (this.state === "closed") return;
    this.state = "closed";
    clearTimeout(this.startTimer);
    try {
      this.socket.close(code, reason);
    } catch {
      this.socket.terminate();
    }
  }

  private async onClose(code: number, reason: string): Promise<void> {
    clearTimeout(this.startTimer);
    this.state = "closed";
    if (this.rejected.size > 0) this.log.info({ rejected: Object.fromEntries(this.rejected) }, "bad messages on this stream");
    if (this.session && !this.session.ended) {
      await this.session.end(this.stopReceived ? "caller hung up" : `socket closed (${code}${reason ? ` ${reason}` : ""})`, "abandoned");
    }
    if (this.session) await this.session.done;
    this.resolveClosed();
  }
}
