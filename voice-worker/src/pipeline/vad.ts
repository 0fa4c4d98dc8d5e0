// Energy-based voice-activity detection on the caller's 20 ms μ-law frames. It tells the
// turn-taking logic when the caller starts and stops talking, and feeds the barge-in decision.
// Energy is crude next to a neural VAD, but it costs 160 table lookups per frame and behaves
// the same on every run, which is what hundreds of concurrent calls and exact tests need.
//
// How it decides, per frame:
//  1. Level: RMS of the decoded samples in dBFS (0 dBFS = a full-scale square wave, so a
//     full-scale sine is -3 dBFS). Digital silence is clamped to -100 dBFS.
//  2. Threshold: noise floor + marginDb, never below minThresholdDbfs. While speech is ongoing the
//     threshold drops by hysteresisDb so word endings do not chatter.
//  3. Noise floor: minimum statistics. The quietest frame level over the last noiseWindowMs
//     (tracked as 4 block minima, O(1) per frame). Speech always has dips, so speech barely lifts
//     it, while a steady louder background takes over within one window. The floor is capped at
//     maxNoiseFloorDbfs, so a loud background can never push the threshold above
//     maxNoiseFloorDbfs + marginDb (-33 dBFS by default), where normal phone speech (-30 to
//     -15 dBFS) would be missed.
//  4. Timing: speech starts after speechStartMs of consecutive voiced audio (filters clicks) and
//     ends after speechEndMs of consecutive unvoiced audio. Durations come from frame lengths
//     (8 bytes per ms), not from wall time, so network jitter cannot change a decision.
// Known limit: a sudden steady background louder than the threshold reads as speech until the
// noise window catches up (about noiseWindowMs + speechEndMs).

import { MULAW_BYTES_PER_MS, MULAW_DECODE_TABLE } from "../media-stream/mulaw";

export interface VadOptions {
  /** Consecutive voiced audio needed to declare speech. */
  speechStartMs?: number;
  /** Consecutive unvoiced audio needed to declare the end of speech. */
  speechEndMs?: number;
  /** How far above the noise floor a frame must be to count as voiced. */
  marginDb?: number;
  /** Threshold reduction while speech is ongoing. */
  hysteresisDb?: number;
  /** The threshold never goes below this, whatever the floor (line hiss, codec noise). */
  minThresholdDbfs?: number;
  /** The noise floor never goes above this (see the module comment). */
  maxNoiseFloorDbfs?: number;
  /** Span of the minimum-statistics noise estimate. */
  noiseWindowMs?: number;
}

export const DEFAULT_VAD_OPTIONS: Required<VadOptions> = {
  speechStartMs: 100,
  speechEndMs: 200,
  marginDb: 12,
  hysteresisDb: 3,
  minThresholdDbfs: -50,
  maxNoiseFloorDbfs: -45,
  noiseWindowMs: 2000,
};

export type VadEvent =
  /** `frameIndex`/`atMs`: the first voiced frame of the run that started the speech. */
  | { type: "speech-start"; frameIndex: number; atMs: number }
  /** `frameIndex`/`atMs`: the first silent frame of the run that ended the speech. */
  | { type: "speech-end"; frameIndex: number; atMs: number };

const SILENCE_DBFS = -100;
const NOISE_BLOCKS = 4;
// 20·log10(32768): converts a mean square on the Int16 scale to dBFS.
const FULL_SCALE_DB = 10 * Math.log10(32768 * 32768);

// Squared sample for each μ-law code: the energy sum needs no decode pass and no buffer.
const SQUARE_TABLE = (() => {
  const table = new Float64Array(256);
  for (let i = 0; i < 256; i++) table[i] = (MULAW_DECODE_TABLE[i] as number) ** 2;
  return table;
})();

/** RMS level of a μ-law frame in dBFS, clamped to -100 for digital silence. */
export function mulawFrameDbfs(frame: Uint8Array): number {
  if (frame.length === 0) return SILENCE_DBFS;
  let sum = 0;
  for (let i = 0; i < frame.length; i++) sum += SQUARE_TABLE[frame[i] as number] as number;
  if (sum === 0) return SILENCE_DBFS;
  return Math.max(SILENCE_DBFS, 10 * Math.log10(sum / frame.length) - FULL_SCALE_DB);
}

