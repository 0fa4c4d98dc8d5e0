/**
 * Yes or no, in English and Spanish, as people actually say it on the phone:
 * "yeah sure", "that works", "sí claro", "nope", "no gracias", "mm-hmm".
 *
 * Words that are only sometimes an answer ("right", "good", "fine", "no",
 * "si", which is also Spanish "if") count only near the start of the
 * utterance or in a short one, so "right now" or "I have no preference" do not
 * read as answers. When both polarities appear, the first wins ("yes, no
 * problem"), unless the caller corrects themselves in between ("no wait, yes").
 */
import { escapeRegExp, normalizeUtterance, removeFillers } from "./normalize-text";

export type YesNo = "yes" | "no";

export interface YesNoResult {
  answer?: YesNo;
  /** "not sure", "maybe", "no sé": the caller neither agreed nor refused. */
  unsure?: boolean;
  confidence: number;
  cues: string[];
  /** What follows the answer, e.g. "thursday" in "no, Thursday", for corrections. */
  rest: string;
}

type Polarity = YesNo | "unsure";

interface Cue {
  phrase: string;
  polarity: Polarity;
  /** Weak cues count only early in the utterance or in a short one. */
  weak?: boolean;
}

const strong = (polarity: Polarity, phrases: string[]): Cue[] => phrases.map((phrase) => ({ phrase, polarity }));
const weak = (polarity: Polarity, phrases: string[]): Cue[] => phrases.map((phrase) => ({ phrase, polarity, weak: true }));

const CUES: readonly Cue[] = [
  ...strong("yes", [
    "no problem", "no worries", "no hay problema", "not a problem", "why not",
  ]),
  ...strong("unsure", [
    "not sure", "im not sure", "i dont know", "dont know", "no idea", "no se", "no estoy segur[oa]", "maybe",
    "perhaps", "quizas", "quiza", "tal vez", "a lo mejor", "depends", "depende",
  ]),
  ...strong("no", [
    "that doesnt work", "doesnt work", "that wont work", "wont work", "does not work", "not good", "not great",
    "not perfect", "not fine", "not ok", "not okay", "not right", "not really", "not quite", "not that",
    "i dont think so", "dont think so", "no thanks", "no thank you", "thats wrong", "thats not right",
    "never mind", "nevermind", "no gracias", "para nada", "no me sirve", "no me funciona", "no me viene bien",
    "no puedo", "i cant", "cant make it", "mejor no", "esta mal", "nope", "nah", "negative", "incorrect",
    "wrong", "tampoco", "ninguno", "ninguna", "neither",
  ]),
  ...strong("yes", [
    "that works", "works for me", "sounds good", "sounds great", "sounds perfect", "sounds fine",
    "thats right", "thats correct", "that is correct", "that is right", "thats fine", "thats perfect",
    "thats great", "of course", "go ahead", "please do", "lets do it", "lets do that", "book it", "yes please",
    "mhm", "you got it", "all right", "alright", "for sure", "claro que si", "por supuesto",
    "esta bien", "de acuerdo", "eso es", "asi es", "me parece bien", "me sirve", "me funciona", "me viene bien",
    "muy bien", "yes", "yeah", "yep", "yup", "yea", "sure", "okay", "ok", "okey", "correct",
    "perfect", "absolutely", "definitely", "exactly", "affirmative", "claro", "vale", "perfecto",
    "correcto", "exacto", "exactamente", "dale", "listo", "si",
  ]),
  ...weak("no", ["no"]),
  ...weak("yes", ["right", "great", "fine", "good", "cool", "awesome", "excellent", "bueno", "bien", "sale", "va", "k"]),
];

/** Ordered longest first so "no thanks" is read before "no". */
const ORDERED_CUES = [...CUES].sort((a, b) => b.phrase.length - a.phrase.length);
const SELF_CORRECTION = /\b(?:wait|actually|sorry|i mean|perdon|digo|mejor dicho)\b/;
const WEAK_CUE_WINDOW = 2;
const SHORT_UTTERANCE = 4;

interface Hit {
  cue: Cue;
  start: number;
  end: number;
  wordIndex: number;
}

/** Phrases that contain an answer word but answer nothing: greetings, "right now". */
const NOT_ANSWERS = /\b(?:good (?:morning|afternoon|evening|night)|buen(?:os|as) (?:dias|tardes|noches)|right (?:now|away|there|here|after|before))\b/g;
/** Assent sounds, which the filler list would otherwise remove ("mm hmm", "uh huh"). */
const ASSENT_SOUNDS = /\b(?:m+ ?h+m+|uh ?huh|u+h+ h+u+h+|mhm+)\b/g;

export function detectYesNo(text: string): YesNoResult {
  const normalized = removeFillers(normalizeUtterance(text).replace(ASSENT_SOUNDS, "mhm"))
    .replace(NOT_ANSWERS, "")
    .replace(/\s+/g, " ")
    .trim();
  // A text answered with one letter: "y" is yes there, never Spanish "and" (which needs a sentence).
  if (/^(?:y|yy|ye)$/.test(normalized)) return { answer: "yes", confidence: 0.8, cues: [normalized], rest: "" };
  const wordCount = normalized.split(" ").filter((w) => w.length > 0).length;
  const hits: Hit[] = [];
  const taken: boolean[] = new Array<boolean>(normalized.length).fill(false);

  for (const cue of ORDERED_CUES) {
    const re = new RegExp(`(?:^| )(${cue.phrase.split(" ").map((w) => (w.includes("[") ? w : escapeRegExp(w))).join(" ")})(?= |$)`, "g");
    for (let m = re.exec(normalized); m; m = re.exec(normalized)) {
      const start = m.index + m[0].length - (m[1] ?? "").length;
      const end = start + (m[1] ?? "").length;
      if (taken.slice(start, end).some(Boolean)) continue;
      const wordIndex = normalized.slice(0, start).split(" ").filter((w) => w.length > 0).length;
      if (cue.weak && wordIndex >= WEAK_CUE_WINDOW && wordCount > SHORT_UTTERANCE) continue;
      for (let i = start; i < end; i++) taken[i] = true;
      hits.push({ cue, start, end, wordIndex });
    }
  }
  hits.sort((a, b) => a.start - b.start);

  const answers = hits.filter((h) => h.cue.polarity !== "unsure");
  const cues = hits.map((h) => normalized.slice(h.start, h.end));
  if (answers.length === 0) {
    const unsure = hits.length > 0;
    return { ...(unsure ? { unsure } : {}), confidence: unsure ? 0.7 : 0, cues, rest: normalized };
  }

  const first = answers[0] as Hit;
  let chosen = first;
  const last = answers[answers.length - 1] as Hit;
  if (last.cue.polarity !== first.cue.polarity && SELF_CORRECTION.test(normalized.slice(first.end, last.start))) chosen = last;

  const lastHit = hits[hits.length - 1] as Hit;
  const rest = normalized.slice(lastHit.end).trim();
  const mixed = answers.some((h) => h.cue.polarity !== chosen.cue.polarity);
  const onlyAnswerWords = rest.length === 0 && first.wordIndex === 0;
  const confidence = mixed ? 0.55 : onlyAnswerWords ? 0.95 : chosen.cue.weak ? 0.65 : 0.8;
  return { answer: chosen.cue.polarity as YesNo, confidence, cues, rest };
}
