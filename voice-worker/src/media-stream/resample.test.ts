import { describe, expect, it } from "vitest";
import { Downsampler, resampleTo8k } from "./resample";

function sine(rate: number, hz: number, seconds: number, amplitude = 12000): Int16Array {
  const out = new Int16Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / rate));
  return out;
}

/** Frequency from rising zero crossings, interpolated between samples. */
function measuredHz(pcm: Int16Array, rate: number): number {
  const crossings: number[] = [];
  for (let i = 1; i < pcm.length; i++) {
    const a = pcm[i - 1] as number;
    const b = pcm[i] as number;
    if (a < 0 && b >= 0) crossings.push(i - 1 + -a / (b - a));
  }
  const first = crossings[0] as number;
  const last = crossings[crossings.length - 1] as number;
  return ((crossings.length - 1) * rate) / (last - first);
}

function rms(pcm: Int16Array, skip = 16): number {
  let sum = 0;
  for (let i = skip; i < pcm.length - skip; i++) sum += (pcm[i] as number) ** 2;
  return Math.sqrt(sum / (pcm.length - 2 * skip));
}

describe("downsampling to 8 kHz", () => {
  it("produces floor(n × 8000 / rate) samples for common TTS rates", () => {
    expect(resampleTo8k(new Int16Array(22050), 22050).length).toBe(8000);
    expect(resampleTo8k(new Int16Array(16000), 16000).length).toBe(8000);
    expect(resampleTo8k(new Int16Array(24000), 24000).length).toBe(8000);
    expect(resampleTo8k(new Int16Array(1000), 22050).length).toBe(362);
  });

  it.each([
    [22050, 440],
    [22050, 1000],
    [16000, 3000],
    [24000, 2000],
    [44100, 300],
  ])("keeps a sine's frequency from %i Hz input (%i Hz tone)", (rate, hz) => {
    const out = resampleTo8k(sine(rate, hz, 1), rate);
    expect(Math.abs(measuredHz(out, 8000) - hz)).toBeLessThan(hz * 0.005);
  });

  it("keeps a 1 kHz tone's level within 0.5 dB", () => {
    const input = sine(22050, 1000, 0.5);
    const out = resampleTo8k(input, 22050);
    const lossDb = 20 * Math.log10(rms(out) / rms(input));
    expect(lossDb).toBeGreaterThan(-0.5);
    expect(lossDb).toBeLessThan(0.1);
  });

  it("attenuates a 6 kHz tone (above the 4 kHz output Nyquist) by at least 8 dB", () => {
    // The documented trade-off: the boxcar only partly suppresses aliases (about -9.5 dB here).
    const input = sine(24000, 6000, 0.5);
    const lossDb = 20 * Math.log10(rms(resampleTo8k(input, 24000)) / rms(input));
    expect(lossDb).toBeLessThan(-8);
  });

  it("passes 8 kHz input through unchanged", () => {
    const input = Int16Array.of(1, -2, 300, -32768, 32767);
    expect(Array.from(resampleTo8k(input, 8000))).toEqual(Array.from(input));
  });

  it("averages exact groups when the ratio is an integer", () => {
    expect(Array.from(resampleTo8k(Int16Array.of(0, 100, 200, 400, -50, -50), 16000))).toEqual([50, 300, -50]);
  });

  it("gives the same samples whether fed whole or in odd-sized chunks", () => {
    const input = sine(22050, 700, 0.3);
    const whole = resampleTo8k(input, 22050);
    const streaming = new Downsampler(22050);
    const pieces: number[] = [];
    const sizes = [1, 7, 333, 2, 1021, 5];
    for (let offset = 0, k = 0; offset < input.length; k++) {
      const size = sizes[k % sizes.length] as number;
      pieces.push(...streaming.push(input.subarray(offset, offset + size)));
      offset += size;
    }
    expect(pieces).toEqual(Array.from(whole));
  });

  it("forgets the partial sample on reset", () => {
    const d = new Downsampler(16000);
    d.push(Int16Array.of(10000));
    d.reset();
    expect(Array.from(d.push(Int16Array.of(0, 0)))).toEqual([0]);
  });

  it("refuses rates it cannot downsample from", () => {
    expect(() => new Downsampler(7999)).toThrow(RangeError);
    expect(() => new Downsampler(22050.5)).toThrow(RangeError);
  });
});
