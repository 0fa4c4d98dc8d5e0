/**
 * The caller's name, from "it's John Smith", "my name is Ana García",
 * "this is Bob", "me llamo María", "soy Pedro", or a bare "John Smith" right
 * after the agent asked for it.
 *
 * The same openers introduce things that are not names ("it's for a
 * haircut", "I'm calling about…", "soy nueva"), so the words after the opener
 * must look like a name: letters only, not a common word, not a date or a
 * service word. A few common words are also first names ("una" is Spanish
 * "a" and the name Una, "will"): they count as a name when the caller (or
 * STT) capitalised them, after an opener that can only introduce a name ("my
 * name is", "me llamo"), or as the whole answer to "what's your name?".
 * Accents and the caller's own capitals are kept ("García", "McDonald");
 * lowercase STT output is title-cased ("o'brien" → "O'Brien", but
 * "women's" → "Women's").
 */
import { foldCase } from "./normalize-text";

export interface ExtractedName {
  fullName: string;
  firstName: string;
  lastName?: string;
  /** The opener that introduced it, or "bare" for an answer on its own. */
  cue: string;
}

export interface ExtractNameOptions {
  /** The agent just asked for the name, so a bare "John Smith" counts. */
  expectingName?: boolean;
}

/** Openers, in folded form ("its", "im"), longest first. */
const OPENERS: readonly string[][] = [
  ["you", "can", "call", "me"], ["my", "name", "is"], ["the", "name", "is"], ["my", "names"], ["mi", "nombre", "es"],
  ["le", "habla"], ["me", "llamo"], ["yo", "soy"], ["name", "is"], ["call", "me"], ["this", "is"], ["it", "is"],
  ["i", "am"], ["names"], ["its"], ["im"], ["soy"], ["habla"],
].sort((a, b) => b.length - a.length);

/** Openers after which the next word can only be a name. */
const NAMING_OPENERS = new Set(["you can call me", "my name is", "the name is", "my names", "mi nombre es", "me llamo", "name is", "call me", "names"]);

/** Sounds between the opener and the name ("it's uh Devon"). */
const FILLERS = new Set(["uh", "um", "umm", "uhm", "er", "erm", "eh", "ah", "hmm", "mm", "em", "este"]);

/** Words in NOT_NAMES that are also first names: see the module comment for when they count. */
const NAME_HOMOGRAPHS = new Set(["una", "will"]);

/** Words that end a name ("this is Bob calling about…"). */
const NAME_ENDERS = new Set([
  "and", "i", "im", "from", "calling", "here", "speaking", "with", "to", "for", "at", "on", "please", "thanks",
  "thank", "y", "llamando", "para", "por", "con", "again", "otra", "but", "pero", "so", "the",
]);

/** Words that are never (the start of) a name after an opener. */
const NOT_NAMES = new Set([
  "a", "an", "the", "for", "about", "calling", "looking", "just", "wondering", "trying", "interested", "here",
  "not", "so", "me", "you", "that", "this", "it", "good", "fine", "great", "okay", "ok", "sorry", "new",
  "back", "busy", "late", "ready", "available", "free", "sure", "also", "still", "going", "gonna", "hoping",
  "wanting", "doing", "well", "very", "really", "actually", "already", "in", "on", "at", "to", "from", "with",
  "yes", "no", "yeah", "yep", "my", "your", "his", "her", "our", "their", "what", "when", "where", "how", "why",
  "who", "is", "was", "be", "booked", "appointment", "booking", "haircut", "cut", "cancel", "reschedule",
  "tomorrow", "today", "tonight", "morning", "afternoon", "evening", "monday", "tuesday", "wednesday",
  "thursday", "friday", "saturday", "sunday", "am", "pm", "and", "or", "but", "like", "um", "uh", "perfect",
  "correct", "right", "wrong", "all", "done", "there", "one", "two", "three", "four", "five", "six",
  "seven", "eight", "nine", "ten", "noon", "next", "last", "first", "early", "later", "open", "closed",
  "nuevo", "nueva", "cliente", "clienta", "de", "del", "el", "la", "los", "las", "un", "una", "yo", "que",
  "bien", "aqui", "alla", "buscando", "manana", "hoy", "tarde", "noche", "lunes", "martes", "miercoles",
  "jueves", "viernes", "sabado", "domingo", "cita", "corte", "si", "claro", "perfecto", "listo", "mi", "su",
  "muy", "tambien", "ya", "todavia", "nuevamente", "usted", "ella", "quiero", "quisiera", "necesito",
  "tengo", "llamo", "busco", "queria", "necesitaba", "me", "te", "le", "nos", "need", "want", "would", "have",
  "can", "could", "was", "will", "go", "ahead", "sounds", "works", "thats", "lets", "book",
]);

/** Lowercase particles inside surnames: "Ana de la Cruz", "Ludwig van Beethoven". */
const PARTICLES = new Set(["de", "del", "la", "las", "los", "van", "von", "da", "di", "du", "le", "st"]);
const MAX_NAME_WORDS = 3;

interface Token {
  raw: string;
  folded: string;
}

