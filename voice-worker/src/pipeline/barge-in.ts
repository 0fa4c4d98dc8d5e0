// Decides whether caller speech during agent playback is an interruption (barge-in). A true
// interruption must stop the agent at once (Twilio `clear`, cancel LLM and TTS, trim the turn to
// what was heard); a false one makes the agent stop mid-sentence for a cough, a "mm-hm", or its own
// voice echoing back from a speakerphone. Pure: the session evaluates it on each inbound frame and
// on each partial transcript while the agent is audible.
//
// Rules (all thresholds configurable):
//  - Echo guard: speech in the first echoGuardMs (300) of a stretch of agent audio is ignored.
//    Echo and the caller's reaction to the agent starting both land there.
//  - Voice: caller speech (VAD, which already bridges short gaps) lasting minVoiceMs (500) counted
//    from the later of its start and the end of the echo guard. Long enough to skip "mm-hm" and
//    "okay", short enough that "wait, wait" stops the agent within about 0.6 s.
//  - Words: a partial transcript with minTranscriptWords (2) words, once past the echo guard.
//    Catches short, clear interruptions ("no, Thursday") faster than the voice rule. When the
//    agent's text is supplied, words the agent itself is saying are not counted: speakerphone echo
//    gets transcribed too, and those words are exactly the agent's.
// Single-word interruptions ("stop") only count through the voice rule: a deliberate trade-off,
// since single words are also what backchannels ("yeah", "okay") and short echoes look like.

export interface BargeInOptions {
  echoGuardMs?: number;
  minVoiceMs?: number;
  minTranscriptWords?: number;
}

export const DEFAULT_BARGE_IN_OPTIONS: Required<BargeInOptions> = {
  echoGuardMs: 300,
  minVoiceMs: 500,
  minTranscriptWords: 2,
};

export interface BargeInInput {
  nowMs: number;
  /** Start of the current stretch of agent audio (PlaybackTracker.playbackStartedAtMs), null if silent. */
  playbackStartedAtMs: number | null;
  /** Start of the caller's current speech (VoiceActivityDetector.speechStartedAtMs), null if silent. */
  callerSpeechStartedAtMs: number | null;
  /** Partial transcript of what the caller said since this playback began; clear it per playback. */
  partialTranscript?: string | null;
  /** Text the agent is currently saying, to discount echoed words. */
  agentText?: string | null;
}

export type BargeInDecision =
  | { interrupt: true; reason: "voice" | "words" }
  | { interrupt: false; reason: "agent-silent" | "echo-guard" | "below-threshold" };

const WORD = /[\p{L}\p{N}']+/gu;

export function evaluateBargeIn(input: BargeInInput, options: BargeInOptions = {}): BargeInDecision {
  const { echoGuardMs, minVoiceMs, minTranscriptWords } = { ...DEFAULT_BARGE_IN_OPTIONS, ...options };
  const { nowMs, playbackStartedAtMs, callerSpeechStartedAtMs } = input;
  if (playbackStartedAtMs === null) return { interrupt: false, reason: "agent-silent" };

  const guardEndsAtMs = playbackStartedAtMs + echoGuardMs;
  if (nowMs < guardEndsAtMs) return { interrupt: false, reason: "echo-guard" };

  if (callerSpeechStartedAtMs !== null) {
    const countedFromMs = Math.max(callerSpeechStartedAtMs, guardEndsAtMs);
    if (nowMs - countedFromMs >= minVoiceMs) return { interrupt: true, reason: "voice" };
  }

  if (input.partialTranscript && callerWordCount(input.partialTranscript, input.agentText) >= minTranscriptWords) {
    return { interrupt: true, reason: "words" };
  }
  return { interrupt: false, reason: "below-threshold" };
}

/** Words in `transcript`, not counting those that also occur in `agentText` (likely echo). */
export function callerWordCount(transcript: string, agentText?: string | null): number {
  const words = normalizedWords(transcript);
  if (!agentText) return words.length;
  const agentWords = new Set(normalizedWords(agentText));
  let count = 0;
  for (const word of words) if (!agentWords.has(word)) count++;
  return count;
}

function normalizedWords(text: string): string[] {
  return text.toLowerCase().replace(/[’`]/g, "'").match(WORD) ?? [];
}
