// Everything a voice integration test needs, real: a migrated test database (PGlite, or
// PostgreSQL when TEST_DATABASE_URL is set) with the demo salon, the voice worker on 127.0.0.1:0,
// the Twilio webhooks behind a minimal HTTP adapter, and the call simulator pointed at both.
// Speech-to-text is the labelled test double when asked for (there is no offline STT); all else
// is the real code (espeak-ng voice, VAD, endpointing, barge-in, marks, keypad, agent, bookings).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { seedDemo } from "../../../prisma/seed";
import { webhookAuthToken } from "../../../server/calls/webhook-auth-token";
import { mediaStreamUrl } from "../../../server/calls/voice-webhook";
import type { Database } from "../../../server/db";
import type { CallControl } from "../../../voice-worker/src/call/call-control";
import type { ConversationFactory, SessionConfig } from "../../../voice-worker/src/call/session-services";
import { parseWorkerEnv, type WorkerEnv } from "../../../voice-worker/src/env";
import { keypadConversationFactory } from "../../../voice-worker/src/keypad/keypad-conversation";
import type { SpeechProviders } from "../../../voice-worker/src/providers/select-providers";
import { UtteranceDoubleSpeechToText } from "../../../voice-worker/src/providers/stt/utterance-double-stt";
import { EspeakTextToSpeech } from "../../../voice-worker/src/providers/tts/espeak-tts";
import { simulateCall, type CallStep, type SimulatedCall, type SimulatorOptions } from "../../../voice-worker/src/simulator/call-simulator";
import { createVoiceWorker, type VoiceWorker } from "../../../voice-worker/src/worker";
import { openTestDatabase, type Engine } from "../../helpers/test-database";
import { startWebAdapter, type WebAdapter } from "./web-adapter";

/** Tuesday 2026-11-24 09:00 in New York: the salon is open, the week ahead has free times. */
export const NOW = new Date("2026-11-24T14:00:00Z");
export const DEMO_NUMBER = "+15555550100";
export const CALLER = "+15555550142";

export interface HarnessOptions {
  engine: Engine;
  speech?: boolean;
  /**
   * What calls with speech input talk to: "agent" is what the worker does on its own (production);
   * "keypad" (the default here) is the keypad menu with its few spoken words, which the speech-call
   * tests were written against. A conversationFactory overrides both.
   */
  conversation?: "agent" | "keypad";
  providers?: Partial<SpeechProviders>;
  session?: Partial<SessionConfig>;
  env?: Partial<WorkerEnv>;
  callControl?: CallControl;
  conversationFactory?: ConversationFactory;
  now?: () => Date;
  streamStartTimeoutMs?: number;
}

export interface VoiceHarness {
  database: Database;
  worker: VoiceWorker;
  web: WebAdapter;
  authToken: string;
  businessId: string;
  dataDir: string;
  /** The worker's HTTP address. */
  workerUrl: string;
  stt: UtteranceDoubleSpeechToText | null;
  call(steps: CallStep[], options?: Partial<SimulatorOptions>): Promise<SimulatedCall>;
  close(): Promise<void>;
}

export const quietLog = pino({ level: process.env.VOICE_TEST_LOG ?? "silent" });

export async function startVoiceHarness(options: HarnessOptions): Promise<VoiceHarness> {
  const database = await openTestDatabase(options.engine);
  const seeded = await seedDemo(database.prisma);
  const dataDir = mkdtempSync(path.join(tmpdir(), "voice-test-"));
  const env: WorkerEnv = { ...parseWorkerEnv({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }), VOICE_WORKER_PORT: 0, ...options.env };
  const stt = options.speech ? new UtteranceDoubleSpeechToText() : null;
  const tts = new EspeakTextToSpeech();
  const providers: SpeechProviders = { stt, tts, fallbackTts: tts, ...options.providers };
  const now = options.now ?? (() => NOW);
  const worker = createVoiceWorker({
    db: database.prisma,
    env,
    log: quietLog,
    providers,
    now,
    callControl: options.callControl,
    conversationFactory: options.conversationFactory ?? (options.conversation === "agent" ? undefined : keypadConversationFactory),
    session: options.session,
    streamStartTimeoutMs: options.streamStartTimeoutMs,
  });
  const { port } = await worker.start();
  const authToken = webhookAuthToken(env).token;
  const web = await startWebAdapter(() => ({
    db: database.prisma,
    authToken,
    streamUrl: mediaStreamUrl(`ws://127.0.0.1:${port}`),
    now: now(),
    log: quietLog,
  }));
  return {
    database,
    worker,
    web,
    authToken,
    businessId: seeded.businessId,
    dataDir,
    workerUrl: `http://127.0.0.1:${port}`,
    stt,
    call: (steps, extra) => simulateCall({ webUrl: web.url, to: DEMO_NUMBER, from: CALLER, authToken, steps, ...extra }),
    async close() {
      await worker.stop(2000);
      await web.close();
      await database.close();
    },
  };
}

/** The agent's side of the transcript, joined. */
export function agentText(call: SimulatedCall): string {
  return (call.summary?.transcript ?? []).filter((t) => t.speaker === "agent").map((t) => t.text).join(" ");
}
