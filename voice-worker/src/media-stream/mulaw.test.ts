import { describe, expect, it } from "vitest";
import {
  MULAW_DECODE_TABLE,
  MULAW_SILENCE,
  decodeMulaw,
  decodeMulawSample,
  encodeMulaw,
  encodeMulawSample,
} from "./mulaw";

describe("μ-law encoding (G.711)", () => {
  it("encodes PCM zero as the silence byte 0xFF", () => {
    expect(encodeMulawSample(0)).toBe(0xff);
    expect(MULAW_SILENCE).toBe(0xff);
  });

  it("encodes full-scale positive as 0x80 and full-scale negative as 0x00", () => {
    expect(encodeMulawSample(32767)).toBe(0x80);
    expect(encodeMulawSample(-32768)).toBe(0x00);
  });

  it("encodes known G.711 code points", () => {
    // Reference values from the CCITT/Sun bias algorithm (16-bit input).
    expect(encodeMulawSample(-1)).toBe(0x7f);
    expect(encodeMulawSample(8)).toBe(0xfe);
    expect(encodeMulawSample(-8)).toBe(0x7e);
    expect(encodeMulawSample(1000)).toBe(0xce);
    expect(encodeMulawSample(-1000)).toBe(0x4e);
    expect(encodeMulawSample(16764)).toBe(0x8f);
  });

  it("clamps samples beyond the 16-bit range instead of wrapping", () => {
    expect(encodeMulawSample(40000)).toBe(0x80);
    expect(encodeMulawSample(-40000)).toBe(0x00);
  });

  it("uses a buffer encoder that agrees with the per-sample encoder for every 16-bit value", () => {
    const pcm = new Int16Array(65536);
    for (let i = 0; i < pcm.length; i++) pcm[i] = i - 32768;
    const encoded = encodeMulaw(pcm);
    let mismatches = 0;
    for (let i = 0; i < pcm.length; i++) {
      if (encoded[i] !== encodeMulawSample(i - 32768)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

describe("μ-law decoding (G.711)", () => {
  it("decodes table spot values from the standard μ-law table", () => {
    expect(MULAW_DECODE_TABLE[0x00]).toBe(-32124);
    expect(MULAW_DECODE_TABLE[0x01]).toBe(-31100);
    expect(MULAW_DECODE_TABLE[0x0f]).toBe(-16764);
    expect(MULAW_DECODE_TABLE[0x10]).toBe(-15996);
    expect(MULAW_DECODE_TABLE[0x7e]).toBe(-8);
    expect(MULAW_DECODE_TABLE[0x7f]).toBe(0);
    expect(MULAW_DECODE_TABLE[0x80]).toBe(32124);
    expect(MULAW_DECODE_TABLE[0xfe]).toBe(8);
    expect(MULAW_DECODE_TABLE[0xff]).toBe(0);
  });

  it("is antisymmetric: code c and code c ^ 0x80 decode to opposite values", () => {
    for (let c = 0; c < 128; c++) {
      expect(decodeMulawSample(c)).toBe(-decodeMulawSample(c | 0x80));
    }
  });

  it("round-trips every code except the negative zero 0x7F, which comes back as 0xFF", () => {
    for (let c = 0; c < 256; c++) {
      const back = encodeMulawSample(decodeMulawSample(c));
      expect(back).toBe(c === 0x7f ? 0xff : c);
    }
  });

  it("keeps the re-encoding error within half a quantisation step", () => {
    // μ-law steps double per segment: 8 in segment 0 up to 1024 in segment 7.
    for (let s = -32000; s <= 32000; s += 37) {
      const decoded = decodeMulawSample(encodeMulawSample(s));
      const step = Math.max(8, 2 ** (Math.floor(Math.log2(Math.abs(s) + 132)) - 4));
      expect(Math.abs(decoded - s)).toBeLessThanOrEqual(step / 2 + 4);
    }
  });

  it("decodes a Buffer into a caller-supplied array without allocating a new one", () => {
    const out = new Int16Array(8);
    const result = decodeMulaw(Buffer.from([0xff, 0x80, 0x00]), out);
    expect(Array.from(result)).toEqual([0, 32124, -32124]);
    expect(result.buffer).toBe(out.buffer);
  });

  it("encodes into a caller-supplied buffer and refuses one that is too small", () => {
    const out = new Uint8Array(4);
    const result = encodeMulaw(Int16Array.of(0, 32767, -32768), out);
    expect(Array.from(result)).toEqual([0xff, 0x80, 0x00]);
    expect(result.buffer).toBe(out.buffer);
    expect(() => encodeMulaw(new Int16Array(5), out)).toThrow(RangeError);
  });
});
