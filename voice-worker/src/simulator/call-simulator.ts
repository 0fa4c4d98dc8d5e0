// The call simulator plays Twilio's side of a phone call against the real web app and worker:
// it signs and posts the voice webhook, reads the TwiML, opens the Media Streams socket with the
// <Parameter>s, sends `connected` and `start`, then streams the caller's audio as μ-law frames
// every 20 ms (silence between utterances, as Twilio does), sends DTMF, plays the agent's audio
// out at real time (so marks are echoed only once the audio before them has "played", and `clear`
// drops the queue and echoes the pending marks, as Twilio does), saves what the caller heard, and
// finally posts the status callback and fetches the call's record from the worker.
//
// With the speech-to-text test double enabled in the worker (VOICE_STT=test-double), each
// utterance's text and audio are registered with it first (a labelled side channel); without it,
// nothing is registered and speech is just audio.
import { randomBytes } from "node:crypto";
import type WebSocket from "ws";
import type { CallSummary } from "../../../server/calls/get-call-summary";
import type { SimClock } from "./sim-clock";
import { getSigned, postSignedForm } from "./twilio-signing";
import { ACCOUNT_SID, SimulatedTwilioStream } from "./twilio-stream";
import { readStreamTwiml, saidTexts } from "./twiml-reader";

/**
 * One thing the caller does. By default a step waits until the agent has answered the previous
 * one and gone quiet; `early`: act 0.8 s into the agent's answer instead (barge-in); `now`: act
 * at once.
 */
export type CallStep = Timing &
  (
    | { say: string; hangUpAfterMs?: number }
    | { audio: Uint8Array; text?: string; hangUpAfterMs?: number }
    | { wav: string; text?: string }
    | { dtmf: string }
    | { wait: number }
    | { hangup: true }
  );

type Timing = { early?: boolean; now?: boolean };

export interface SimulatorOptions {
  /** The web app, e.g. http://127.0.0.1:3000 (the voice webhook is POST /api/twilio/voice). */
  webUrl: string;
  /**
   * The web app's PUBLIC_URL when it has one: requests go to webUrl but are signed for this
   * address, as Twilio signs the public URL it called.
   */
  publicUrl?: string;
  to: string;
  from?: string;
  /** TWILIO_AUTH_TOKEN, or the development token in DATA_DIR/twilio-dev-auth-token. */
  authToken: string;
  steps: CallStep[];
  callSid?: string;
  /** The worker's HTTP address; default: the stream URL's host. */
  workerUrl?: string;
  clock?: SimClock;
  /** The agent counts as finished after this much silence. */
  agentQuietMs?: number;
  /** How far into the agent's reply an `early` step acts. */
  earlyAfterMs?: number;
  stepTimeoutMs?: number;
  /** After the last step: wait for the worker to end the call instead of hanging up. */
  stayOnLine?: boolean;
  callTimeoutMs?: number;
  /** Collect the agent's audio as heard (for --out). Default true. */
  keepAudio?: boolean;
  fetchSummary?: boolean;
  /** Called with the open socket right after `start` (bad-input tests send raw frames through it). */
  onSocket?: (socket: WebSocket, streamSid: string) => void;
  log?: (line: string) => void;
}

export interface SimulatedCall {
  callSid: string;
  callId: string | null;
  twiml: string;
  /** <Say> texts when the webhook did not connect a stream (unknown number, error). */
  rejectedWith: string[] | null;
  webhookStatus: number;
  closeCode: number | null;
  closeReason: string;
  /** caller: we hung up; worker: it ended the call (simulated REST update); abnormal: socket dropped. */
  endedBy: "caller" | "worker" | "abnormal" | null;
  /** What the worker asked Twilio to do, as the simulator was told ("simulated-transfer +1…"). */
  simulatedAction: string | null;
  /** The fallback TwiML's <Say> texts, when the stream ended abnormally and Twilio would run it. */
  fallbackSaid: string[];
  /** μ-law the caller heard (silence included), if kept. */
  agentAudio: Uint8Array;
  framesReceived: number;
  marksEchoed: number;
  clearsReceived: number;
  greetingLatencyMs: number | null;
  /** Per caller action: its end → the agent's first frame after it. */
  responseLatenciesMs: number[];
  /** |gap − 20 ms| between consecutive agent frames within a stretch (arrival jitter). */
  arrivalJitterMs: number[];
  summary: CallSummary | null;
  errors: string[];
}


