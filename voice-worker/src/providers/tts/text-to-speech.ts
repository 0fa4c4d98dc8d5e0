// Text-to-speech behind one small interface. A provider is created once per process (keys,
// clients, caches); each call opens its own session, which may hold a connection for the whole
// call (ElevenLabs keeps one WebSocket per call). Output is always 8 kHz μ-law, Twilio's format.
import type { Logger } from "../../../../server/logger";

export interface TtsSession {
  /**
   * Audio for `text`, streamed as the provider produces it, in chunks of any size. Aborting
   * `signal` stops generation and ends the iteration (without an error).
   */
  synthesize(text: string, signal: AbortSignal): AsyncIterable<Uint8Array>;
  /** Characters sent to the provider so far (its billing unit). */
  readonly characters: number;
  close(): void;
}

export interface TextToSpeech {
  /** Key of the price table (server/calls/call-cost.ts): "elevenlabs", "espeak", … */
  readonly name: string;
  /** One line for logs and the start-up banner. */
  readonly description: string;
  openSession(options: { log: Logger }): TtsSession;
}
