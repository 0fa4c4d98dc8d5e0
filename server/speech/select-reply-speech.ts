// Chooses how replies are spoken, once per process, from the same configuration the phone uses:
// ElevenLabs when ELEVENLABS_API_KEY is set (falling back to espeak-ng for a reply it fails on, as
// a call does), otherwise espeak-ng; null when neither is there, and the console stays text-only.
// Spoken replies are cached: a replay costs neither a process nor an ElevenLabs request.
import type { Logger } from "../logger";
import { createElevenLabsReplySpeech } from "./elevenlabs-reply-speech";
import { createEspeakReplySpeech, espeakInstalled } from "./espeak-reply-speech";
import { cleanSpokenText, type ReplySpeech } from "./reply-speech";

export interface SpeechConfig {
  ELEVENLABS_API_KEY?: string;
  ELEVENLABS_VOICE_ID: string;
  ELEVENLABS_MODEL: string;
  VOICE_ESPEAK_VOICE: string;
}

export function selectReplySpeech(
  config: SpeechConfig,
  { log, espeak = espeakInstalled(), elevenLabsBaseUrl }: { log?: Logger; espeak?: boolean; elevenLabsBaseUrl?: string } = {},
): ReplySpeech | null {
  const local = espeak ? createEspeakReplySpeech({ voice: config.VOICE_ESPEAK_VOICE }) : null;
  const remote = config.ELEVENLABS_API_KEY
    ? createElevenLabsReplySpeech({ apiKey: config.ELEVENLABS_API_KEY, voiceId: config.ELEVENLABS_VOICE_ID, modelId: config.ELEVENLABS_MODEL, baseUrl: elevenLabsBaseUrl })
    : null;
  if (remote && local) return cached(withFallback(remote, local, log));
  const only = remote ?? local;
  return only ? cached(only) : null;
}

export function withFallback(primary: ReplySpeech, fallback: ReplySpeech, log?: Logger): ReplySpeech {
  return {
    description: primary.description,
    async synthesize(text, options) {
      try {
        return await primary.synthesize(text, options);
      } catch (error) {
        if (options?.signal?.aborted) throw error;
        log?.warn({ err: error instanceof Error ? error.message : String(error) }, "reply speech failed; speaking it with the local voice");
        return fallback.synthesize(text, options);
      }
    },
  };
}

/** Least recently used spoken replies, up to `maxBytes` of audio. */
export function cached(speech: ReplySpeech, maxBytes = 16 * 1024 * 1024): ReplySpeech {
  const entries = new Map<string, Buffer>();
  let bytes = 0;
  return {
    description: speech.description,
    async synthesize(text, options) {
      const key = cleanSpokenText(text);
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const wav = await speech.synthesize(text, options);
      if (wav.length <= maxBytes / 4) {
        entries.set(key, wav);
        bytes += wav.length;
        for (const [oldest, value] of entries) {
          if (bytes <= maxBytes) break;
          entries.delete(oldest);
          bytes -= value.length;
        }
      }
      return wav;
    },
  };
}
