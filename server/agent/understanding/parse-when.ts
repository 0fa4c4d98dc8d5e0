/**
 * When does the caller want to come in? Natural-language dates and times,
 * English and Spanish, resolved in the business's local calendar.
 *
 * The current instant and the business's time zone are arguments, so
 * "tomorrow" means tomorrow on the business's wall calendar (at 23:30 in Los
 * Angeles it is already the next day in UTC) and tests can sit on a
 * daylight-saving day. The result says only what the caller said: a time with
 * no day leaves `date` empty for the agent to fill from the conversation.
 *
 * Rules worth knowing (details in resolve-hour.ts and parse-day.ts):
 *  - Hours without am/pm: part of day, then opening hours, then 1–7 → pm,
 *    8–11 → am. "8 am" stays 08:00; "noon" is 12:00.
 *  - A bare weekday is the next one after today; today's own weekday counts
 *    only when the stated time (or the end of the stated part of day, or the
 *    "before" limit) is still ahead of now; with no time at all it is next
 *    week's. "after 4" alone counts as ahead.
 *  - A day of the month alone ("the 5th") is the next one, today included. A
 *    month and day without a year up to 30 days ago is taken literally (and
 *    reported past); further back it means next year ("January 5" in November).
 *  - Anything earlier than now on the business clock is reported `past`.
 *  - A change of mind in the same breath ("Friday… no sorry, Saturday at
 *    11", "at 10, actually 11") keeps what the later words say and fills the
 *    rest from the earlier ones (self-correction.ts); `corrected` is set.
 */
import type { Language } from "./detect-language";
import {
  type HourMinute, localDateTimeOf, localDateTimeToInstant, minutesOfDay, toEpochMs, weekdayOf,
} from "../../time/local-calendar";
import { MaskedText } from "./masked-text";
import { cleanUtterance } from "./normalize-text";
import { type DateRange, extractDay } from "./parse-day";
import { detectPartOfDay, extractTimeOfDay } from "./parse-time-of-day";
import { type ClockReading, type OpeningHours, orderRange, type PartOfDay, resolveHour } from "./resolve-hour";
import { selfCorrectionSplits } from "./self-correction";
import { spokenNumbersToDigits } from "./spoken-numbers";

export interface ParseWhenOptions {
  now: Date | number;
  /** IANA zone of the business, e.g. "America/Los_Angeles". */
  timeZone: string;
  /** Preferred chrono locale for absolute dates; both are tried. */
  language?: Language;
  /** Decides am/pm for bare hours when only one reading is open. */
  openingHours?: OpeningHours;
}

export interface When {
  /** Local calendar date, "YYYY-MM-DD". */
  date?: string;
  /** Local wall-clock time, 24-hour. */
  time?: HourMinute;
  partOfDay?: PartOfDay;
  after?: HourMinute;
  before?: HourMinute;
  /** "as soon as possible", "first available", "lo antes posible". */
  earliest?: boolean;
  /** "next week", "this weekend", "next month". */
  range?: DateRange;
  /** The moment named is already behind the business's clock ("yesterday", "today at 6 am" at 7 am). */
  past?: boolean;
  /** The other reasonable reading of the date ("next Friday" said on a Tuesday). */
  alternativeDate?: string;
  /** The weekday the caller named is not the weekday of the date ("Friday the 26th"). */
  weekdayMismatch?: boolean;
  /**
   * The date came from a weekday said on its own ("Tuesday"), resolved to the next one; an agent
   * offering another week's days may know better which Tuesday was meant.
   */
  bareWeekday?: number;
  /** The caller changed their mind mid-sentence ("Friday, no, Saturday"); the later words won. */
  corrected?: boolean;
  /** The phrases that were understood, for logs and tests. */
  cues: string[];
}

