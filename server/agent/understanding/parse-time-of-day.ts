/**
 * The time-of-day half of parse-when: clock times, spoken idioms ("half past
 * two", "quarter to five", "las tres y media"), limits ("after 4", "antes de
 * las 5", "between 2 and 4") and parts of the day, in English and Spanish.
 *
 * Works on text that is already normalised and has digits for number words.
 * It returns raw clock readings (hour as spoken, meridiem when stated) and
 * leaves am/pm guessing to resolve-hour, which needs the part of day and the
 * opening hours.
 */
import type { MaskedText } from "./masked-text";
import type { ClockReading, Meridiem, PartOfDay } from "./resolve-hour";

export interface TimeOfDayMentions {
  time?: ClockReading;
  after?: ClockReading;
  before?: ClockReading;
  cues: string[];
}

/** A clock reading after canonicalisation: "3", "3:30", "3 pm", "3:30 pm". */
const TIME = String.raw`(\d{1,2})(?::(\d{2}))?(?: (am|pm))?`;

/** What may not follow a number for it to be a time ("3 weeks", "the 5th", "5 de mayo"). */
const NOT_A_TIME_AFTER = String.raw`(?!\d|:|/|(?:st|nd|rd|th)\b| (?:days?|weeks?|months?|years?|hours?|hrs?|minutes?|mins?|people|persons?|personas?|dias?|semanas?|mes|meses|anos?|horas?|minutos?)\b| (?:de |of )?(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|january|february|march|april|may|june|july|august|september|october|november|december)\b)`;

const T = TIME + NOT_A_TIME_AFTER;

/** Greetings contain part-of-day words that say nothing about the booking. */
const GREETINGS = /\b(?:good (?:morning|afternoon|evening|night)|buen(?:os|as) (?:dias|tardes|noches))\b/g;

const PART_OF_DAY_PATTERNS: ReadonlyArray<readonly [PartOfDay, RegExp]> = [
  ["morning", /\b(?:mornings?|in the am|(?:por|en|de|esta) la manana|esta manana|a primera hora|first thing)\b/],
  ["afternoon", /\b(?:afternoons?|in the pm|(?:por|en|de) la tarde|esta tarde)\b/],
  ["evening", /\b(?:evenings?|tonight|nights?|(?:por|en|de) la noche|esta noche|de noche)\b/],
];

/** The first part of the day mentioned, ignoring greetings such as "good morning". */
export function detectPartOfDay(normalized: string): PartOfDay | undefined {
  const text = normalized.replace(GREETINGS, " ");
  let best: { part: PartOfDay; index: number } | undefined;
  for (const [part, pattern] of PART_OF_DAY_PATTERNS) {
    const match = pattern.exec(text);
    if (match && (!best || match.index < best.index)) best = { part, index: match.index };
  }
  return best?.part;
}

function hourBefore(hour: number): number {
  return hour === 1 ? 12 : hour === 0 ? 23 : hour - 1;
}

/**
 * Rewrites spoken idioms into "H:MM" and "H am|pm" so the rules below only
 * deal with one shape. Order matters: "quarter to 5" before "5 to ...".
 */
