// Local text-to-speech with espeak-ng (Debian package), used when no ElevenLabs key is set. espeak
// writes a 22,050 Hz 16-bit WAV to stdout as it speaks; we downsample it to 8 kHz and encode
// μ-law while it streams. Text goes in on stdin, so nothing a caller says can become a flag.
// Sentences are cached: menus and prompts repeat on every call.
import { spawn, spawnSync } from "node:child_process";
import { encodeMulaw } from "../../media-stream/mulaw";
import { Downsampler } from "../../media-stream/resample";
import { AudioCache } from "./audio-cache";
import type { TextToSpeech, TtsSession } from "./text-to-speech";

export interface EspeakOptions {
  voice?: string;
  /** Words per minute. */
  rate?: number;
  binary?: string;
  cache?: AudioCache;
}

export function espeakAvailable(binary = "espeak-ng"): boolean {
  const result = spawnSync(binary, ["--version"], { stdio: "ignore" });
  return result.status === 0;
}

export class EspeakTextToSpeech implements TextToSpeech {
  readonly name = "espeak";
  readonly description: string;
  private readonly voice: string;
  private readonly rate: number;
  private readonly binary: string;
  private readonly cache: AudioCache;

  constructor(options: EspeakOptions = {}) {
    this.voice = options.voice ?? "en-us";
    this.rate = options.rate ?? 165;
    this.binary = options.binary ?? "espeak-ng";
    this.cache = options.cache ?? new AudioCache();
    this.description = `espeak-ng (local, voice ${this.voice})`;
  }

  openSession(): TtsSession {
    let characters = 0;
    return {
      synthesize: (text, signal) => {
        characters += text.length;
        return this.synthesize(text, signal);
      },
      get characters() {
        return characters;
      },
      close: () => undefined,
    };
  }

  /** Renders `text` to 8 kHz μ-law, streaming. */
  async *synthesize(text: string, signal: AbortSignal): AsyncGenerator<Uint8Array> {
    const clean = text.replace(/\s+/g, " ").trim();
    if (!clean || signal.aborted) return;
    const key = `${this.voice}|${this.rate}|${clean}`;
    const cached = this.cache.get(key);
    if (cached) {
      yield cached;
      return;
    }
    const child = spawn(this.binary, ["--stdout", "-v", this.voice, "-s", String(this.rate)], { stdio: ["pipe", "pipe", "ignore"] });
    const kill = () => child.kill("SIGKILL");
    signal.addEventListener("abort", kill, { once: true });
    const exited = new Promise<number | null>((resolve) => {
      child.once("close", resolve);
      child.once("error", () => resolve(-1));
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(`${clean}\n`);

    const parts: Uint8Array[] = [];
    let header = Buffer.alloc(0);
    let downsampler: Downsampler | null = null;
    let carry: number | null = null; // an odd byte left between chunks
    try {
      for await (const raw of child.stdout as AsyncIterable<Buffer>) {
        if (signal.aborted) return;
        let chunk = raw;
        if (!downsampler) {
          header = Buffer.concat([header, chunk]);
          const dataAt = header.indexOf("data");
          if (dataAt < 0 || header.length < dataAt + 8) continue;
          const rate = header.readUInt32LE(24);
          downsampler = new Downsampler(rate);
          chunk = header.subarray(dataAt + 8);
        }
        const bytes: Buffer = carry === null ? chunk : Buffer.concat([Buffer.from([carry]), chunk]);
        const even: number = bytes.length - (bytes.length % 2);
        carry = even < bytes.length ? bytes[even]! : null;
        const pcm = new Int16Array(even / 2);
        for (let i = 0; i < pcm.length; i++) pcm[i] = bytes.readInt16LE(i * 2);
        const mulaw = encodeMulaw(downsampler.push(pcm));
        if (mulaw.length > 0) {
          parts.push(mulaw);
          yield mulaw;
        }
      }
      const code = await exited;
      if (code !== 0 && !signal.aborted) throw new Error(`espeak-ng exited with ${code}`);
      this.cache.set(key, Buffer.concat(parts));
    } finally {
      signal.removeEventListener("abort", kill);
      if (child.exitCode === null) kill();
    }
  }
}
