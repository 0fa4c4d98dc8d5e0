// Speech-to-text behind one small interface. The worker hands over a caller turn's audio (8 kHz
// μ-law, as it came from Twilio) as soon as the caller pauses, and reads partial text while the
// endpointer decides whether the turn is over; the final text is the turn. A provider is created
// once per process; each call opens a session (usage is counted per call).
import type { Logger } from "../../../../server/logger";

export interface TranscribeOptions {
  signal: AbortSignal;
  /** The transcript so far, when the provider streams it. */
  onPartial?: (text: string) => void;
}

export interface SttSession {
  transcribe(mulaw: Uint8Array, options: TranscribeOptions): Promise<{ text: string }>;
  /** Seconds of audio sent (the billing unit). */
  readonly audioSeconds: number;
  readonly requests: number;
  close(): void;
}

export interface SpeechToText {
  /** Key of the price table (server/calls/call-cost.ts) for this model. */
  readonly model: string;
  readonly description: string;
  openSession(options: { log: Logger }): SttSession;
}
