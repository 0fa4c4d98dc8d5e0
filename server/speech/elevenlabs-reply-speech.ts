// ElevenLabs speaking a reply in one HTTP request, with the voice and model the phone uses:
//   POST {base}/v1/text-to-speech/{voice_id}?output_format=pcm_16000   xi-api-key: …
//   {"text": "…", "model_id": "eleven_flash_v2_5"}
// The answer is raw 16-bit little-endian PCM at 16 kHz, wrapped here in a WAV header. (The phone
// uses the streaming WebSocket with ulaw_8000, which suits a call, not a file.)
import { cleanSpokenText, type ReplySpeech } from "./reply-speech";
import { pcm16ToWav } from "./wav-file";

export interface ElevenLabsReplyOptions {
  apiKey: string;
  voiceId: string;
  modelId: string;
  /** https://api.elevenlabs.io by default; tests point it at a local protocol double. */
  baseUrl?: string;
  timeoutMs?: number;
}

const SAMPLE_RATE = 16_000;

export function createElevenLabsReplySpeech(options: ElevenLabsReplyOptions): ReplySpeech {
  const base = (options.baseUrl ?? "https://api.elevenlabs.io").replace(/\/+$/, "");
  return {
    description: `ElevenLabs ${options.modelId}`,
    async synthesize(text, { signal } = {}) {
      const clean = cleanSpokenText(text);
      if (!clean) throw new Error("nothing to say");
      const url = `${base}/v1/text-to-speech/${encodeURIComponent(options.voiceId)}?output_format=pcm_${SAMPLE_RATE}`;
      const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
      const response = await fetch(url, {
        method: "POST",
        headers: { "xi-api-key": options.apiKey, "content-type": "application/json", accept: "audio/pcm" },
        body: JSON.stringify({ text: clean, model_id: options.modelId }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      if (!response.ok) throw new Error(`ElevenLabs answered ${response.status}: ${await problemOf(response)}`);
      const pcm = Buffer.from(await response.arrayBuffer());
      if (pcm.length < 2) throw new Error("ElevenLabs returned no audio");
      return pcm16ToWav(pcm, SAMPLE_RATE);
    },
  };
}

/** ElevenLabs' error body is {"detail": {"status", "message"}} (or a string); never the request. */
async function problemOf(response: Response): Promise<string> {
  const body = await response.text().catch(() => "");
  try {
    const detail = (JSON.parse(body) as { detail?: unknown }).detail;
    if (typeof detail === "string") return detail;
    if (detail && typeof detail === "object" && "message" in detail) return String((detail as { message: unknown }).message);
  } catch {
    // not JSON
  }
  return body.slice(0, 200) || response.statusText;
}
