// Downsamples PCM from a TTS engine's native rate (espeak's 22050 Hz, 16000, 24000, 44100, …) to
// the 8000 Hz that μ-law telephony carries. Kept apart from the μ-law codec because it is a
// different idea with its own quality trade-off, and most providers can skip it entirely by
// asking for `ulaw_8000` / `pcm_8000` output.
//
// Method: area averaging. Each output sample is the mean of the input signal over exactly its
// own 125 µs, input samples straddling a boundary counted by the fraction that falls inside.
// That is a boxcar low-pass followed by decimation, and it works for any rate ratio, fractional
// ones included, with integer bookkeeping only (no drift over a long call).
//
// Quality trade-off, measured against an ideal 4 kHz brick wall:
//  - Pass band: the boxcar's response is |sinc(f / 8000)|: -0.2 dB at 1 kHz, -0.9 dB at 2 kHz,
//    -2.6 dB at 3.4 kHz (the top of the telephone band), -3.9 dB at 4 kHz. Slightly dull, which the
//    phone network's own 300–3400 Hz band mostly hides.
//  - Aliasing: content between 4 and 8 kHz is only attenuated 4–20 dB before it folds back below
//    4 kHz. In speech that content is mainly sibilants ('s', 'f'), already 20–30 dB under the vowels,
//    so the result is some extra hiss on sibilants, not lost words.
//  - Cost: one multiply-add per input sample and one division per output sample, no allocation
//    after warm-up. A windowed-sinc polyphase FIR would remove the aliasing for roughly 10–30× the
//    work; worth it only if a premium voice must go through this path.

import { MULAW_SAMPLE_RATE } from "./mulaw";

const OUTPUT_RATE = MULAW_SAMPLE_RATE;
const MAX_INPUT_RATE = 192_000;

/**
 * Streaming downsampler for one audio stream (one per TTS stream, not shared between calls).
 * State carries across `push` calls, so odd-sized TTS chunks produce exactly the samples one big
 * buffer would: no clicks at chunk boundaries.
 */
export class Downsampler {
  readonly inputRate: number;
  // Time is counted in ticks of 1 / (inputRate × 8000) s: an input sample lasts 8000 ticks and an
  // output sample lasts `inputRate` ticks, so every boundary is an exact integer.
  private acc = 0;
  private ticksNeeded: number;
  private out: Int16Array;

  constructor(inputRate: number) {
    if (!Number.isInteger(inputRate) || inputRate < OUTPUT_RATE || inputRate > MAX_INPUT_RATE) {
      throw new RangeError(
        `input rate must be an integer from ${OUTPUT_RATE} to ${MAX_INPUT_RATE} Hz, got ${inputRate}`,
      );
    }
    this.inputRate = inputRate;
    this.ticksNeeded = inputRate;
    this.out = new Int16Array(0);
  }

  /**
   * Feeds input and returns the completed 8 kHz samples. The result is a view of an internal
   * buffer reused by the next call: encode or copy it before pushing again.
   */
  push(pcm: Int16Array): Int16Array {
    const inputRate = this.inputRate;
    // At most one output per input sample boundary crossed, plus one for the carried partial.
    const capacity = Math.floor((pcm.length * OUTPUT_RATE) / inputRate) + 1;
    if (this.out.length < capacity) this.out = new Int16Array(Math.max(capacity, 2 * this.out.length));
    const out = this.out;
    let written = 0;
    let acc = this.acc;
    let needed = this.ticksNeeded;
    for (let i = 0; i < pcm.length; i++) {
      const x = pcm[i] as number;
      // inputRate ≥ 8000, so one input sample completes at most one output sample.
      if (needed <= OUTPUT_RATE) {
        acc += x * needed;
        out[written++] = Math.round(acc / inputRate);
        const rest = OUTPUT_RATE - needed;
        acc = x * rest;
        needed = inputRate - rest;
      } else {
        acc += x * OUTPUT_RATE;
        needed -= OUTPUT_RATE;
      }
    }
    this.acc = acc;
    this.ticksNeeded = needed;
    return out.subarray(0, written);
  }

  /** Drops the partially built sample (barge-in, or a new utterance after a discarded one). */
  reset(): void {
    this.acc = 0;
    this.ticksNeeded = this.inputRate;
  }
}

/**
 * One-shot convenience: downsamples a whole buffer into a new array of
 * `floor(pcm.length × 8000 / inputRate)` samples. The incomplete last sample (under 125 µs) is
 * dropped. Use `Downsampler` for streamed audio.
 */
export function resampleTo8k(pcm: Int16Array, inputRate: number): Int16Array {
  return new Downsampler(inputRate).push(pcm).slice();
}
