/**
 * Which service from the business's catalogue did the caller ask for?
 *
 * Callers say "a hair cut", STT writes "haircutt", Spanish speakers say
 * "corte de pelo" (covered by the service's synonyms). Each service name and
 * synonym is compared word by word with the utterance, after folding case and
 * accents and removing request words ("I'd like to book a …"). Word pairs in
 * the utterance are also tried joined, so "hair cut" meets "haircut" and
 * "many cure" meets "manicure".
 *
 * The score mixes how much of the service phrase was heard (coverage, the
 * main signal) with how much of what the caller said the phrase explains
 * (precision, which prefers "Men's haircut" over "Haircut" when the caller
 * said "men's haircut"). The runner-up is returned so the agent can ask
 * "Did you mean X or Y?" when the two are close.
 *
 * Word forms meet their base: "colouring", "colored", "trimmed", "haircuts".
 * In a long sentence one service word is diluted by everything else the
 * caller said ("could I get a colour sometime next week, if that's ok with
 * you"), so when nothing reaches the threshold a second pass looks for
 * services whose every key word (the phrase minus generic words like "hair")
 * was heard clearly, and scores those just above the threshold. Key words must
 * match closely (0.85, exactly for words of three letters or fewer), so common
 * words that merely resemble a service word do not count.
 */
import { normalizeUtterance } from "./normalize-text";
import { wordSimilarity } from "./string-similarity";

export interface CatalogueService {
  id: string;
  name: string;
  synonyms?: readonly string[];
}

export interface ServiceCandidate {
  service: CatalogueService;
  /** 0–1. */
  score: number;
  /** The name or synonym that matched best. */
  matchedPhrase: string;
}

export interface ServiceMatch {
  /** Undefined when nothing reaches the threshold. */
  best?: ServiceCandidate;
  /** The best other service that also reaches the threshold. */
  runnerUp?: ServiceCandidate;
  /** Best and runner-up are within the margin: ask the caller to choose. */
  ambiguous: boolean;
}

export interface MatchServiceOptions {
  /** Minimum score to count as a match. Default 0.6. */
  threshold?: number;
  /** Best and runner-up closer than this are ambiguous. Default 0.1. */
  ambiguityMargin?: number;
}

/** Words a word must resemble at least this much to count as heard. */
const WORD_MATCH_THRESHOLD = 0.75;
const COVERAGE_WEIGHT = 0.6;

/** Request words, dates and pronouns: they never name a service. */
const STOP_WORDS = new Set([
  "a", "an", "the", "my", "i", "im", "id", "ill", "me", "we", "you", "your", "it", "its", "is", "are", "to",
  "for", "of", "and", "or", "with", "on", "in", "at", "some", "just", "also", "please", "like", "want",
  "wanna", "would", "need", "get", "got", "have", "do", "can", "could", "book", "booking", "schedule",
  "appointment", "appt", "make", "looking", "come", "set", "up", "one", "this", "that", "be", "maybe",
  "time", "what", "when", "where", "how", "much", "there", "any", "anything", "something", "done", "then",
  "hi", "hello", "hey", "hola", "thanks", "thank", "gracias", "buenos", "buenas", "dias",
  "tomorrow", "today", "tonight", "morning", "afternoon", "evening", "next", "week", "am", "pm",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "um", "uh", "yes", "no",
  "un", "una", "unos", "unas", "el", "la", "los", "las", "lo", "de", "del", "al", "para", "por", "con", "y",
  "o", "mi", "yo", "quiero", "quisiera", "necesito", "cita", "hacer", "hacerme", "reservar", "agendar",
  "favor", "manana", "hoy", "tarde", "noche", "semana", "lunes", "martes", "miercoles", "jueves",
  "viernes", "sabado", "domingo", "si", "que", "en",
]);

/** Words of a service phrase that say little about which service it is. */
const GENERIC_WORDS = new Set(["hair", "cabello", "pelo", "service", "servicio", "treatment", "tratamiento", "session", "sesion"]);
/** Second pass: how closely a key word must be heard. */
const KEY_WORD_THRESHOLD = 0.85;

/**
 * Inflected forms and their base, English and Spanish: "nails" meets "nail", "colores" "color",
 * "colouring" "colour", "trimmed" "trim", "dyed" "dye", "curling" "curl".
 */
export function variants(word: string): string[] {
  const forms = [word];
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) {
    forms.push(word.slice(0, -1));
    if (word.endsWith("es")) forms.push(word.slice(0, -2));
    if (word.endsWith("ies")) forms.push(`${word.slice(0, -3)}y`);
  }
  const stem = /^(.{2,}?)(?:ing|ed)$/.exec(word)?.[1];
  if (stem && word.length >= 5) {
    forms.push(stem, `${stem}e`);
    // "trimmed" → "trim", "cutting" → "cut": a doubled final consonant.
    if (/([^aeiou])\1$/.test(stem)) forms.push(stem.slice(0, -1));
    if (word.endsWith("ied")) forms.push(`${word.slice(0, -3)}y`);
  }
  if (word.length === 4 && word.endsWith("ed")) forms.push(word.slice(0, -1));
  return [...new Set(forms)];
}