const EARLIEST = new RegExp([
  String.raw`(?:the |your )?earliest(?: (?:you have|you got|available|possible|appointment|slot|time|opening|one))?`,
  String.raw`(?:the )?soonest(?: possible| available| you have)?`,
  String.raw`as soon as (?:possible|you can|you have)`,
  String.raw`asap|a s a p`,
  String.raw`(?:the )?(?:first|next) (?:available|opening|open slot|slot|free slot|appointment available)`,
  String.raw`first thing`,
  String.raw`lo (?:mas )?(?:antes|pronto) posible|cuanto antes|lo antes que (?:pueda|puedan|se pueda)`,
  String.raw`(?:el |la )?(?:primer|primera) (?:turno|hueco|cita|espacio|hora)(?: (?:disponible|libre))?`,
  String.raw`a primera hora|lo mas temprano(?: posible)?|lo primero (?:disponible|que tenga|que tengan)`,
].map((p) => `\\b(?:${p})\\b`).join("|"));

const IN_HOURS = /\b(?:in|within|en|dentro de) (\d{1,3}|a|an|one|un|una|half an?|media) (hours?|hrs?|minutes?|mins?|horas?|minutos?)\b/;

/** Words that may surround a bare hour ("tomorrow 3 works", "ok 4 then"). */
const AROUND_A_BARE_HOUR = new Set([
  "at", "a", "las", "la", "the", "on", "around", "about", "maybe", "how", "what", "say", "lets", "let", "us",
  "do", "make", "it", "can", "could", "i", "we", "come", "in", "ok", "okay", "so", "then", "please", "por",
  "favor", "mejor", "entonces", "and", "y", "or", "o", "just", "is", "be", "that", "works", "work", "for",
  "me", "would", "good", "fine", "actually", "no", "yes", "yeah", "si", "instead", "try", "de", "el", "hacerlo",
  "ponlo", "ponme", "puede", "ser", "vale", "bien", "sure", "um",
]);

/** When each part of the day is over, for "is it still ahead today?". */
const PART_OF_DAY_ENDS: Record<PartOfDay, number> = { morning: 12 * 60, afternoon: 17 * 60, evening: 24 * 60 };

export function parseWhen(text: string, options: ParseWhenOptions): When | null {
  const normalized = spokenNumbersToDigits(cleanUtterance(text));
  for (const { before, after } of selfCorrectionSplits(normalized)) {
    const first = readWhen(before, options);
    const second = first ? readWhen(after, options) : null;
    if (first && second) return override(first, second, localDateTimeOf(options.now, options.timeZone));
  }
  return readWhen(normalized, options);
}

const hasTime = (w: When) => Boolean(w.time || w.after || w.before || w.partOfDay);

/** What the caller said first, with whatever the later words say about day or time in its place. */
function override(first: When, second: When, now: { date: string; time: HourMinute }): When {
  const merged: When = { cues: [...first.cues, ...second.cues], corrected: true };
  if (second.earliest) merged.earliest = true;
  else if (first.earliest && !hasTime(second)) merged.earliest = true;
  const day = second.date || second.range ? second : first;
  if (day.date) merged.date = day.date;
  if (day.range) merged.range = day.range;
  if (day.alternativeDate) merged.alternativeDate = day.alternativeDate;
  if (day.weekdayMismatch) merged.weekdayMismatch = true;
  if (day.bareWeekday !== undefined) merged.bareWeekday = day.bareWeekday;
  const time = hasTime(second) || second.earliest ? second : first;
  if (time.time) merged.time = time.time;
  if (time.after) merged.after = time.after;
  if (time.before) merged.before = time.before;
  if (time.partOfDay) merged.partOfDay = time.partOfDay;
  if (isPast(merged, now.date, minutesOfDay(now.time))) merged.past = true;
  return merged;
}

