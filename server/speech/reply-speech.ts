// Speech for one whole reply, as a WAV file a browser can play: how the test console lets an
// owner hear the receptionist. The phone streams sentences as 8 kHz μ-law through the voice
// worker's own providers (voice-worker/src/providers/tts); this speaks the same text with the same
// engine and voice, chosen from the same configuration (ElevenLabs when its key is set, otherwise
// espeak-ng), in one request.
export interface ReplySpeech {
  /** One line for the page: which voice replies are spoken in. */
  readonly description: string;
  /** `text` spoken, as a 16-bit PCM WAV. Rejects when the provider fails. */
  synthesize(text: string, options?: { signal?: AbortSignal }): Promise<Buffer>;
}

/** Longest reply spoken in one request; agent replies are a few sentences. */
const MAX_SPOKEN_CHARACTERS = 1500;

export function cleanSpokenText(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, MAX_SPOKEN_CHARACTERS);
}