export function randomCallSid(): string {
  return `CA${randomBytes(16).toString("hex")}`;
}

export async function simulateCall(options: SimulatorOptions): Promise<SimulatedCall> {
  const log = options.log ?? (() => undefined);
  const from = options.from ?? "+15555550123";
  const callSid = options.callSid ?? randomCallSid();
  const result: SimulatedCall = {
    callSid,
    callId: null,
    twiml: "",
    rejectedWith: null,
    webhookStatus: 0,
    closeCode: null,
    closeReason: "",
    endedBy: null,
    simulatedAction: null,
    fallbackSaid: [],
    agentAudio: new Uint8Array(0),
    framesReceived: 0,
    marksEchoed: 0,
    clearsReceived: 0,
    greetingLatencyMs: null,
    responseLatenciesMs: [],
    arrivalJitterMs: [],
    summary: null,
    errors: [],
  };

  // 1. The voice webhook, signed as Twilio signs it.
  const voiceUrl = new URL("/api/twilio/voice", options.webUrl).toString();
  const signedFor = (url: string) => (options.publicUrl ? `${new URL(options.publicUrl).origin}${new URL(url).pathname}${new URL(url).search}` : url);
  const params = {
    AccountSid: ACCOUNT_SID,
    ApiVersion: "2010-04-01",
    CallSid: callSid,
    CallStatus: "ringing",
    Called: options.to,
    Caller: from,
    Direction: "inbound",
    From: from,
    To: options.to,
  };
  const webhook = await postSignedForm(voiceUrl, params, options.authToken, signedFor(voiceUrl));
  result.webhookStatus = webhook.status;
  result.twiml = await webhook.text();
  const stream = webhook.ok ? readStreamTwiml(result.twiml) : null;
  if (!stream) {
    result.rejectedWith = webhook.ok ? saidTexts(result.twiml) : [result.twiml];
    log(`webhook answered ${webhook.status} without a stream: ${result.rejectedWith.join(" ")}`);
    return result;
  }
  result.callId = stream.parameters.callId ?? null;
  const workerUrl = options.workerUrl ?? stream.url.replace(/^ws/, "http").replace(/\/media-stream.*$/, "");
  log(`connected: call ${result.callId}, stream ${stream.url}`);

  // 2. The Media Streams socket.
  const call = new SimulatedTwilioStream(options, result, stream.url, stream.parameters, callSid, workerUrl, log);
  await call.run();
  result.fallbackSaid = result.endedBy === "abnormal" ? saidTexts(`<Response>${stream.fallback}</Response>`) : [];

  // 3. Twilio's status callback, then the record as the worker wrote it.
  const durationSeconds = Math.round(call.elapsedMs / 1000);
  const statusUrl = new URL("/api/twilio/status", options.webUrl).toString();
  await postSignedForm(statusUrl, { ...params, CallStatus: "completed", CallDuration: String(durationSeconds) }, options.authToken, signedFor(statusUrl)).catch(
    (error: unknown) => result.errors.push(`status callback: ${String(error)}`),
  );
  if (options.fetchSummary !== false && result.callId) result.summary = await fetchSummary(workerUrl, result.callId, options.authToken);
  return result;
}

/**
 * The call's record once the worker has written its end (the outcome is the worker's last write;
 * the status callback may have marked the call completed before it). Polls for up to 15 s.
 */
async function fetchSummary(workerUrl: string, callId: string, authToken: string): Promise<CallSummary | null> {
  let last: CallSummary | null = null;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const response = await getSigned(`${workerUrl}/calls/${encodeURIComponent(callId)}`, authToken).catch(() => null);
    if (response?.ok) {
      last = (await response.json()) as CallSummary;
      if (last.endedAt && last.outcome) return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return last;
}
