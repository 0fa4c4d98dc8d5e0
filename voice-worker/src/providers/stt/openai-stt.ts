// OpenAI speech-to-text (or any OpenAI-compatible server at OPENAI_BASE_URL) through the openai
// package. gpt-4o-transcribe and gpt-4o-mini-transcribe stream their output (`stream: true`:
// server-sent `transcript.text.delta` events, then `transcript.text.done`), and the deltas reach
// the endpointer while it waits; whisper-1 does not stream and returns the text in one piece.
// The turn's audio is uploaded as a 16-bit 8 kHz WAV.
import OpenAI, { toFile } from "openai";
import { mulawToWav } from "../../media-stream/wav";
import type { SpeechToText, SttSession, TranscribeOptions } from "./speech-to-text";

export interface OpenAiSttOptions {
  apiKey: string;
  baseURL?: string;
  model: "gpt-4o-transcribe" | "gpt-4o-mini-transcribe" | "whisper-1";
  /** Per-request timeout. A caller is waiting: fail fast and fall back to the keypad. */
  timeoutMs?: number;
}

export class OpenAiSpeechToText implements SpeechToText {
  readonly model: string;
  readonly description: string;
  readonly streaming: boolean;
  private readonly client: OpenAI;

  constructor(options: OpenAiSttOptions) {
    this.model = options.model;
    this.streaming = options.model !== "whisper-1";
    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 1, timeout: options.timeoutMs ?? 10_000 });
    this.description = `OpenAI ${options.model}${options.baseURL ? ` at ${new URL(options.baseURL).host}` : ""}${this.streaming ? " (streaming)" : ""}`;
  }

  openSession(): SttSession {
    let audioSeconds = 0;
    let requests = 0;
    return {
      transcribe: async (mulaw, options) => {
        audioSeconds += mulaw.length / 8000;
        requests++;
        return this.transcribe(mulaw, options);
      },
      get audioSeconds() {
        return audioSeconds;
      },
      get requests() {
        return requests;
      },
      close: () => undefined,
    };
  }

  async transcribe(mulaw: Uint8Array, { signal, onPartial }: TranscribeOptions): Promise<{ text: string }> {
    const file = await toFile(mulawToWav(mulaw), "turn.wav", { type: "audio/wav" });
    if (!this.streaming) {
      const result = await this.client.audio.transcriptions.create({ file, model: this.model }, { signal });
      return { text: result.text.trim() };
    }
    const stream = await this.client.audio.transcriptions.create({ file, model: this.model, stream: true }, { signal });
    let text = "";
    for await (const event of stream) {
      if (event.type === "transcript.text.delta") {
        text += event.delta;
        onPartial?.(text);
      } else if (event.type === "transcript.text.done") {
        text = event.text;
      }
    }
    return { text: text.trim() };
  }
}
