// TEST DOUBLE: not speech recognition. There is no offline speech-to-text of usable quality on
// these machines, so integration tests, the benchmarks and `npm run call` without an OpenAI key
// may stand in this double for speech-to-text alone. Before the simulator speaks an utterance it
// registers the utterance's text and audio here (worker endpoint POST /test-doubles/stt/utterances,
// signed like a Twilio webhook). The simulator sends that audio as whole 20 ms frames, so the
// worker receives exactly those frames: the double hashes each 160-byte frame of a turn, finds
// which registered utterances the voiced frames belong to, and returns their text — a prefix of
// the words in proportion to how much of the utterance the turn held (a caller cut off mid-sentence
// gets half a sentence). Everything else in the call (VAD on the real audio, endpointing, barge-in,
// marks, the conversation, text-to-speech) runs for real.
import { createHash } from "node:crypto";
import { MULAW_FRAME_BYTES } from "../../media-stream/mulaw";
import { mulawFrameDbfs } from "../../pipeline/vad";
import type { SpeechToText, SttSession, TranscribeOptions } from "./speech-to-text";

/** Frames quieter than this are silence or breath: they identify nothing. */
const VOICED_DBFS = -45;

interface Utterance {
  id: number;
  words: string[];
  voicedFrames: number;
}

export class UtteranceDoubleSpeechToText implements SpeechToText {
  readonly model = "test-double";
  readonly description = "TEST DOUBLE (returns the registered text of simulator utterances; not speech recognition)";
  private readonly frames = new Map<string, Utterance>();
  private nextId = 0;

  /** @param delayMs simulated provider latency (the benchmarks use 300 ms). */
  constructor(private readonly options: { delayMs?: number; maxFrames?: number } = {}) {}

  register(text: string, mulaw: Uint8Array): { voicedFrames: number } {
    const utterance: Utterance = { id: this.nextId++, words: text.trim().split(/\s+/).filter(Boolean), voicedFrames: 0 };
    for (let offset = 0; offset + MULAW_FRAME_BYTES <= mulaw.length; offset += MULAW_FRAME_BYTES) {
      const frame = mulaw.subarray(offset, offset + MULAW_FRAME_BYTES);
      if (mulawFrameDbfs(frame) < VOICED_DBFS) continue;
      this.frames.set(frameKey(frame), utterance);
      utterance.voicedFrames++;
    }
    // Bound memory in long benchmark runs: forget the oldest frames first (Map keeps insertion order).
    const max = this.options.maxFrames ?? 500_000;
    for (const key of this.frames.keys()) {
      if (this.frames.size <= max) break;
      this.frames.delete(key);
    }
    return { voicedFrames: utterance.voicedFrames };
  }

  /** The text the registered utterances in `mulaw` carry. */
  recognise(mulaw: Uint8Array): string {
    const hits = new Map<Utterance, Set<string>>();
    const order: Utterance[] = [];
    for (let offset = 0; offset + MULAW_FRAME_BYTES <= mulaw.length; offset += MULAW_FRAME_BYTES) {
      const frame = mulaw.subarray(offset, offset + MULAW_FRAME_BYTES);
      const key = frameKey(frame);
      const utterance = this.frames.get(key);
      if (!utterance) continue;
      let seen = hits.get(utterance);
      if (!seen) {
        seen = new Set();
        hits.set(utterance, seen);
        order.push(utterance);
      }
      seen.add(key);
    }
    return order
      .map((u) => {
        const share = Math.min(1, (hits.get(u)?.size ?? 0) / Math.max(1, u.voicedFrames));
        const words = share >= 0.9 ? u.words.length : Math.floor(u.words.length * share);
        return u.words.slice(0, words).join(" ");
      })
      .filter(Boolean)
      .join(" ");
  }

  openSession(): SttSession {
    let audioSeconds = 0;
    let requests = 0;
    return {
      transcribe: async (mulaw: Uint8Array, { signal, onPartial }: TranscribeOptions) => {
        audioSeconds += mulaw.length / 8000;
        requests++;
        const text = this.recognise(mulaw);
        if (this.options.delayMs) await abortableDelay(this.options.delayMs, signal);
        onPartial?.(text);
        return { text };
      },
      get audioSeconds() {
        return audioSeconds;
      },
      get requests() {
        return requests;
      },
      close: () => undefined,
    };
  }
}

function frameKey(frame: Uint8Array): string {
  return createHash("sha1").update(frame).digest("base64");
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
