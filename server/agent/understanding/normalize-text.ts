/**
 * Text normalisation shared by the understanding modules.
 *
 * Speech-to-text output and SMS disagree on case, accents, apostrophes and
 * punctuation ("It's", "its", "mañana", "manana"). Every matcher works on the
 * same folded form so that its word lists only need one spelling.
 */

/** Lowercase, strip diacritics (ñ becomes n), drop apostrophes inside words. */
export function foldCase(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/(\p{L})'(\p{L})/gu, "$1$2");
}

/**
 * Fold and reduce to words separated by single spaces. `:` and `/` survive
 * between digits because "3:30" and "12/3" carry meaning; "a.m." survives as
 * "am" because STT and typists both write it with dots.
 */
export function normalizeUtterance(text: string): string {
  return foldCase(text)
    .replace(/\b([ap])\s?\.\s?m\b\.?/g, "$1m")
    .replace(/(\d)\s*:\s*(?=\d)/g, "$1\u0001")
    .replace(/(\d)\s*\/\s*(?=\d)/g, "$1\u0002")
    .replace(/[^\p{L}\p{N}\u0001\u0002]+/gu, " ")
    .replace(/\u0001/g, ":")
    .replace(/\u0002/g, "/")
    .replace(/\s+/g, " ")
    .trim();
}

/** Sounds and discourse markers that carry no meaning for intent or slots. */
const FILLER_WORDS = new Set([
  "um", "umm", "uh", "uhh", "uhm", "erm", "er", "ah", "ahh", "hmm", "hm", "mm", "mmm",
  "eh", "ehm", "em", "emm", "pues",
]);

/** Words after which "like" is a verb ("I'd like", "would you like"), not a filler. */
const LIKE_IS_VERB_AFTER = new Set([
  "i", "id", "would", "wed", "we", "you", "youd", "they", "do", "dont", "didnt",
  "really", "also", "might", "feel", "look", "looks", "sounds", "something", "anything",
]);

/**
 * Remove fillers from an already normalised utterance. "like" is only dropped
 * when it cannot be the verb, so "I'd like to book" keeps it while
 * "I want like a haircut" loses it.
 */
export function removeFillers(normalized: string): string {
  const words = normalized.split(" ").filter((w) => w.length > 0);
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    if (FILLER_WORDS.has(word)) continue;
    if (word === "like" && !LIKE_IS_VERB_AFTER.has(kept[kept.length - 1] ?? "")) continue;
    if (word === "you" && words[i + 1] === "know") { i++; continue; }
    if (word === "o" && words[i + 1] === "sea") { i++; continue; }
    kept.push(word);
  }
  return kept.join(" ");
}

/** Normalise and remove fillers: the form most matchers want. */
export function cleanUtterance(text: string): string {
  return removeFillers(normalizeUtterance(text));
}

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Whole-word, whole-phrase test on a normalised utterance. Phrases are written
 * in folded form ("manana", "dont"), so they match however the caller spelled them.
 */
export function hasPhrase(normalized: string, phrase: string): boolean {
  return new RegExp(`(?:^| )${escapeRegExp(phrase)}(?: |$)`).test(normalized);
}
