/**
 * Which of the business's own FAQ entries is the caller asking about?
 *
 * Each entry is a question/answer pair written by the owner ("Do you take
 * walk-ins?"). The score is a cosine over content words: words shared by the
 * caller and the entry's question (or its optional keywords), normalised by
 * both sides' lengths so that a long, rambling question still matches while a
 * single shared common word does not. Words match fuzzily ("park" ≈
 * "parking") because STT and typing both drop or add endings.
 */
import { normalizeUtterance } from "./normalize-text";
import { wordSimilarity } from "./string-similarity";

export interface FaqEntry {
  id?: string;
  question: string;
  answer: string;
  /** Extra words that should point to this entry ("parking", "aparcamiento"). */
  keywords?: readonly string[];
}

export interface FaqMatch {
  entry: FaqEntry;
  index: number;
  /** 0–1. */
  score: number;
  matchedWords: string[];
}

const WORD_MATCH_THRESHOLD = 0.8;

/** Function words of both languages; they say nothing about the topic. */
const FUNCTION_WORDS = new Set([
  "a", "an", "the", "do", "does", "did", "you", "your", "yours", "i", "im", "id", "me", "my", "we", "our", "is",
  "are", "was", "be", "it", "its", "to", "for", "of", "on", "in", "at", "and", "or", "if", "can", "could",
  "would", "will", "there", "any", "have", "has", "what", "whats", "how", "when", "where", "which", "who",
  "that", "this", "with", "about", "just", "so", "hi", "hello", "hey", "please", "thanks", "thank", "wondering",
  "was", "like", "know", "want", "need", "guys", "y", "el", "la", "los", "las", "un", "una", "de", "del", "que",
  "en", "con", "por", "para", "se", "es", "hay", "tienen", "tiene", "ustedes", "usted", "mi", "su", "sus",
  "como", "cuando", "donde", "hola", "gracias", "quisiera", "saber", "puedo", "pueden", "lo", "al", "si",
]);

export function contentWords(text: string): string[] {
  const words = normalizeUtterance(text).split(" ").filter((w) => w.length > 1 && !FUNCTION_WORDS.has(w));
  return [...new Set(words)];
}

/** A crude English/Spanish stem: "parking" → "park", "cards" → "card", "cortes" → "cort". */
function stem(word: string): string {
  const stripped = word.replace(/(?:ing|ed|es|s)$/, "");
  return stripped.length >= 3 ? stripped : word;
}

function sameWord(a: string, b: string): number {
  if (a === b || stem(a) === stem(b)) return 1;
  return wordSimilarity(a, b);
}

export function matchFaq(
  utterance: string,
  entries: readonly FaqEntry[],
  options: { threshold?: number } = {},
): FaqMatch | undefined {
  const threshold = options.threshold ?? 0.5;
  const said = contentWords(utterance);
  if (said.length === 0) return undefined;

  let best: FaqMatch | undefined;
  entries.forEach((entry, index) => {
    const questionWords = contentWords(entry.question);
    const keywordWords = (entry.keywords ?? []).flatMap((k) => contentWords(k));
    if (questionWords.length === 0 && keywordWords.length === 0) return;
    const matchedWords: string[] = [];
    let matched = 0;
    for (const word of said) {
      let sim = 0;
      for (const candidate of [...questionWords, ...keywordWords]) sim = Math.max(sim, sameWord(word, candidate));
      if (sim >= WORD_MATCH_THRESHOLD) {
        matched += sim;
        matchedWords.push(word);
      }
    }
    const size = Math.max(1, questionWords.length);
    const score = Math.min(1, matched / Math.sqrt(size * said.length));
    if (score >= threshold && (!best || score > best.score)) {
      best = { entry, index, score: Math.round(score * 1000) / 1000, matchedWords };
    }
  });
  return best;
}
