// G.711 μ-law codec for Twilio Media Streams audio (8 kHz, mono, 8 bits per sample, no header).
// Runs on every 20 ms frame of every call, so both directions are table lookups built once per
// process: 256 Int16 entries to decode, 64 Ki bytes to encode. Callers may pass their own output
// buffers so the hot path allocates nothing.

/** Twilio's only inbound/outbound format: 8000 samples per second, one byte each. */
export const MULAW_SAMPLE_RATE = 8000;
/** μ-law at 8 kHz is one byte per sample, so 8 bytes per millisecond. */
export const MULAW_BYTES_PER_MS = MULAW_SAMPLE_RATE / 1000;
/** One 20 ms frame: the unit Twilio sends and the unit it plays back without jitter. */
export const MULAW_FRAME_BYTES = 160;
/** Encodes PCM 0. Used for padding and for "nothing to say". */
export const MULAW_SILENCE = 0xff;

// ITU-T G.711 (and the classic Sun/CCITT reference) adds this bias to the magnitude so that the
// segment (exponent) can be read straight off the highest set bit.
const BIAS = 0x84;
// Largest magnitude that still fits the top segment once the bias is added (32635 + 132 = 32767).
const CLIP = 32635;

/** Encodes one 16-bit PCM sample with the bias method. Prefer `encodeMulaw` for buffers. */
export function encodeMulawSample(sample: number): number {
  let s = sample | 0;
  if (s > 32767) s = 32767;
  else if (s < -32768) s = -32768;
  const sign = s < 0 ? 0x80 : 0;
  let magnitude = sign ? -s : s;
  if (magnitude > CLIP) magnitude = CLIP;
  magnitude += BIAS;
  // magnitude is in [132, 32767]: its highest set bit is 7..14, which is exponent 0..7.
  const exponent = 24 - Math.clz32(magnitude);
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  // G.711 transmits the one's complement so that silence is 0xFF, not 0x00 (line-coding legacy).
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/** Decodes one μ-law byte to 16-bit PCM (range ±32124). Prefer the table for hot paths. */
export function decodeMulawSample(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const mantissa = u & 0x0f;
  const magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
  return u & 0x80 ? -magnitude : magnitude;
}

/** μ-law byte → PCM sample, all 256 codes. Exported so meters (VAD) can index it directly. */
export const MULAW_DECODE_TABLE: Readonly<Int16Array> = buildDecodeTable();

// Indexed by (sample + 32768). 64 KiB once per process buys a single load per sample instead of
// a clz + shifts + branches; worth it at 8000 samples/s × hundreds of calls.
const ENCODE_TABLE = buildEncodeTable();

function buildDecodeTable(): Int16Array {
  const table = new Int16Array(256);
  for (let byte = 0; byte < 256; byte++) table[byte] = decodeMulawSample(byte);
  return table;
}

function buildEncodeTable(): Uint8Array {
  const table = new Uint8Array(65536);
  for (let i = 0; i < 65536; i++) table[i] = encodeMulawSample(i - 32768);
  return table;
}

/**
 * Encodes PCM to μ-law. With `out` (at least `pcm.length` long) nothing is allocated and the
 * returned array is a view of `out` of exactly `pcm.length` bytes.
 */
export function encodeMulaw(pcm: Int16Array, out?: Uint8Array): Uint8Array {
  const target = out ?? new Uint8Array(pcm.length);
  if (target.length < pcm.length) {
    throw new RangeError(`output buffer holds ${target.length} bytes, need ${pcm.length}`);
  }
  for (let i = 0; i < pcm.length; i++) {
    // Int16Array elements are always in range, so the index is always 0..65535.
    target[i] = ENCODE_TABLE[(pcm[i] as number) + 32768] as number;
  }
  return target.length === pcm.length ? target : target.subarray(0, pcm.length);
}

/**
 * Decodes μ-law (a Uint8Array or a Node Buffer) to PCM. With `out` nothing is allocated and the
 * returned array is a view of `out` of exactly `mulaw.length` samples.
 */
export function decodeMulaw(mulaw: Uint8Array, out?: Int16Array): Int16Array {
  const target = out ?? new Int16Array(mulaw.length);
  if (target.length < mulaw.length) {
    throw new RangeError(`output buffer holds ${target.length} samples, need ${mulaw.length}`);
  }
  for (let i = 0; i < mulaw.length; i++) {
    target[i] = MULAW_DECODE_TABLE[mulaw[i] as number] as number;
  }
  return target.length === mulaw.length ? target : target.subarray(0, mulaw.length);
}