/** parseWhen on an already normalised utterance, without looking for a change of mind. */
function readWhen(normalized: string, options: ParseWhenOptions): When | null {
  const now = localDateTimeOf(options.now, options.timeZone);
  const masked = new MaskedText(normalized);
  const when: When = { cues: [] };

  const partOfDay = detectPartOfDay(normalized);
  if (partOfDay) when.partOfDay = partOfDay;

  masked.consume(EARLIEST, (m) => {
    when.earliest = true;
    when.cues.push(m[0]);
  });

  masked.consume(IN_HOURS, (m) => {
    if (when.date) return false;
    const amount = m[1] ?? "";
    const minutes = /^(?:half|media)/.test(amount)
      ? 30
      : (/^\d+$/.test(amount) ? Number(amount) : 1) * (/^(?:hours?|hrs?|horas?)$/.test(m[2] ?? "") ? 60 : 1);
    const target = localDateTimeOf(toEpochMs(options.now) + minutes * 60_000, options.timeZone);
    when.date = target.date;
    when.time = target.time;
    when.cues.push(m[0]);
  });

  const times = extractTimeOfDay(masked);
  const day = extractDay(masked, now.date, options.language);
  when.cues.push(...times.cues, ...day.cues);

  let timeReading: ClockReading | undefined = times.time;
  if (!timeReading && !times.after && !times.before && !when.time) {
    timeReading = bareHour(masked.remainingWords());
    if (timeReading) when.cues.push(String(timeReading.hour));
  }

  const context = { ...(partOfDay ? { partOfDay } : {}), ...(options.openingHours ? { openingHours: options.openingHours } : {}) };
  if (timeReading && !when.time) when.time = resolveHour(timeReading, context);
  if (times.after && times.before) Object.assign(when, orderRange(times.after, times.before, context));
  else if (times.after) when.after = resolveHour(times.after, context);
  else if (times.before) when.before = resolveHour(times.before, context);

  if (day.date && !when.date && day.bareWeekday !== undefined) when.bareWeekday = day.bareWeekday;
  if (day.date && !when.date) when.date = day.date;
  if (day.range) when.range = day.range;
  if (day.alternativeDate) when.alternativeDate = day.alternativeDate;

  const nowMinutes = minutesOfDay(now.time);
  if (day.weekdayIsToday && isStillAheadToday(when, nowMinutes)) {
    when.date = now.date;
  }
  if (when.date && day.statedWeekday !== undefined && weekdayOf(when.date) !== day.statedWeekday) {
    when.weekdayMismatch = true;
  }
  if (isPast(when, now.date, nowMinutes)) when.past = true;

  const understood = when.date || when.range || when.time || when.after || when.before || when.partOfDay || when.earliest;
  return understood ? when : null;
}

/** A lone number left after everything else was understood: "tomorrow 3", "make it 4". */
function bareHour(words: readonly string[]): ClockReading | undefined {
  const meaningful = words.filter((w) => !AROUND_A_BARE_HOUR.has(w));
  if (meaningful.length !== 1) return undefined;
  const match = /^(\d{1,2})$/.exec(meaningful[0] ?? "");
  const hour = match ? Number(match[1]) : NaN;
  return hour >= 1 && hour <= 23 ? { hour, minute: 0 } : undefined;
}

function isStillAheadToday(when: When, nowMinutes: number): boolean {
  if (when.time) return minutesOfDay(when.time) > nowMinutes;
  if (when.before) return minutesOfDay(when.before) > nowMinutes;
  if (when.after || when.earliest) return true;
  if (when.partOfDay) return PART_OF_DAY_ENDS[when.partOfDay] > nowMinutes;
  return false;
}

function isPast(when: When, today: string, nowMinutes: number): boolean {
  if (when.range) return when.range.toDate < today;
  if (!when.date) return false;
  if (when.date < today) return true;
  if (when.date > today) return false;
  if (when.time) return minutesOfDay(when.time) < nowMinutes;
  if (when.before) return minutesOfDay(when.before) <= nowMinutes;
  if (when.partOfDay && !when.after) return PART_OF_DAY_ENDS[when.partOfDay] <= nowMinutes;
  return false;
}

/** The instant (epoch ms) of a fully specified local date and time, or undefined. */
export function whenToInstant(when: Pick<When, "date" | "time">, timeZone: string): number | undefined {
  return when.date && when.time ? localDateTimeToInstant(when.date, when.time, timeZone) : undefined;
}

/** Today's date on the business's calendar, for prompts ("Today is Tuesday 24 November"). */
export function localToday(now: Date | number, timeZone: string): string {
  return localDateTimeOf(now, timeZone).date;
}
