// The JSON shapes stored on a Call row: transcript turns, per-turn latency and provider usage.
import type { CallOutcome } from "../generated/prisma/enums";

export type { CallOutcome };

export interface TranscriptTurn {
  speaker: "caller" | "agent" | "system";
  text: string;
  /** ISO instant the turn ended (caller) or started playing (agent). */
  at: string;
  /** Agent turns cut short by the caller: `text` holds only what Twilio confirmed as played. */
  interrupted?: boolean;
  /** For an interrupted turn: our estimate of the words of the cut sentence that were heard. */
  heardEstimate?: string;
  /** Caller turns entered on the keypad. */
  dtmf?: string;
}

/** Milliseconds from the end of the caller's turn to the first audio frame of the reply. */
export interface TurnLatency {
  turn: number;
  input: "speech" | "keypad" | "greeting";
  /** Silence waited after the VAD's speech end before deciding the turn was over. */
  endpointingMs: number;
  /** Waiting for the final transcript after the end-of-turn decision (the rest overlapped). */
  sttFinalMs: number;
  /** Until the conversation (LLM, or keypad logic with its database queries) produced text. */
  llmFirstTokenMs: number;
  /** Until the first sentence was complete (streaming LLM output). */
  llmFirstSentenceMs: number;
  /** Text-to-speech request to first audio byte. */
  ttsFirstByteMs: number;
  /** Everything else: our own processing and the pacer. */
  workerOverheadMs: number;
  /** End of turn (or DTMF, or stream start) to the first frame sent to Twilio. */
  totalMs: number;
}

export interface CallUsage {
  sttSeconds?: number;
  sttModel?: string;
  sttRequests?: number;
  ttsCharacters?: number;
  ttsProvider?: string;
  llmInputTokens?: number;
  llmOutputTokens?: number;
  llmModel?: string;
  callSeconds?: number;
  telephony?: "twilio" | "simulator";
}
