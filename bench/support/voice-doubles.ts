// Provider doubles for the voice benchmarks, answering with the delays the issue prescribes:
// speech-to-text 300 ms (the utterance double: it returns the known text), LLM first token 400 ms
// (a conversation that then streams a three-sentence reply), text-to-speech first byte 150 ms
// (then audio as fast as a real service sends it: a tone as long as the sentence would take to say).
import type { ConversationFactory } from "../../voice-worker/src/call/session-services";
import { ReplyChannel } from "../../voice-worker/src/conversation";
import { toneMulaw } from "../../voice-worker/src/media-stream/wav";
import type { SpeechProviders } from "../../voice-worker/src/providers/select-providers";
import { UtteranceDoubleSpeechToText } from "../../voice-worker/src/providers/stt/utterance-double-stt";
import type { TextToSpeech, TtsSession } from "../../voice-worker/src/providers/tts/text-to-speech";

export const DELAYS = { sttMs: 300, llmFirstTokenMs: 400, ttsFirstByteMs: 150 };

/** About 65 ms of speech per character at a normal speaking rate. */
const MS_PER_CHAR = 65;
const TONE = toneMulaw(220, 20_000, 3000);

class TtsDouble implements TextToSpeech {
  readonly name = "elevenlabs";
  readonly description = "benchmark double (150 ms to first byte)";

  openSession(): TtsSession {
    let characters = 0;
    return {
      async *synthesize(text: string, signal: AbortSignal) {
        characters += text.length;
        await new Promise((resolve) => setTimeout(resolve, DELAYS.ttsFirstByteMs));
        const total = Math.min(TONE.length, text.length * MS_PER_CHAR * 8);
        // Real services stream faster than real time, in chunks of a few hundred ms.
        for (let offset = 0; offset < total && !signal.aborted; offset += 2400) {
          yield TONE.subarray(offset, Math.min(total, offset + 2400));
          await new Promise((resolve) => setImmediate(resolve));
        }
      },
      get characters() {
        return characters;
      },
      close: () => undefined,
    };
  }
}

export function benchProviders(): SpeechProviders {
  const tts = new TtsDouble();
  return { stt: new UtteranceDoubleSpeechToText({ delayMs: DELAYS.sttMs }), tts, fallbackTts: tts };
}

export const llmDouble: ConversationFactory = () => ({
  start: async () => "Thanks for calling. How can I help you today?",
  onCallerTurn() {
    const channel = new ReplyChannel();
    setTimeout(() => {
      channel.push({ type: "text", delta: "Sure, I can help with that. " });
      setTimeout(() => {
        channel.push({ type: "text", delta: "We have an opening tomorrow at ten. " });
        channel.push({ type: "text", delta: "Would that work for you?" });
        channel.finish();
      }, 60);
    }, DELAYS.llmFirstTokenMs);
    return channel.stream;
  },
  onDigit: () => null,
  notePlayed: () => undefined,
});
