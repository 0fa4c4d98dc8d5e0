// The latency breakdown of one reply, from the timestamps the pipeline noted on the way. Provider
// time is what the caller waited on speech-to-text (after the end-of-turn decision), on the
// conversation until it had a sentence to say, and on text-to-speech for its first byte; the rest
// of the time from the end of the turn to the first frame sent is the worker's own.
import type { TurnLatency } from "../../../server/calls/call-record-types";
import type { TurnTiming } from "../pipeline/reply-speaker";

export interface TurnTimingMarks extends TurnTiming {
  /** End-of-turn decision (speech turns); key presses and the greeting start at requestedAt. */
  endOfTurnAt?: number;
  endpointingMs?: number;
  sttFinalMs?: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function turnLatency(turn: number, input: TurnLatency["input"], t: TurnTimingMarks, firstFrameAt: number): TurnLatency {
  const totalMs = firstFrameAt - (t.endOfTurnAt ?? t.requestedAt);
  const speechRequest = t.firstSpeechRequestAt ?? firstFrameAt;
  const llmFirstSentenceMs = Math.max(0, speechRequest - t.requestedAt);
  const ttsFirstByteMs = Math.max(0, (t.firstAudioAt ?? firstFrameAt) - speechRequest);
  const sttFinalMs = t.sttFinalMs ?? 0;
  return {
    turn,
    input,
    endpointingMs: round(t.endpointingMs ?? 0),
    sttFinalMs: round(sttFinalMs),
    llmFirstTokenMs: round(Math.max(0, (t.firstTextAt ?? speechRequest) - t.requestedAt)),
    llmFirstSentenceMs: round(llmFirstSentenceMs),
    ttsFirstByteMs: round(ttsFirstByteMs),
    workerOverheadMs: round(Math.max(0, totalMs - sttFinalMs - llmFirstSentenceMs - ttsFirstByteMs)),
    totalMs: round(totalMs),
  };
}
