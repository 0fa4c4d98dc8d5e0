// Decides when the caller's turn is over. The VAD says "silence"; this module decides whether the
// silence is the end of the turn or a pause mid-sentence, using the shape of the partial
// transcript when the speech-to-text provider has one. Replying too early cuts people off
// ("I'd like to come in on the…"); replying too late feels like a dead line.
//
// The numbers (added on top of the VAD's own speechEndMs, 200 ms by default):
//  - complete phrase  (ends in . ! ? or a short answer: "yes", "no thanks", "vale"): 200 ms,
//    so about 400 ms of silence in total; in conversation the gap between turns is typically
//    around 200 ms, and these phrases invite an immediate answer.
//  - neutral / no transcript: 500 ms, about 700 ms in total: no evidence either way.
//  - unfinished phrase (ends in an article, preposition, conjunction or filler: "at", "on the",
//    "um", "and", Spanish "a las", "el", "y", "eh", "este", or trails off with "…" or ","):
//    1200 ms, about 1.4 s in total, long enough for a caller checking a calendar ("on the… um…
//    Tuesday"). It is also the longest we ever wait: the turn ends even if the words never come.
// Unfinished wins over punctuation: STT engines often put a period after any pause ("On the.").

export type PhraseCompleteness = "complete" | "neutral" | "unfinished";

export interface EndpointingOptions {
  completeDelayMs?: number;
  neutralDelayMs?: number;
  unfinishedDelayMs?: number;
}

export const DEFAULT_ENDPOINTING_OPTIONS: Required<EndpointingOptions> = {
  completeDelayMs: 200,
  neutralDelayMs: 500,
  unfinishedDelayMs: 1200,
};

// Words a sentence does not end on: articles, prepositions, conjunctions, possessives, fillers.
const UNFINISHED_WORDS = new Set([
  // English
  "a", "an", "the", "at", "on", "in", "to", "for", "with", "from", "of", "by", "about", "around",
  "before", "after", "until", "till", "between", "into", "and", "or", "but", "so", "because",
  "if", "than", "my", "your", "our", "their", "like", "um", "umm", "uh", "uhm", "er", "erm",
  "hmm", "mm",
  // Spanish
  "al", "el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "en", "con", "para",
  "por", "y", "e", "o", "u", "pero", "que", "porque", "mi", "mis", "tu", "su", "sus", "eh", "em",
  "este", "pues", "mmm",
]);

// Short answers that are a whole turn by themselves. Checked as the last one or two words.
const COMPLETE_ENDINGS = new Set([
  // English
  "yes", "yeah", "yep", "yup", "no", "nope", "nah", "ok", "okay", "sure", "thanks", "thank you",
  "correct", "right", "exactly", "perfect", "great", "fine", "please", "bye", "goodbye",
  "that's it", "that's all", "think so", "hope so", "guess so",
  // Spanish
  "sí", "vale", "claro", "gracias", "correcto", "exacto", "perfecto", "listo", "bien", "adiós",
  "de acuerdo", "por favor", "eso es",
]);

const WORD = /[\p{L}\p{N}']+/gu;

/** Classifies a (partial) transcript by how it ends. */
export function classifyPhrase(transcript: string): PhraseCompleteness {
  const text = transcript.trim().toLowerCase().replace(/[’`]/g, "'");
  if (text.length === 0) return "neutral";
  // Trailing off: an ellipsis, a dash or a comma means more is coming.
  if (/(\.\.\.|…|[,\-–—])$/.test(text)) return "unfinished";
  const words = text.match(WORD) ?? [];
  const last = words[words.length - 1];
  if (last === undefined) return "neutral";
  // Two-word answers first: "I think so" ends in "so" but is a whole answer.
  const lastTwo = words.length >= 2 ? `${words[words.length - 2]} ${last}` : "";
  if (COMPLETE_ENDINGS.has(lastTwo)) return "complete";
  if (UNFINISHED_WORDS.has(last)) return "unfinished";
  if (/[.!?]$/.test(text) || COMPLETE_ENDINGS.has(last)) return "complete";
  return "neutral";
}

/** How long to wait after the VAD's speech-end before ending the turn. */
export function endOfTurnDelayMs(
  transcript: string | null | undefined,
  options: EndpointingOptions = {},
): { delayMs: number; completeness: PhraseCompleteness } {
  const { completeDelayMs, neutralDelayMs, unfinishedDelayMs } = { ...DEFAULT_ENDPOINTING_OPTIONS, ...options };
  const completeness = transcript ? classifyPhrase(transcript) : "neutral";
  const delayMs =
    completeness === "complete" ? completeDelayMs : completeness === "unfinished" ? unfinishedDelayMs : neutralDelayMs;
  return { delayMs, completeness };
}

export type EndpointerState = "idle" | "speaking" | "pending" | "ended";

export interface EndOfTurn {
  /** The transcript known when the turn ended ("" if the STT had nothing yet). */
  transcript: string;
  completeness: PhraseCompleteness;
  /** Time from the VAD's speech-end to the decision. */
  waitedMs: number;
}

/**
 * Per-call turn-taking state. Feed it VAD events and transcript updates, and call `poll(nowMs)`
 * from the session's own timer at `deadlineMs` (or on every frame): it holds no timers.
 */
export class Endpointer {
  private readonly options: Required<EndpointingOptions>;
  private current: EndpointerState = "idle";
  private transcript = "";
  private silenceSinceMs = 0;
  private deadline: number | null = null;

  constructor(options: EndpointingOptions = {}) {
    this.options = { ...DEFAULT_ENDPOINTING_OPTIONS, ...options };
  }

  get state(): EndpointerState {
    return this.current;
  }

  /** When `poll` will next end the turn if nothing changes, or null. */
  get deadlineMs(): number | null {
    return this.deadline;
  }

  /** VAD speech-start. Speech after an ended turn begins a new turn. */
  onSpeechStart(_nowMs: number): void {
    if (this.current === "ended") this.transcript = "";
    this.current = "speaking";
    this.deadline = null;
  }

  /** VAD speech-end. `nowMs`: when the VAD declared it (its own silence time already elapsed). */
  onSpeechEnd(nowMs: number): void {
    if (this.current !== "speaking") return;
    this.current = "pending";
    this.silenceSinceMs = nowMs;
    this.schedule();
  }

  /** Latest partial or final transcript of the caller's current turn (replaces the previous). */
  onTranscript(text: string, _nowMs: number): void {
    if (this.current === "ended") return;
    this.transcript = text;
    // A late transcript re-times the wait, counted from the same speech-end.
    if (this.current === "pending") this.schedule();
  }

  /** Returns the end of the turn once, when its deadline has passed. */
  poll(nowMs: number): EndOfTurn | null {
    if (this.current !== "pending" || this.deadline === null || nowMs < this.deadline) return null;
    this.current = "ended";
    this.deadline = null;
    return {
      transcript: this.transcript,
      completeness: classifyPhrase(this.transcript),
      waitedMs: nowMs - this.silenceSinceMs,
    };
  }

  /** Forgets the current turn (e.g. after the agent has answered it). */
  reset(): void {
    this.current = "idle";
    this.transcript = "";
    this.deadline = null;
  }

  private schedule(): void {
    this.deadline = this.silenceSinceMs + endOfTurnDelayMs(this.transcript, this.options).delayMs;
  }
}
