// Chooses the speech providers once, at start-up, from configuration: real ones when their keys
// are set, local defaults otherwise (espeak-ng; no speech-to-text, which makes calls keypad calls).
import type { Logger } from "../../../server/logger";
import type { WorkerEnv } from "../env";
import { OpenAiSpeechToText } from "./stt/openai-stt";
import type { SpeechToText } from "./stt/speech-to-text";
import { UtteranceDoubleSpeechToText } from "./stt/utterance-double-stt";
import { ElevenLabsTextToSpeech } from "./tts/elevenlabs-tts";
import { EspeakTextToSpeech, espeakAvailable } from "./tts/espeak-tts";
import { SilentTextToSpeech } from "./tts/silent-tts";
import type { TextToSpeech } from "./tts/text-to-speech";

export interface SpeechProviders {
  stt: SpeechToText | null;
  tts: TextToSpeech;
  /** The local voice, used when the configured text-to-speech fails mid-call. */
  fallbackTts: TextToSpeech;
}

export function selectProviders(env: WorkerEnv, log: Logger): SpeechProviders {
  const local = espeakAvailable() ? new EspeakTextToSpeech({ voice: env.VOICE_ESPEAK_VOICE }) : null;
  if (!local) log.error("espeak-ng is not installed (apt-get install espeak-ng): calls without ElevenLabs will be silent");
  const fallbackTts = local ?? new SilentTextToSpeech();
  const tts = env.ELEVENLABS_API_KEY
    ? new ElevenLabsTextToSpeech({ apiKey: env.ELEVENLABS_API_KEY, voiceId: env.ELEVENLABS_VOICE_ID, modelId: env.ELEVENLABS_MODEL })
    : fallbackTts;

  let stt: SpeechToText | null = null;
  const wantOpenAi = env.VOICE_STT === "openai" || (env.VOICE_STT === "auto" && env.OPENAI_API_KEY);
  if (env.VOICE_STT === "test-double") {
    stt = new UtteranceDoubleSpeechToText();
  } else if (wantOpenAi) {
    if (!env.OPENAI_API_KEY) throw new Error("VOICE_STT=openai needs OPENAI_API_KEY");
    stt = new OpenAiSpeechToText({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_STT_MODEL });
  }
  return { stt, tts, fallbackTts };
}
