// What a call session is given: the process's services (database, clock, providers, pacer,
// metrics, call control) and the per-call settings derived from configuration.
import type { Db } from "../../../server/db";
import type { Logger } from "../../../server/logger";
import type { CallConversation, ConversationCall } from "../conversation";
import type { FramePacer } from "../media-stream/pacer";
import type { WorkerMetrics } from "../metrics";
import type { EndpointingOptions } from "../pipeline/endpointing";
import type { VadOptions } from "../pipeline/vad";
import type { SpeechProviders } from "../providers/select-providers";
import type { CallControl } from "./call-control";

export type ConversationFactory = (call: ConversationCall, deps: { db: Db; now: () => Date; log: Logger }) => CallConversation;

export interface SessionConfig {
  maxCallMs: number;
  idleMs: number;
  messageMaxMs: number;
  vad?: VadOptions;
  endpointing?: EndpointingOptions;
  fillerDelayMs?: number;
  /** PUBLIC_URL of the web app, for Twilio callbacks (recordings). */
  publicUrl?: string;
  /** Where local message and call recordings go (DATA_DIR/voice); null: not saved. */
  mediaDir: string | null;
}

export interface SessionServices {
  db: Db;
  log: Logger;
  /** The domain clock (bookings, availability). Timers and audio use real time. */
  now: () => Date;
  providers: SpeechProviders;
  pacer: FramePacer;
  metrics: WorkerMetrics;
  callControl: CallControl;
  config: SessionConfig;
  /** The conversation for calls with speech input (the worker's default: the agent); the keypad menu when absent. */
  conversationFactory?: ConversationFactory;
}
