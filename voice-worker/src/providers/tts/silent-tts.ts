// Last resort when espeak-ng is missing and no ElevenLabs key is set: silence as long as the text
// would take to say, so calls still follow their timing (the keypad menu works for callers who
// know it). The start-up log says loudly that this is happening.
import { MULAW_SILENCE } from "../../media-stream/mulaw";
import type { TextToSpeech, TtsSession } from "./text-to-speech";

export class SilentTextToSpeech implements TextToSpeech {
  readonly name = "espeak";
  readonly description = "none (espeak-ng missing: silence)";

  openSession(): TtsSession {
    let characters = 0;
    return {
      async *synthesize(text: string) {
        characters += text.length;
        yield new Uint8Array(Math.max(1, text.length) * 8 * 60).fill(MULAW_SILENCE); // ~60 ms per character
      },
      get characters() {
        return characters;
      },
      close: () => undefined,
    };
  }
}
