import { describe, expect, it } from "vitest";
import { encodeMulaw } from "../media-stream/mulaw";
import { VoiceActivityDetector, mulawFrameDbfs, type VadEvent, type VadOptions } from "./vad";

const FRAME = 160;

type Part = { kind: "silence" | "tone" | "noise"; frames: number; amplitude?: number };

/** Synthesizes a μ-law stream from parts: digital silence, a 440 Hz tone, or white noise. */
function synthesize(parts: Part[], backgroundNoise = 0): Uint8Array[] {
  let seed = 12345;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32 - 0.5;
  };
  const frames: Uint8Array[] = [];
  let n = 0;
  for (const part of parts) {
    for (let f = 0; f < part.frames; f++) {
      const pcm = new Int16Array(FRAME);
      for (let i = 0; i < FRAME; i++, n++) {
        let sample = backgroundNoise * 2 * random();
        if (part.kind === "tone") sample += (part.amplitude ?? 8000) * Math.sin((2 * Math.PI * 440 * n) / 8000);
        if (part.kind === "noise") sample += (part.amplitude ?? 8000) * 2 * random();
        pcm[i] = Math.round(sample);
      }
      frames.push(encodeMulaw(pcm));
    }
  }
  return frames;
}

/** Runs the detector over 20 ms frames with nowMs = 20 × frame index; returns events and when they fired. */
function run(frames: Uint8Array[], options?: VadOptions) {
  const vad = new VoiceActivityDetector(options);
  const events: Array<VadEvent & { firedAtFrame: number }> = [];
  frames.forEach((frame, i) => {
    const event = vad.process(frame, i * 20);
    if (event) events.push({ ...event, firedAtFrame: i });
  });
  return { vad, events };
}

describe("mulawFrameDbfs", () => {
  it("measures digital silence as -100 dBFS and a full-scale square wave near 0 dBFS", () => {
    expect(mulawFrameDbfs(new Uint8Array(FRAME).fill(0xff))).toBe(-100);
    const square = new Uint8Array(FRAME).map((_, i) => (i % 2 ? 0x80 : 0x00));
    expect(mulawFrameDbfs(square)).toBeCloseTo(20 * Math.log10(32124 / 32768), 5);
  });

  it("measures a sine of amplitude 8000 at about -15.3 dBFS", () => {
    const [frame] = synthesize([{ kind: "tone", frames: 1, amplitude: 8000 }]);
    expect(mulawFrameDbfs(frame as Uint8Array)).toBeCloseTo(20 * Math.log10(8000 / Math.SQRT2 / 32768), 0);
  });
});