function wordScore(a: string, b: string): number {
  const va = variants(a);
  const vb = variants(b);
  if (va.some((x) => vb.includes(x))) return 1;
  let best = 0;
  for (const x of va) for (const y of vb) best = Math.max(best, wordSimilarity(x, y));
  return best;
}

export function serviceTokens(text: string): string[] {
  return normalizeUtterance(text)
    .split(" ")
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w) && !/^\d/.test(w));
}

/** A span of the utterance: one word, or two or three adjacent words heard apart. */
interface Span {
  text: string;
  indices: number[];
}

function spansOf(tokens: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    spans.push({ text: tokens[i] ?? "", indices: [i] });
    if (i + 1 < tokens.length) spans.push({ text: `${tokens[i]}${tokens[i + 1]}`, indices: [i, i + 1] });
    if (i + 2 < tokens.length) spans.push({ text: `${tokens[i]}${tokens[i + 1]}${tokens[i + 2]}`, indices: [i, i + 1, i + 2] });
  }
  return spans;
}

function phraseScore(phraseWords: readonly string[], query: readonly string[], spans: readonly Span[]): number {
  if (phraseWords.length === 0 || query.length === 0) return 0;
  let covered = 0;
  const explained = new Map<number, number>();
  for (const word of phraseWords) {
    let best: { sim: number; span?: Span } = { sim: 0 };
    for (const span of spans) {
      const sim = wordScore(word, span.text);
      if (sim > best.sim) best = { sim, span };
    }
    if (best.sim < WORD_MATCH_THRESHOLD || !best.span) continue;
    covered += best.sim;
    for (const i of best.span.indices) explained.set(i, Math.max(explained.get(i) ?? 0, best.sim));
  }
  const coverage = covered / phraseWords.length;
  const precision = [...explained.values()].reduce((a, b) => a + b, 0) / query.length;
  return COVERAGE_WEIGHT * coverage + (1 - COVERAGE_WEIGHT) * Math.min(1, precision);
}

export function matchService(
  utterance: string,
  catalogue: readonly CatalogueService[],
  options: MatchServiceOptions = {},
): ServiceMatch {
  const threshold = options.threshold ?? 0.6;
  const margin = options.ambiguityMargin ?? 0.1;
  const query = serviceTokens(utterance);
  const spans = spansOf(query);

  const candidates: ServiceCandidate[] = [];
  for (const service of catalogue) {
    let best: ServiceCandidate | undefined;
    for (const phrase of [service.name, ...(service.synonyms ?? [])]) {
      const words = serviceTokens(phrase);
      // A catalogue phrase written apart ("hair cut") is also tried joined.
      const joined = words.length > 1 ? [words.join("")] : [];
      const score = Math.max(phraseScore(words, query, spans), phraseScore(joined, query, spans));
      if (!best || score > best.score) best = { service, score: round(score), matchedPhrase: phrase };
    }
    if (best && best.score >= threshold) candidates.push(best);
  }
  if (candidates.length === 0) candidates.push(...keyWordCandidates(catalogue, query, threshold));
  candidates.sort((a, b) => b.score - a.score);

  const [best, runnerUp] = candidates;
  const result: ServiceMatch = { ambiguous: false };
  if (best) result.best = best;
  if (runnerUp) result.runnerUp = runnerUp;
  result.ambiguous = Boolean(best && runnerUp && best.score - runnerUp.score < margin);
  return result;
}

/**
 * The second pass: services whose every key word was heard clearly somewhere in the utterance.
 * More key words heard scores a little higher ("color correction" over "color").
 */
function keyWordCandidates(catalogue: readonly CatalogueService[], query: readonly string[], threshold: number): ServiceCandidate[] {
  const candidates: ServiceCandidate[] = [];
  for (const service of catalogue) {
    let best: ServiceCandidate | undefined;
    for (const phrase of [service.name, ...(service.synonyms ?? [])]) {
      const keys = serviceTokens(phrase).filter((w) => !GENERIC_WORDS.has(w));
      if (keys.length === 0) continue;
      const sims = keys.map((key) => Math.max(...query.map((word) => wordScore(key, word))));
      if (sims.some((sim) => sim < KEY_WORD_THRESHOLD)) continue;
      const mean = sims.reduce((a, b) => a + b, 0) / sims.length;
      const score = round(threshold + 0.05 * Math.min(keys.length, 3) * mean);
      if (!best || score > best.score) best = { service, score, matchedPhrase: phrase };
    }
    if (best) candidates.push(best);
  }
  return candidates;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