export function canonicalizeClockPhrases(text: MaskedText): void {
  text.rewrite(/\b(\d{1,2})(am|pm)\b/, (_m, h, mer) => `${h} ${mer}`);
  text.rewrite(/\b(\d{1,2}(?::\d{2})?) ?([ap]) m\b/, (_m, t, a) => `${t} ${a}m`);
  text.rewrite(/\b12 (?:del |de )?mediodia\b/, () => "12:00 pm");
  text.rewrite(/\b(?:12 )?(?:noon|midday|mediodia)\b/, () => "12:00 pm");
  text.rewrite(/\b(?:12 )?(?:midnight|medianoche)\b/, () => "12:00 am");
  text.rewrite(/\bhalf past (\d{1,2})\b/, (_m, h) => `${h}:30`);
  // British "half two" is 2:30, not half of anything ("half 2 hours" is left alone).
  text.rewrite(/\bhalf (\d{1,2})\b(?! (?:hours?|hrs?|minutes?|mins?|days?))/, (_m, h) => `${h}:30`);
  text.rewrite(/\b(?:a )?quarter (?:past|after) (\d{1,2})\b/, (_m, h) => `${h}:15`);
  text.rewrite(/\b(?:a )?quarter (?:to|of|til|till|before) (\d{1,2})\b/, (_m, h) => `${hourBefore(Number(h))}:45`);
  text.rewrite(/\b(\d{1,2}) (?:minutes? )?past (\d{1,2})\b/, (m, min, h) =>
    Number(min) < 60 ? `${h}:${min.padStart(2, "0")}` : m);
  // "10 to 5" is 4:50, but "2 to 4" and "from 5 to 7" are ranges: only the
  // usual minute counts, and never after a range opener.
  text.rewrite(/(?<!(?:from|between|de|desde|entre|las|la) )\b(10|20|25|\d{1,2} minutes?) (?:to|til|till|before) (\d{1,2})\b/, (_m, min, h) =>
    `${hourBefore(Number(h))}:${String(60 - parseInt(min, 10)).padStart(2, "0")}`);
  text.rewrite(/\b(\d{1,2}) (?:oclock|o clock|en punto)\b/, (_m, h) => `${h}:00`);
  // Only "oh": Spanish "3 o 4" means "3 or 4".
  text.rewrite(/\b(\d{1,2}) oh (\d)\b/, (_m, h, d) => `${h}:0${d}`);
  text.rewrite(/\b(\d{1,2}) y media\b/, (_m, h) => `${h}:30`);
  text.rewrite(/\b(\d{1,2}) y cuarto\b/, (_m, h) => `${h}:15`);
  text.rewrite(/\b(\d{1,2}) menos cuarto\b/, (_m, h) => `${hourBefore(Number(h))}:45`);
  text.rewrite(/\b(\d{1,2}) menos (\d{1,2})\b/, (m, h, min) =>
    Number(min) < 60 ? `${hourBefore(Number(h))}:${String(60 - Number(min)).padStart(2, "0")}` : m);
  text.rewrite(/(?<!(?:entre|de|desde) (?:las? )?)\b(\d{1,2}) y (\d{1,2})\b(?! de)/, (m, h, min) =>
    Number(min) >= 1 && Number(min) < 60 ? `${h}:${min.padStart(2, "0")}` : m);
  // "three thirty" became "3 30": an hour followed by two-digit minutes.
  text.rewrite(new RegExp(String.raw`(?<!(?:the|el|dia|on|de|of|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec) )\b(1[0-2]|0?[1-9]) ([0-5]\d)` + NOT_A_TIME_AFTER), (_m, h, min) => `${h}:${min}`);
  text.rewrite(/\b(\d{1,2}(?::\d{2})?) (?:in the morning|in the am|de la manana|de la madrugada)\b/, (_m, t) => `${t} am`);
  text.rewrite(/\b(\d{1,2}(?::\d{2})?) (?:in the afternoon|in the evening|at night|in the pm|(?:de|por|en) la (?:tarde|noche))\b/, (m, t) => {
    const night = /night|noche/.test(m);
    return t.startsWith("12") && night ? `${t} am` : `${t} pm`;
  });
}

function reading(hour: string | undefined, minute: string | undefined, meridiem: string | undefined): ClockReading | null {
  const h = Number(hour);
  const m = minute === undefined ? 0 : Number(minute);
  if (!Number.isInteger(h) || h > 23 || m > 59) return null;
  if (meridiem && (h === 0 || h > 12)) return null;
  return meridiem ? { hour: h, minute: m, meridiem: meridiem as Meridiem } : { hour: h, minute: m };
}