/** One detector per call (per inbound track). Feed it every inbound frame, in order. */
export class VoiceActivityDetector {
  private readonly options: Required<VadOptions>;
  private readonly blockMs: number;
  private readonly blockMinima = new Float64Array(NOISE_BLOCKS);
  private blockPosition = 0;
  private currentBlockMin = Number.POSITIVE_INFINITY;
  private currentBlockMs = 0;

  private frames = 0;
  private inSpeech = false;
  private runMs = 0;
  private runStartFrame = 0;
  private runStartMs = 0;
  private speechStartMs: number | null = null;
  private lastLevel = SILENCE_DBFS;

  constructor(options: VadOptions = {}) {
    this.options = { ...DEFAULT_VAD_OPTIONS, ...options };
    this.blockMs = this.options.noiseWindowMs / NOISE_BLOCKS;
    this.blockMinima.fill(Number.POSITIVE_INFINITY);
  }

  /** Processes one frame. `nowMs` is the session's clock for this frame; it only labels events. */
  process(frame: Uint8Array, nowMs: number): VadEvent | null {
    const frameMs = frame.length / MULAW_BYTES_PER_MS;
    const index = this.frames++;
    const level = mulawFrameDbfs(frame);
    this.lastLevel = level;
    // Decide against the floor as it was before this frame, then learn from it.
    const voiced = level > this.thresholdDbfs;
    this.updateNoiseFloor(level, frameMs);

    // A run is the current stretch of frames that argue for a state change.
    if (voiced === this.inSpeech) {
      this.runMs = 0;
      return null;
    }
    if (this.runMs === 0) {
      this.runStartFrame = index;
      this.runStartMs = nowMs;
    }
    this.runMs += frameMs;

    const { speechStartMs, speechEndMs } = this.options;
    if (!this.inSpeech && this.runMs >= speechStartMs) {
      this.inSpeech = true;
      this.runMs = 0;
      this.speechStartMs = this.runStartMs;
      return { type: "speech-start", frameIndex: this.runStartFrame, atMs: this.runStartMs };
    }
    if (this.inSpeech && this.runMs >= speechEndMs) {
      this.inSpeech = false;
      this.runMs = 0;
      this.speechStartMs = null;
      return { type: "speech-end", frameIndex: this.runStartFrame, atMs: this.runStartMs };
    }
    return null;
  }

  /** True between a speech-start and the following speech-end. */
  get speaking(): boolean {
    return this.inSpeech;
  }

  /** `atMs` of the current speech's start, or null when the caller is silent. */
  get speechStartedAtMs(): number | null {
    return this.speechStartMs;
  }

  /** Level of the last frame processed. */
  get levelDbfs(): number {
    return this.lastLevel;
  }

  get noiseFloorDbfs(): number {
    let floor = this.currentBlockMin;
    for (let i = 0; i < NOISE_BLOCKS; i++) floor = Math.min(floor, this.blockMinima[i] as number);
    // Before any audio the floor is unknown (+∞); the cap makes that a sane starting point.
    return Math.min(floor, this.options.maxNoiseFloorDbfs);
  }

  /** The level the next frame must exceed to count as voiced. */
  get thresholdDbfs(): number {
    const { marginDb, minThresholdDbfs, hysteresisDb } = this.options;
    const base = Math.max(minThresholdDbfs, this.noiseFloorDbfs + marginDb);
    return this.inSpeech ? base - hysteresisDb : base;
  }

  /** Number of frames processed so far (the index the next frame will get). */
  get frameCount(): number {
    return this.frames;
  }

  private updateNoiseFloor(level: number, frameMs: number): void {
    if (level < this.currentBlockMin) this.currentBlockMin = level;
    this.currentBlockMs += frameMs;
    if (this.currentBlockMs >= this.blockMs) {
      this.blockMinima[this.blockPosition] = this.currentBlockMin;
      this.blockPosition = (this.blockPosition + 1) % NOISE_BLOCKS;
      this.currentBlockMin = Number.POSITIVE_INFINITY;
      this.currentBlockMs = 0;
    }
  }
}
