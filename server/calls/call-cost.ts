// Estimated provider cost of a call, in USD millionths ("micros"), from its usage. List prices as
// published by each provider in 2026 for pay-as-you-go accounts; the owner's real invoice may be
// lower (volume tiers) or include taxes. Update this table when prices change: it is the only place.
import type { CallUsage } from "./call-record-types";

export const PRICE_TABLE = {
  /** OpenAI speech-to-text, USD per minute of audio. */
  stt: { "gpt-4o-transcribe": 0.006, "gpt-4o-mini-transcribe": 0.003, "whisper-1": 0.006 } as Record<string, number>,
  /** Text-to-speech, USD per 1,000 characters (ElevenLabs Flash/Turbo API price; espeak-ng is free). */
  tts: { elevenlabs: 0.06, espeak: 0 } as Record<string, number>,
  /** LLM, USD per million tokens (input, output). Used when the conversation reports tokens. */
  llm: { "gpt-4.1-mini": { input: 0.4, output: 1.6 }, "gpt-4.1": { input: 2, output: 8 }, "gpt-4o-mini": { input: 0.15, output: 0.6 } } as Record<
    string,
    { input: number; output: number }
  >,
  /** Twilio, USD per minute: inbound local call + Media Streams. */
  telephony: { twilioInboundPerMinute: 0.0085, mediaStreamsPerMinute: 0.004 },
} as const;

export function estimateCallCostMicros(usage: CallUsage): number {
  let usd = 0;
  if (usage.sttSeconds && usage.sttModel) usd += (usage.sttSeconds / 60) * (PRICE_TABLE.stt[usage.sttModel] ?? 0);
  if (usage.ttsCharacters && usage.ttsProvider) usd += (usage.ttsCharacters / 1000) * (PRICE_TABLE.tts[usage.ttsProvider] ?? 0);
  const llm = usage.llmModel ? PRICE_TABLE.llm[usage.llmModel] : undefined;
  if (llm) usd += ((usage.llmInputTokens ?? 0) * llm.input + (usage.llmOutputTokens ?? 0) * llm.output) / 1e6;
  if (usage.telephony === "twilio" && usage.callSeconds) {
    // Twilio bills started minutes.
    const minutes = Math.ceil(usage.callSeconds / 60);
    usd += minutes * (PRICE_TABLE.telephony.twilioInboundPerMinute + PRICE_TABLE.telephony.mediaStreamsPerMinute);
  }
  return Math.round(usd * 1e6);
}