const RANGE = new RegExp(String.raw`\b(?:between|from|entre(?: las?)?|desde(?: las?)?|de las?)(?: the hours of)? ${T} (?:and|to|till|until|til|through|thru|y|a|hasta)(?: las?)? ${T}`);
// "no later than 6" is a "before" and "not before 3" an "after": the negated
// forms are listed first and the plain ones refuse to follow "no"/"not".
const NOT_NEGATED = String.raw`(?<!\b(?:no|not) )`;
const AFTER_PREFIX = new RegExp(String.raw`\b(?:no earlier than|not before|${NOT_NEGATED}(?:(?:any ?time |some ?time |anything |something )?after|later than|mas tarde de(?: las?)?)|past|starting (?:at|from)|from|despues de(?: las?)?|a partir de(?: las?)?|desde(?: las?)?)(?: the)? ${T}(?: (?:onwards?|or later|en adelante|o mas tarde|on$))?`);
const AFTER_SUFFIX = new RegExp(String.raw`\b${T} (?:or later|onwards?|en adelante|o mas tarde|on$)\b`);
const BEFORE_PREFIX = new RegExp(String.raw`\b(?:no later than|not after|no mas tarde de(?: las?)?|${NOT_NEGATED}(?:(?:any ?time |some ?time |anything |something )?before|earlier than)|by|antes de(?: las?)?|hasta(?: las?)?)(?: the)? ${T}`);
const BEFORE_SUFFIX = new RegExp(String.raw`\b${T} (?:or earlier|at the latest|como maximo|o antes)\b`);
const AT = new RegExp(String.raw`\b(?:at|around|about|for|say|maybe|a las?|las?|sobre las?|como a las?|a eso de las?|tipo)(?: around| about)? ${T}`);
const CLOCK = new RegExp(String.raw`\b${T}`);

/** Named limits callers use instead of a clock time. */
const NAMED_LIMITS: ReadonlyArray<readonly [RegExp, "after" | "before", ClockReading]> = [
  [/\bafter lunch\b/, "after", { hour: 1, minute: 0, meridiem: "pm" }],
  [/\bbefore lunch\b/, "before", { hour: 12, minute: 0, meridiem: "pm" }],
  [/\bafter work\b/, "after", { hour: 5, minute: 0, meridiem: "pm" }],
];

/**
 * Finds time-of-day mentions and consumes their words. Part-of-day words are
 * consumed too, except those that also name the day ("tonight", "this
 * morning", "esta noche"), which the day grammar still needs.
 */
export function extractTimeOfDay(text: MaskedText): TimeOfDayMentions {
  canonicalizeClockPhrases(text);
  const found: TimeOfDayMentions = { cues: [] };

  text.consume(RANGE, (m) => {
    const from = reading(m[1], m[2], m[3]);
    const to = reading(m[4], m[5], m[6]);
    if (!from || !to || found.after) return false;
    found.after = from;
    found.before = to;
    found.cues.push(m[0]);
  });
  for (const [pattern, kind, limit] of NAMED_LIMITS) {
    text.consume(pattern, (m) => {
      if (found[kind]) return false;
      found[kind] = limit;
      found.cues.push(m[0]);
    });
  }
  for (const [pattern, kind] of [[AFTER_PREFIX, "after"], [AFTER_SUFFIX, "after"], [BEFORE_PREFIX, "before"], [BEFORE_SUFFIX, "before"]] as const) {
    text.consume(pattern, (m) => {
      const r = reading(m[1], m[2], m[3]);
      if (!r || found[kind]) return false;
      found[kind] = r;
      found.cues.push(m[0]);
    });
  }
  text.consume(AT, (m) => {
    const r = reading(m[1], m[2], m[3]);
    if (!r || found.time) return false;
    found.time = r;
    found.cues.push(m[0]);
  });
  // Without a preposition a number is only a time if it looks like one.
  text.consume(CLOCK, (m) => {
    if (m[2] === undefined && m[3] === undefined) return false;
    const r = reading(m[1], m[2], m[3]);
    if (!r || found.time) return false;
    found.time = r;
    found.cues.push(m[0]);
  });

  text.consume(GREETINGS, () => true);
  text.consume(/\b(?:in the (?:morning|afternoon|evening|am|pm)|(?:por|en|de) la (?:manana|tarde|noche)|de noche|at night)\b/, (m) => {
    found.cues.push(m[0]);
  });
  text.consume(/(?<!\b(?:this|esta) )\b(?:mornings?|afternoons?|evenings?|nights?)\b/, (m) => {
    found.cues.push(m[0]);
  });
  return found;
}
