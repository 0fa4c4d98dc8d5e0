// The caller's side of one call: every inbound frame goes through the VAD; the endpointer decides
// when a turn is over; the turn's audio (with 300 ms of pre-roll, so the first syllable is not
// lost) goes to speech-to-text. Transcription starts speculatively the moment the caller pauses,
// so its latency overlaps the endpointing wait, and its partial text lets the endpointer wait
// longer after "…on the" and less after "yes". If the caller resumes, the request is aborted and
// a new one starts at the next pause. Without speech-to-text the turns still end (with empty text)
// so the keypad menu can tell a caller who talks that only keys work.
import type { Logger } from "../../../server/logger";
import { MULAW_FRAME_BYTES } from "../media-stream/mulaw";
import type { SttSession } from "../providers/stt/speech-to-text";
import { Endpointer, type EndpointingOptions } from "./endpointing";
import { VoiceActivityDetector, type VadOptions } from "./vad";

const PRE_ROLL_FRAMES = 15; // 300 ms
/** A turn longer than this is cut (someone reading a long message, or steady noise). */
const MAX_TURN_MS = 30_000;

export interface CallerTurn {
  text: string;
  /** Last voiced audio → end-of-turn decision. */
  endpointingMs: number;
  /** End-of-turn decision → final transcript (what the speculative request did not hide). */
  sttFinalMs: number;
  /** Session clock at the end-of-turn decision. */
  endOfTurnAt: number;
}

export interface SpeechInputEvents {
  speechStarted(nowMs: number): void;
  turn(turn: CallerTurn): void;
  sttFailed(error: unknown): void;
}

interface Pending {
  controller: AbortController;
  bytes: number;
  promise: Promise<string>;
}

export class SpeechInput {
  readonly vad: VoiceActivityDetector;
  private readonly endpointer: Endpointer;
  private readonly preRoll: Uint8Array[] = [];
  private turnFrames: Uint8Array[] = [];
  private turnBytes = 0;
  private speechEndAt = 0;
  private pending: Pending | null = null;
  private delivery: Promise<void> = Promise.resolve();
  private closed = false;
  private partial = "";

  constructor(
    private readonly stt: SttSession | null,
    private readonly events: SpeechInputEvents,
    private readonly log: Logger,
    options: { vad?: VadOptions; endpointing?: EndpointingOptions } = {},
  ) {
    this.vad = new VoiceActivityDetector(options.vad);
    this.endpointer = new Endpointer(options.endpointing);
  }

  /** The caller's current speech started at (session ms), or null when silent. */
  get speechStartedAtMs(): number | null {
    return this.vad.speechStartedAtMs;
  }

  /** The newest partial transcript of the turn in progress (for the barge-in word rule). */
  get partialTranscript(): string {
    return this.partial;
  }

  /**
   * Keeps references to `frame`'s bytes (no copy: this runs 50 times a second per call), so the
   * caller must not reuse the buffer; each Media Streams message decodes into a fresh one.
   */
  push(frame: Uint8Array, nowMs: number): void {
    if (this.closed) return;
    // Twilio sends 160-byte frames; anything else is cut into frames the VAD can measure.
    for (let offset = 0; offset < frame.length; offset += MULAW_FRAME_BYTES) this.pushFrame(frame.subarray(offset, offset + MULAW_FRAME_BYTES), nowMs);
  }

  /** Forget the turn in progress (the call changed mode, or a message is being recorded). */
  reset(): void {
    this.pending?.controller.abort();
    this.pending = null;
    this.turnFrames = [];
    this.turnBytes = 0;
    this.partial = "";
    this.endpointer.reset();
  }

  close(): void {
    this.closed = true;
    this.reset();
  }

  private pushFrame(frame: Uint8Array, nowMs: number): void {
    const event = this.vad.process(frame, nowMs);
    const state = this.endpointer.state;
    const inTurn = state === "speaking" || state === "pending";
    if (inTurn) this.append(frame);
    else {
      this.preRoll.push(frame);
      if (this.preRoll.length > PRE_ROLL_FRAMES) this.preRoll.shift();
    }

    if (event?.type === "speech-start") {
      if (!inTurn) {
        this.turnFrames = [...this.preRoll];
        this.turnBytes = this.turnFrames.reduce((n, f) => n + f.length, 0);
        this.preRoll.length = 0;
        this.partial = "";
      }
      // The caller went on talking: a transcript of the shorter audio is useless now.
      this.pending?.controller.abort();
      this.pending = null;
      this.endpointer.onSpeechStart(nowMs);
      this.events.speechStarted(nowMs);
    } else if (event?.type === "speech-end") {
      this.speechEndAt = event.atMs;
      this.endpointer.onSpeechEnd(nowMs);
      this.startTranscription(nowMs);
    }

    if (this.endpointer.state === "speaking" && this.turnBytes > MAX_TURN_MS * 8) {
      // Force the turn to end: treat it as a pause right now.
      this.speechEndAt = nowMs;
      this.endpointer.onSpeechEnd(nowMs);
      this.startTranscription(nowMs);
      this.endpointer.onTranscript(`${this.partial}.`, nowMs);
    }

    const end = this.endpointer.poll(nowMs);
    if (end) this.finishTurn(nowMs);
  }

  private append(frame: Uint8Array): void {
    this.turnFrames.push(frame);
    this.turnBytes += frame.length;
  }

  private startTranscription(nowMs: number): void {
    if (!this.stt) return;
    this.pending?.controller.abort();
    const controller = new AbortController();
    const audio = concat(this.turnFrames, this.turnBytes);
    const promise = this.stt
      .transcribe(audio, {
        signal: controller.signal,
        onPartial: (text) => {
          if (controller.signal.aborted) return;
          this.partial = text;
          this.endpointer.onTranscript(text, nowMs);
        },
      })
      .then(({ text }) => {
        if (!controller.signal.aborted) {
          this.partial = text;
          this.endpointer.onTranscript(text, nowMs);
        }
        return text;
      });
    // Failures surface when the turn ends (finishTurn awaits this promise).
    promise.catch(() => undefined);
    this.pending = { controller, bytes: this.turnBytes, promise };
  }

  /** Captures the ended turn now; delivers it (after its transcript) in order with earlier turns. */
  private finishTurn(nowMs: number): void {
    const endpointingMs = Math.max(0, nowMs - this.speechEndAt);
    const pending = this.pending;
    this.pending = null;
    this.turnFrames = [];
    this.turnBytes = 0;
    this.delivery = this.delivery.then(async () => {
      let text = "";
      if (this.stt && pending) {
        try {
          text = await pending.promise;
        } catch (error) {
          if (this.closed || pending.controller.signal.aborted) return;
          this.log.warn({ err: error instanceof Error ? error.message : error }, "speech-to-text failed");
          this.events.sttFailed(error);
          return;
        }
      }
      if (this.closed) return;
      this.partial = "";
      this.events.turn({ text, endpointingMs, sttFinalMs: Math.max(0, performance.now() - nowMs), endOfTurnAt: nowMs });
    });
  }
}

function concat(frames: Uint8Array[], bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let offset = 0;
  for (const frame of frames) {
    out.set(frame, offset);
    offset += frame.length;
  }
  return out;
}
