// WAV files in and out of the telephone format: the call simulator reads a caller's WAV and saves
// what the agent said, speech-to-text uploads a turn as WAV, and local message and call
// recordings are saved as WAV. Only what those need: PCM 16-bit and G.711 μ-law, any rate ≥ 8 kHz.
import { decodeMulaw, encodeMulaw, MULAW_SAMPLE_RATE } from "./mulaw";
import { Downsampler } from "./resample";

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_MULAW = 7;

export interface WavInfo {
  format: "pcm16" | "mulaw";
  sampleRate: number;
  channels: number;
  /** Interleaved samples; for μ-law already decoded to 16-bit. */
  samples: Int16Array;
}

/** A 16-bit PCM WAV of `pcm` (interleaved when channels > 1). */
export function encodeWavPcm16(pcm: Int16Array, sampleRate: number, channels = 1): Buffer {
  const dataBytes = pcm.length * 2;
  const out = Buffer.alloc(44 + dataBytes);
  out.write("RIFF", 0, "ascii");
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write("WAVE", 8, "ascii");
  out.write("fmt ", 12, "ascii");
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(WAVE_FORMAT_PCM, 20);
  out.writeUInt16LE(channels, 22);
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * channels * 2, 28);
  out.writeUInt16LE(channels * 2, 32);
  out.writeUInt16LE(16, 34);
  out.write("data", 36, "ascii");
  out.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < pcm.length; i++) out.writeInt16LE(pcm[i]!, 44 + i * 2);
  return out;
}

/** 8 kHz μ-law audio as a 16-bit PCM WAV (what every player and speech-to-text API accepts). */
export function mulawToWav(mulaw: Uint8Array, channels = 1): Buffer {
  return encodeWavPcm16(decodeMulaw(mulaw), MULAW_SAMPLE_RATE, channels);
}

export function parseWav(buffer: Buffer): WavInfo {
  if (buffer.length < 12 || buffer.toString("ascii", 0, 4) !== "RIFF" || buffer.toString("ascii", 8, 12) !== "WAVE") {
    throw new Error("not a WAV file (no RIFF/WAVE header)");
  }
  let offset = 12;
  let fmt: { format: number; channels: number; sampleRate: number; bits: number } | null = null;
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString("ascii", offset, offset + 4);
    // Streaming writers (espeak-ng --stdout) put a placeholder size on the data chunk: clamp it.
    const size = Math.min(buffer.readUInt32LE(offset + 4), buffer.length - offset - 8);
    const body = offset + 8;
    if (id === "fmt ") {
      fmt = { format: buffer.readUInt16LE(body), channels: buffer.readUInt16LE(body + 2), sampleRate: buffer.readUInt32LE(body + 4), bits: buffer.readUInt16LE(body + 14) };
    } else if (id === "data") {
      if (!fmt) throw new Error("WAV data chunk before its fmt chunk");
      const data = buffer.subarray(body, body + size);
      if (fmt.format === WAVE_FORMAT_PCM && fmt.bits === 16) {
        const samples = new Int16Array(Math.floor(data.length / 2));
        for (let i = 0; i < samples.length; i++) samples[i] = data.readInt16LE(i * 2);
        return { format: "pcm16", sampleRate: fmt.sampleRate, channels: fmt.channels, samples };
      }
      if (fmt.format === WAVE_FORMAT_MULAW && fmt.bits === 8) {
        return { format: "mulaw", sampleRate: fmt.sampleRate, channels: fmt.channels, samples: decodeMulaw(data) };
      }
      throw new Error(`unsupported WAV encoding (format ${fmt.format}, ${fmt.bits} bits): use 16-bit PCM or μ-law`);
    }
    offset = body + size + (size % 2);
  }
  throw new Error("WAV file has no data chunk");
}

/** Any supported WAV → 8 kHz mono μ-law, ready to stream as a caller. */
export function wavToMulaw8k(buffer: Buffer): Uint8Array {
  const wav = parseWav(buffer);
  let mono = wav.samples;
  if (wav.channels > 1) {
    mono = new Int16Array(Math.floor(wav.samples.length / wav.channels));
    for (let i = 0; i < mono.length; i++) {
      let sum = 0;
      for (let c = 0; c < wav.channels; c++) sum += wav.samples[i * wav.channels + c]!;
      mono[i] = Math.round(sum / wav.channels);
    }
  }
  if (wav.sampleRate < MULAW_SAMPLE_RATE) throw new Error(`WAV sample rate ${wav.sampleRate} Hz is below 8000 Hz`);
  const pcm8k = wav.sampleRate === MULAW_SAMPLE_RATE ? mono : new Downsampler(wav.sampleRate).push(mono).slice();
  return encodeMulaw(pcm8k);
}

/** A sine tone as μ-law (the beep before a message, test audio). */
export function toneMulaw(hz: number, ms: number, amplitude = 8000): Uint8Array {
  const n = Math.round((ms * MULAW_SAMPLE_RATE) / 1000);
  const pcm = new Int16Array(n);
  const fade = Math.min(80, Math.floor(n / 4)); // 10 ms ramps: no clicks
  for (let i = 0; i < n; i++) {
    const envelope = Math.min(1, i / Math.max(1, fade), (n - 1 - i) / Math.max(1, fade));
    pcm[i] = Math.round(amplitude * envelope * Math.sin((2 * Math.PI * hz * i) / MULAW_SAMPLE_RATE));
  }
  return encodeMulaw(pcm);
}