function tokenize(text: string): Token[] {
  return text
    .split(/\s+/)
    .map((raw) => raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ""))
    .filter((raw) => raw.length > 0)
    .map((raw) => ({ raw, folded: foldCase(raw).replace(/'/g, "") }));
}

/** `lenient`: the words here can only be a name (after "my name is", or a bare answer to the question). */
function looksLikeNameWord(token: Token, lenient = false): boolean {
  if (!/^[\p{L}][\p{L}'’-]*$/u.test(token.raw)) return false;
  const homograph = NAME_HOMOGRAPHS.has(token.folded) && (lenient || /^\p{Lu}/u.test(token.raw));
  if (NOT_NAMES.has(token.folded) && !homograph) return false;
  // Verbs in -ing follow "I'm" far more often than a name does.
  if (token.folded.length > 4 && token.folded.endsWith("ing")) return false;
  return token.folded.length >= 2;
}

/**
 * Title case for lowercase STT output. After a hyphen a new name part starts ("Mary-Jane");
 * after an apostrophe only when one letter precedes it ("O'Brien", "D'Angelo"), because
 * otherwise it is a possessive or a contraction ("women's", not "Women'S").
 */
export function capitalize(raw: string): string {
  if (/\p{Lu}/u.test(raw)) return raw;
  return raw
    .toLowerCase()
    .replace(/(^|-)(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase())
    .replace(/^(\p{L}['’])(\p{L})/u, (_m, prefix: string, letter: string) => prefix + letter.toUpperCase());
}

/** Reads a name starting at `start`; undefined when the words there are not a name. */
function readName(tokens: readonly Token[], start: number, lenient = false): { words: string[]; end: number } | undefined {
  while (start < tokens.length && FILLERS.has(tokens[start]?.folded ?? "")) start++;
  // Spelled out: "j o h n" becomes "John".
  let i = start;
  const letters: string[] = [];
  while (i < tokens.length && /^\p{L}$/u.test(tokens[i]?.raw ?? "")) letters.push(tokens[i++]?.raw ?? "");
  if (letters.length >= 2) return { words: [capitalize(letters.join(""))], end: i };

  const words: string[] = [];
  let nameWords = 0;
  for (i = start; i < tokens.length && nameWords < MAX_NAME_WORDS; i++) {
    const token = tokens[i] as Token;
    if (nameWords > 0 && PARTICLES.has(token.folded)) {
      // Particles may stack ("de la"); they belong to the name only if a name word follows.
      let j = i;
      while (j < tokens.length && PARTICLES.has(tokens[j]?.folded ?? "")) j++;
      const following = tokens[j];
      if (!following || NAME_ENDERS.has(following.folded) || !looksLikeNameWord(following)) break;
      for (; i < j; i++) words.push((tokens[i] as Token).raw.toLowerCase());
      i--;
      continue;
    }
    // Only the first word gets the lenient reading: "my name is Una Smith", not "… Una will".
    if (NAME_ENDERS.has(token.folded) || !looksLikeNameWord(token, lenient && nameWords === 0)) break;
    words.push(capitalize(token.raw));
    nameWords++;
  }
  if (nameWords === 0) return undefined;
  // Three name-like words followed by a fourth is a phrase, not a name.
  const after = tokens[i];
  if (after && nameWords === MAX_NAME_WORDS && looksLikeNameWord(after, false)) return undefined;
  return { words, end: i };
}

function toResult(words: string[], cue: string): ExtractedName {
  const nameParts = words.filter((w) => !PARTICLES.has(w));
  const firstName = nameParts[0] ?? words[0] ?? "";
  const rest = words.slice(words.indexOf(firstName) + 1).join(" ");
  return { fullName: words.join(" "), firstName, ...(rest ? { lastName: rest } : {}), cue };
}

const LEADING_ANSWER_WORDS = new Set(["yes", "yeah", "sure", "ok", "okay", "si", "claro", "um", "uh", "hi", "hello", "hola", "its", "it", "is", "oh"]);
const TRAILING_COURTESY = new Set(["please", "thanks", "thank", "you", "gracias", "por", "favor"]);

export function extractName(text: string, options: ExtractNameOptions = {}): ExtractedName | null {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    for (const opener of OPENERS) {
      if (!opener.every((word, k) => tokens[i + k]?.folded === word)) continue;
      const name = readName(tokens, i + opener.length, NAMING_OPENERS.has(opener.join(" ")));
      if (name) return toResult(name.words, opener.join(" "));
      break;
    }
  }
  if (!options.expectingName) return null;

  let start = 0;
  while (start < tokens.length && LEADING_ANSWER_WORDS.has(tokens[start]?.folded ?? "")) start++;
  let end = tokens.length;
  while (end > start && TRAILING_COURTESY.has(tokens[end - 1]?.folded ?? "")) end--;
  const answer = tokens.slice(start, end);
  // Lowercase "una" or "will" is a name only as the whole answer ("will do" is not a name).
  const name = readName(answer, 0, answer.length === 1);
  // A bare answer must be nothing but the name.
  return name && name.end === answer.length ? toResult(name.words, "bare") : null;
}
