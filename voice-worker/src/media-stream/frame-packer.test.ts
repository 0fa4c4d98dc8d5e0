import { describe, expect, it } from "vitest";
import { FramePacker } from "./frame-packer";

/** Bytes 0..n-1 (mod 251, so 0xFF never appears and padding is recognisable). */
function ramp(n: number, start = 0): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (start + i) % 251;
  return out;
}

function collector() {
  const frames: Uint8Array[] = [];
  // Copy: the packer reuses its frame buffer.
  return { frames, sink: (frame: Uint8Array) => void frames.push(frame.slice()) };
}

describe("FramePacker", () => {
  it("emits only whole 160-byte frames and holds the remainder", () => {
    const packer = new FramePacker();
    const { frames, sink } = collector();
    expect(packer.push(ramp(100), sink)).toBe(0);
    expect(packer.pendingBytes).toBe(100);
    expect(packer.push(ramp(300, 100), sink)).toBe(2);
    expect(packer.pendingBytes).toBe(80);
    expect(frames.map((f) => f.length)).toEqual([160, 160]);
  });

  it("keeps byte order across chunk boundaries", () => {
    const packer = new FramePacker();
    const { frames, sink } = collector();
    const all = ramp(480);
    for (const size of [1, 159, 7, 153, 33, 127]) {
      const used = frames.length * 160 + packer.pendingBytes;
      packer.push(all.subarray(used, used + size), sink);
    }
    expect(frames.length).toBe(3);
    expect(packer.pendingBytes).toBe(0);
    expect(Array.from(frames[0] as Uint8Array)).toEqual(Array.from(all.subarray(0, 160)));
    expect(Array.from(frames[2] as Uint8Array)).toEqual(Array.from(all.subarray(320, 480)));
  });

  it("emits several frames from one large chunk", () => {
    const packer = new FramePacker();
    const { frames, sink } = collector();
    expect(packer.push(ramp(1000), sink)).toBe(6);
    expect(packer.pendingBytes).toBe(40);
    expect(frames[5]?.[0]).toBe(800 % 251);
  });

  it("pads the final partial frame with 0xFF silence on flush", () => {
    const packer = new FramePacker();
    const { frames, sink } = collector();
    packer.push(ramp(170), sink);
    expect(packer.flush(sink)).toBe(150);
    expect(frames.length).toBe(2);
    const last = frames[1] as Uint8Array;
    expect(last.length).toBe(160);
    expect(Array.from(last.subarray(0, 10))).toEqual(Array.from(ramp(10, 160)));
    expect(last.subarray(10).every((b) => b === 0xff)).toBe(true);
    expect(packer.pendingBytes).toBe(0);
  });

  it("emits nothing on flush when no partial frame is held", () => {
    const packer = new FramePacker();
    const { frames, sink } = collector();
    packer.push(ramp(320), sink);
    expect(packer.flush(sink)).toBe(0);
    expect(frames.length).toBe(2);
  });

  it("drops held audio on reset so it never reaches the caller after a barge-in", () => {
    const packer = new FramePacker();
    const { frames, sink } = collector();
    packer.push(ramp(250), sink);
    expect(packer.reset()).toBe(90);
    packer.push(new Uint8Array(160).fill(0xaa), sink);
    expect(frames.length).toBe(2);
    expect((frames[1] as Uint8Array).every((b) => b === 0xaa)).toBe(true);
  });

  it("does not leave stale bytes of a previous frame in a padded frame", () => {
    const packer = new FramePacker(4);
    const { frames, sink } = collector();
    packer.push(Uint8Array.of(1, 2, 3, 4, 5), sink);
    packer.flush(sink);
    expect(frames.map((f) => Array.from(f))).toEqual([
      [1, 2, 3, 4],
      [5, 0xff, 0xff, 0xff],
    ]);
  });
});
