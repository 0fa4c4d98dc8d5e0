/**
 * Phone numbers and email addresses, typed or spoken.
 *
 * Spoken: "four one five, five five five, two six seven one", "double five",
 * "eight hundred", "oh" for zero, Spanish "cuarenta y cinco"; "john dot smith
 * at gmail dot com", "arroba", "punto". Phone numbers are US (NANP) only and
 * come back in E.164 ("+14155552671"); anything that is not a valid NANP
 * number (area code and exchange must not start with 0 or 1) is refused, so
 * a misheard digit is caught rather than saved.
 */
import { foldCase } from "./normalize-text";
import { TENS_WORDS, UNIT_WORDS } from "./spoken-numbers";

const DIGIT_WORDS: Readonly<Record<string, string>> = {
  zero: "0", oh: "0", o: "0", cero: "0",
  one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9",
  uno: "1", dos: "2", tres: "3", cuatro: "4", cinco: "5", seis: "6", siete: "7", ocho: "8", nueve: "9",
};
const REPEATERS: Readonly<Record<string, number>> = { double: 2, triple: 3, doble: 2 };
/** Words that may sit inside a spoken number without ending it. */
const INSIDE_A_NUMBER = new Set(["dash", "hyphen", "guion", "dot", "punto", "uh", "um", "umm", "er", "ah", "eh", "and", "y"]);

/** Spoken number words in a phone number to a digit string; undefined when the word is not part of one. */
function wordDigits(words: readonly string[], i: number): { digits: string; length: number } | undefined {
  const word = words[i] ?? "";
  const next = words[i + 1] ?? "";
  if (/^\d+$/.test(word)) return { digits: word, length: 1 };
  const repeat = REPEATERS[word];
  if (repeat !== undefined) {
    const d = DIGIT_WORDS[next] ?? (/^\d$/.test(next) ? next : undefined);
    return d === undefined ? undefined : { digits: d.repeat(repeat), length: 2 };
  }
  const digit = DIGIT_WORDS[word];
  if (digit !== undefined && (next === "hundred" || next === "cientos")) return { digits: `${digit}00`, length: 2 };
  if (digit !== undefined) return { digits: digit, length: 1 };
  const tens = TENS_WORDS[word];
  if (tens !== undefined) {
    const unit = UNIT_WORDS[next];
    if (unit !== undefined && unit >= 1 && unit <= 9) return { digits: String(tens + unit), length: 2 };
    const unitEs = next === "y" ? UNIT_WORDS[words[i + 2] ?? ""] : undefined;
    if (unitEs !== undefined && unitEs >= 1 && unitEs <= 9) return { digits: String(tens + unitEs), length: 3 };
    return { digits: String(tens), length: 1 };
  }
  const unit = UNIT_WORDS[word];
  if (unit !== undefined && unit >= 10) return { digits: String(unit), length: 1 };
  return undefined;
}

function isNanp(digits: string): boolean {
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(digits);
}

/** The first valid US number in the text, as E.164, or null. */
export function extractUsPhone(text: string): string | null {
  const words = foldCase(text)
    .replace(/[()\-.+/]/g, " ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);

  // Collect runs of consecutive number words; separators may sit inside a run.
  const runs: string[] = [];
  let current = "";
  for (let i = 0; i < words.length; ) {
    const read = wordDigits(words, i);
    if (read) {
      current += read.digits;
      i += read.length;
      continue;
    }
    if (!(INSIDE_A_NUMBER.has(words[i] ?? "") && current.length > 0)) {
      if (current) runs.push(current);
      current = "";
    }
    i++;
  }
  if (current) runs.push(current);

  for (const run of runs) {
    const national = run.length === 11 && run.startsWith("1") ? run.slice(1) : run;
    if (isNanp(national)) return `+1${national}`;
  }
  return null;
}

const TYPED_EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/i;
/** Words that introduce an email and are not part of it. */
const EMAIL_LEAD_WORDS = new Set([
  "is", "its", "email", "e", "mail", "address", "my", "es", "correo", "mi", "electronico", "el", "it", "sure",
  "yes", "yeah", "ok", "okay", "si", "um", "uh", "so", "and", "the",
]);

/** The email address in the text, lowercased, or null. */
export function extractEmail(text: string): string | null {
  const folded = foldCase(text);
  const typed = TYPED_EMAIL.exec(folded.replace(/\s*@\s*/g, "@"));
  if (typed) return typed[0].toLowerCase();

  const spokenSymbols: Readonly<Record<string, string>> = {
    at: "@", arroba: "@", dot: ".", punto: ".", underscore: "_", dash: "-", hyphen: "-", guion: "-",
  };
  const words = folded
    .replace(/[,;!?]/g, " ")
    .replace(/\bguion bajo\b/g, "underscore")
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => spokenSymbols[w] ?? w);

  // "I'm at work, it's john at gmail dot com": try every "at" until one reads as an address.
  for (let atIndex = words.indexOf("@"); atIndex > 0; atIndex = words.indexOf("@", atIndex + 1)) {
    const email = spokenEmailAround(words, atIndex);
    if (email) return email;
  }
  return null;
}

function spokenEmailAround(words: readonly string[], atIndex: number): string | null {
  let localStart = atIndex;
  while (localStart > 0) {
    const word = words[localStart - 1] ?? "";
    if (word === "@" || (EMAIL_LEAD_WORDS.has(word) && !/^[._-]$/.test(words[localStart] ?? ""))) break;
    localStart--;
  }
  const local: string[] = [];
  for (let i = localStart; i < atIndex; ) {
    const word = words[i] ?? "";
    // "o" and "oh" are letters more often than zeros inside a name.
    const read = word === "o" || word === "oh" ? undefined : wordDigits(words.slice(0, atIndex), i);
    local.push(read ? read.digits : word);
    i += read ? read.length : 1;
  }
  const domain: string[] = [];
  for (let i = atIndex + 1; i < words.length; i++) {
    const word = words[i] ?? "";
    const prev = domain[domain.length - 1];
    // Domain words join until the top-level domain: "g mail dot com" → gmail.com.
    if (word === "@") break;
    if (word === "." || prev === "." || prev === undefined || !domain.includes(".")) domain.push(word);
    else break;
  }
  const candidate = `${local.join("")}@${domain.join("")}`.replace(/\.+$/, "");
  return new RegExp(`^${TYPED_EMAIL.source}$`).test(candidate) ? candidate : null;
}
