/**
 * Spoken numbers to digits, English and Spanish.
 *
 * Speech-to-text often writes "three thirty" or "a las tres y media" instead of
 * digits. The date and time grammars only deal with digits, so this pass runs
 * first. It works on normalised text (lowercase, no accents).
 */

/** Values of single number words in both languages (folded spelling). */
export const UNIT_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
  cero: 0, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8,
  nueve: 9, diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16,
  diecisiete: 17, dieciocho: 18, diecinueve: 19, veinte: 20, veintiuno: 21, veintiuna: 21,
  veintidos: 22, veintitres: 23, veinticuatro: 24, veinticinco: 25, veintiseis: 26,
  veintisiete: 27, veintiocho: 28, veintinueve: 29,
};

export const TENS_WORDS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90,
};

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
  primero: 1,
};

const MONTH_WORDS = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
  "sept", "oct", "nov", "dec",
]);

/** "first available", "first thing": not the 1st of the month. */
const NOT_A_DAY_AFTER_ORDINAL = new Set([
  "available", "availability", "opening", "thing", "slot", "one", "appointment", "time", "free",
  "spot", "opportunity", "turno", "hueco", "cita",
]);

/** Words before "one" that make it a pronoun ("the one at three"), not a number. */
const ONE_AS_PRONOUN_AFTER = new Set([
  "the", "that", "this", "which", "no", "any", "every", "each", "a", "another", "other",
  "earlier", "later", "first", "last", "next", "some", "same", "morning", "afternoon", "evening", "early", "late",
  "big", "long", "short", "cheaper", "cheapest", "quick", "quicker", "right", "only", "best",
]);

/** Spanish words that are also English words or articles; converted only in number context. */
function isGuardedSpanishWord(word: string, prev: string, next: string): boolean {
  if (word === "una") return !(prev === "la" || next === "y" || next === "menos" || next === "en");
  if (word === "once") return !["las", "el", "a", "dia", "y", "de", "entre", "hasta"].includes(prev);
  return false;
}

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return "th";
  return ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
}

/**
 * Replace number words with digits: "three thirty" → "3 30",
 * "veinticinco" → "25", "treinta y cinco" → "35", "the fifth" → "the 5th".
 * Ordinals only convert after "the", "el" or a month name, so "first available"
 * and "just a second" keep their meaning.
 */
export function spokenNumbersToDigits(normalized: string): string {
  const words = normalized.split(" ").filter((w) => w.length > 0);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    const prev = out[out.length - 1] ?? "";
    const next = words[i + 1] ?? "";

    const ordinal = readOrdinal(words, i);
    if (ordinal && (prev === "the" || prev === "el" || MONTH_WORDS.has(prev))) {
      const after = words[i + ordinal.length] ?? "";
      if (!NOT_A_DAY_AFTER_ORDINAL.has(after)) {
        out.push(ordinal.value === 1 && word === "primero" ? "1" : `${ordinal.value}${ordinalSuffix(ordinal.value)}`);
        i += ordinal.length - 1;
        continue;
      }
    }

    const tens = TENS_WORDS[word];
    if (tens !== undefined) {
      const unitEn = UNIT_WORDS[next];
      const unitEs = next === "y" ? UNIT_WORDS[words[i + 2] ?? ""] : undefined;
      if (unitEn !== undefined && unitEn >= 1 && unitEn <= 9) {
        out.push(String(tens + unitEn));
        i += 1;
      } else if (unitEs !== undefined && unitEs >= 1 && unitEs <= 9) {
        out.push(String(tens + unitEs));
        i += 2;
      } else {
        out.push(String(tens));
      }
      continue;
    }

    const unit = UNIT_WORDS[word];
    if (unit !== undefined && !isGuardedSpanishWord(word, prev, next) && !(word === "one" && ONE_AS_PRONOUN_AFTER.has(prev))) {
      out.push(String(unit));
      continue;
    }
    out.push(word);
  }
  return out.join(" ");
}

/** Ordinal at position i: "fifth" or "twenty fifth"; length is the words used. */
function readOrdinal(words: readonly string[], i: number): { value: number; length: number } | null {
  const word = words[i] ?? "";
  const direct = ORDINAL_WORDS[word];
  if (direct !== undefined) return { value: direct, length: 1 };
  const tens = TENS_WORDS[word];
  const unit = ORDINAL_WORDS[words[i + 1] ?? ""];
  if (tens !== undefined && tens <= 30 && unit !== undefined && unit <= 9) return { value: tens + unit, length: 2 };
  return null;
}