describe("VoiceActivityDetector", () => {
  it("never reports speech in pure silence", () => {
    const { vad, events } = run(synthesize([{ kind: "silence", frames: 250 }]));
    expect(events).toEqual([]);
    expect(vad.speaking).toBe(false);
  });

  it("reports a 400 ms tone with exact start and end frames (100 ms to start, 200 ms to end)", () => {
    const frames = synthesize([
      { kind: "silence", frames: 10 },
      { kind: "tone", frames: 20 },
      { kind: "silence", frames: 20 },
    ]);
    const { events } = run(frames);
    expect(events).toEqual([
      { type: "speech-start", frameIndex: 10, atMs: 200, firedAtFrame: 14 },
      { type: "speech-end", frameIndex: 30, atMs: 600, firedAtFrame: 39 },
    ]);
  });

  it("ignores a noise burst shorter than the speech-start time", () => {
    const frames = synthesize([
      { kind: "silence", frames: 10 },
      { kind: "noise", frames: 4 },
      { kind: "silence", frames: 20 },
    ]);
    expect(run(frames).events).toEqual([]);
  });

  it("starts on a noise burst exactly as long as the speech-start time", () => {
    const frames = synthesize([
      { kind: "silence", frames: 10 },
      { kind: "noise", frames: 5 },
      { kind: "silence", frames: 20 },
    ]);
    const types = run(frames).events.map((e) => [e.type, e.frameIndex, e.firedAtFrame]);
    expect(types).toEqual([
      ["speech-start", 10, 14],
      ["speech-end", 15, 24],
    ]);
  });

  it("bridges pauses shorter than the speech-end time", () => {
    const frames = synthesize([
      { kind: "silence", frames: 10 },
      { kind: "tone", frames: 15 },
      { kind: "silence", frames: 9 }, // 180 ms pause between words
      { kind: "tone", frames: 15 },
      { kind: "silence", frames: 15 },
    ]);
    const { events } = run(frames);
    expect(events.map((e) => [e.type, e.frameIndex])).toEqual([
      ["speech-start", 10],
      ["speech-end", 49],
    ]);
  });

  it("honours a configured speech-end time", () => {
    const frames = synthesize([
      { kind: "silence", frames: 10 },
      { kind: "tone", frames: 20 },
      { kind: "silence", frames: 9 },
      { kind: "tone", frames: 5 },
      { kind: "silence", frames: 30 },
    ]);
    const short = run(frames, { speechEndMs: 100 }).events.map((e) => [e.type, e.firedAtFrame]);
    expect(short).toEqual([
      ["speech-start", 14],
      ["speech-end", 34],
      ["speech-start", 43],
      ["speech-end", 48],
    ]);
    const long = run(frames, { speechEndMs: 400 }).events.map((e) => [e.type, e.firedAtFrame]);
    expect(long).toEqual([
      ["speech-start", 14],
      ["speech-end", 63],
    ]);
  });

  it("holds speech through a trailing-off level that could not have started it (3 dB hysteresis)", () => {
    // Amplitude 120 is about -51.7 dBFS: under the -50 dBFS start threshold, over -53 while speaking.
    const alone = synthesize([
      { kind: "silence", frames: 10 },
      { kind: "tone", frames: 20, amplitude: 120 },
    ]);
    expect(run(alone).events).toEqual([]);
    const trailing = synthesize([
      { kind: "silence", frames: 10 },
      { kind: "tone", frames: 10 },
      { kind: "tone", frames: 20, amplitude: 120 },
      { kind: "silence", frames: 15 },
    ]);
    expect(run(trailing).events.map((e) => [e.type, e.frameIndex])).toEqual([
      ["speech-start", 10],
      ["speech-end", 40],
    ]);
  });

  it("hears a quiet caller (-45 dBFS) on a clean line", () => {
    const frames = synthesize([
      { kind: "silence", frames: 10 },
      { kind: "tone", frames: 10, amplitude: 260 },
    ]);
    const { events } = run(frames);
    expect(events.map((e) => e.type)).toEqual(["speech-start"]);
  });

  it("detects a tone over steady background noise without firing on the noise", () => {
    const frames = synthesize(
      [
        { kind: "silence", frames: 150 },
        { kind: "tone", frames: 20, amplitude: 6000 },
        { kind: "silence", frames: 30 },
      ],
      200, // about -49 dBFS of white noise under everything
    );
    const { vad, events } = run(frames);
    expect(events.map((e) => [e.type, e.frameIndex])).toEqual([
      ["speech-start", 150],
      ["speech-end", 170],
    ]);
    expect(vad.noiseFloorDbfs).toBeGreaterThan(-50);
    expect(vad.noiseFloorDbfs).toBeLessThanOrEqual(-45);
  });

  it("adapts to a louder steady background within the noise window and then stays quiet", () => {
    const frames = synthesize([
      { kind: "silence", frames: 50 },
      { kind: "noise", frames: 400, amplitude: 250 }, // about -47 dBFS: above the -50 dBFS threshold a clean line has
    ]);
    const { vad, events } = run(frames);
    // One false start on the step, ended once the floor learns the noise (≤ 2.5 s window + 200 ms).
    expect(events.map((e) => e.type)).toEqual(["speech-start", "speech-end"]);
    expect((events[1]?.firedAtFrame ?? 0) - 50).toBeLessThanOrEqual(135);
    expect(vad.speaking).toBe(false);
    expect(vad.noiseFloorDbfs).toBeGreaterThan(-52);
  });

  it("keeps a long continuous loud voice detected although the floor rises under it", () => {
    const frames = synthesize([
      { kind: "silence", frames: 10 },
      { kind: "tone", frames: 400, amplitude: 3000 },
    ]);
    const { vad, events } = run(frames);
    expect(events.map((e) => e.type)).toEqual(["speech-start"]);
    expect(vad.speaking).toBe(true);
    expect(vad.speechStartedAtMs).toBe(200);
  });
});
