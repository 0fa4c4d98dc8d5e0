/**
 * The calendar-day half of parse-when, in the business's local calendar.
 *
 * Relative words ("tomorrow", "pasado mañana"), weekdays with their
 * modifiers, weeks and weekends, "in two weeks" and the day of the month are
 * handled here with explicit rules, because callers' conventions for them are
 * a product decision. Absolute dates ("December 3rd", "3 de diciembre",
 * "12/3") go to chrono-node.
 *
 * Weekday rules (weeks start on Monday):
 *  - "Friday", "on Friday", "el viernes": the next Friday after today. When
 *    today is Friday, parse-when moves it to today only if the stated time is
 *    still ahead (see `weekdayIsToday`).
 *  - "this Friday", "este viernes": this week's, today included.
 *  - "this coming Friday", "el próximo viernes", "el viernes que viene": the
 *    first Friday after today (Spanish "próximo" means the coming one).
 *  - "next Friday" (English): Friday of next week when this week's Friday is
 *    still ahead, with this week's as `alternativeDate` so the agent can
 *    confirm; otherwise the coming Friday.
 *  - "Friday next week", "el viernes de la semana que viene": next week's.
 *  - "last Friday", "el viernes pasado": the most recent one before today.
 */
import * as chrono from "chrono-node";
import type { Language } from "./detect-language";
import {
  addDays, addMonths, daysBetween, daysInMonth, formatDate, isValidDate, splitDate, startOfWeek, weekdayOf,
} from "../../time/local-calendar";
import type { MaskedText } from "./masked-text";
import { escapeRegExp } from "./normalize-text";

export interface DateRange {
  fromDate: string;
  toDate: string;
}

export interface DayMentions {
  date?: string;
  range?: DateRange;
  alternativeDate?: string;
  /** A bare weekday naming today's weekday; `date` then holds next week's. */
  weekdayIsToday?: boolean;
  /** The weekday the caller named, to cross-check an explicit date. */
  statedWeekday?: number;
  /** The date came from a weekday said on its own ("Tuesday", "el martes"), with no "this" or "next". */
  bareWeekday?: number;
  cues: string[];
}

/** Abbreviations that are also common words ("sat", "sun", "wed") are left out on purpose. */
const WEEKDAY_NAMES: Readonly<Record<string, number>> = {
  sunday: 0, domingo: 0,
  monday: 1, mon: 1, lunes: 1,
  tuesday: 2, tues: 2, tue: 2, martes: 2,
  wednesday: 3, weds: 3, miercoles: 3,
  thursday: 4, thurs: 4, thur: 4, thu: 4, jueves: 4,
  friday: 5, fri: 5, viernes: 5,
  saturday: 6, sabado: 6,
};
const WD = `(${Object.keys(WEEKDAY_NAMES).join("|")})s?`;

const NUMBER_OR_ONE = String.raw`(\d{1,2}|a|an|one|un|una)`;
/** Chrono's absolute dates more than this many days ago are read as next year's. */
const PAST_DATE_WINDOW_DAYS = 30;

type WeekdayMode = "bare" | "this" | "coming" | "nextEnglish" | "nextWeek" | "afterNext" | "last";

const WEEKDAY_RULES: ReadonlyArray<readonly [RegExp, WeekdayMode]> = [
  [new RegExp(String.raw`\b(?:last|this past|past|previous) ${WD}\b`), "last"],
  [new RegExp(String.raw`\b(?:el |los )?${WD} (?:pasado|last week)\b`), "last"],
  [new RegExp(String.raw`\bel pasado ${WD}\b`), "last"],
  [new RegExp(String.raw`\b(?:the )?${WD} after next\b`), "afterNext"],
  [new RegExp(String.raw`\b(?:on )?${WD} (?:of |on )?next week\b`), "nextWeek"],
  [new RegExp(String.raw`\bnext week (?:on )?${WD}\b`), "nextWeek"],
  [new RegExp(String.raw`\b(?:el )?${WD} de la (?:semana que viene|proxima semana|semana proxima|siguiente semana)\b`), "nextWeek"],
  [new RegExp(String.raw`\b(?:this coming|coming|upcoming) ${WD}\b`), "coming"],
  [new RegExp(String.raw`\b(?:el |este )?(?:proximo|siguiente) ${WD}\b`), "coming"],
  [new RegExp(String.raw`\b(?:el )?${WD} (?:proximo|que viene|siguiente)\b`), "coming"],
  [new RegExp(String.raw`\bnext ${WD}\b`), "nextEnglish"],
  [new RegExp(String.raw`\b(?:this|este) ${WD}\b`), "this"],
  [new RegExp(String.raw`\b(?:on |el |los )?${WD}\b`), "bare"],
];

function resolveWeekday(mode: WeekdayMode, weekday: number, today: string): { date: string; alternativeDate?: string; weekdayIsToday?: boolean } {
  const todayWeekday = weekdayOf(today);
  const ahead = (weekday - todayWeekday + 7) % 7;
  const nextAfterToday = addDays(today, ahead === 0 ? 7 : ahead);
  const thisWeeks = addDays(startOfWeek(today), (weekday + 6) % 7);
  switch (mode) {
    case "last":
      return { date: addDays(today, -((todayWeekday - weekday + 7) % 7 || 7)) };
    case "this":
      return { date: thisWeeks < today ? nextAfterToday : thisWeeks };
    case "coming":
      return { date: nextAfterToday };
    case "nextWeek":
      return { date: addDays(thisWeeks, 7) };
    case "afterNext":
      return { date: addDays(nextAfterToday, 7) };
    case "nextEnglish":
      return thisWeeks > today ? { date: addDays(thisWeeks, 7), alternativeDate: thisWeeks } : { date: nextAfterToday };
    case "bare":
      return ahead === 0 ? { date: nextAfterToday, weekdayIsToday: true } : { date: nextAfterToday };
  }
}

/** The next date with this day of the month, today included. */
function nextDayOfMonth(day: number, today: string): string | undefined {
  const { year, month } = splitDate(today);
  for (let i = 0; i < 12; i++) {
    const first = addMonths(formatDate(year, month, 1), i);
    const { year: y, month: m } = splitDate(first);
    if (day > daysInMonth(y, m)) continue;
    const candidate = formatDate(y, m, day);
    if (candidate >= today) return candidate;
  }
  return undefined;
}

function countOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : 1;
}

/** Absolute dates via chrono, read against a reference that shows the business's local noon. */
function chronoDate(
  text: MaskedText,
  today: string,
  language: Language | undefined,
): { date: string; cue: string; weekday?: number } | undefined {
  const { year, month, day } = splitDate(today);
  // Only the wall-clock fields of the reference matter to chrono; noon keeps
  // it clear of daylight-saving gaps in whatever zone this process runs in.
  const reference = new Date(year, month - 1, day, 12, 0, 0);
  const parsers = language === "es" ? [chrono.es, chrono.en] : [chrono.en, chrono.es];
  for (const parser of parsers) {
    for (const result of parser.parse(text.text, reference)) {
      const start = result.start;
      if (!start.isCertain("day") || !start.isCertain("month")) continue;
      if ([...result.tags()].some((t) => t.startsWith("casualReference") || t.startsWith("result/relative"))) continue;
      const y = start.get("year") ?? year;
      const m = start.get("month") ?? month;
      const d = start.get("day") ?? day;
      if (!isValidDate(y, m, d)) continue;
      let date = formatDate(y, m, d);
      if (!start.isCertain("year") && daysBetween(date, today) > PAST_DATE_WINDOW_DAYS && isValidDate(y + 1, m, d)) {
        date = formatDate(y + 1, m, d);
      }
      const weekday = start.isCertain("weekday") ? start.get("weekday") ?? undefined : undefined;
      return { date, cue: result.text.trim(), ...(weekday !== undefined ? { weekday } : {}) };
    }
  }
  return undefined;
}

/** Finds the day the caller means and consumes its words. */
export function extractDay(text: MaskedText, today: string, language?: Language): DayMentions {
  const found: DayMentions = { cues: [] };
  const setDate = (date: string, cue: string): boolean => {
    if (found.date || found.range) return false;
    found.date = date;
    found.cues.push(cue);
    return true;
  };

  text.consume(new RegExp(String.raw`\b(?:in|within|en|dentro de) ${NUMBER_OR_ONE} (days?|weeks?|months?|dias?|semanas?|mes|meses)\b`), (m) =>
    setDate(shiftByUnit(today, countOf(m[1] ?? ""), m[2] ?? ""), m[0]));
  text.consume(new RegExp(String.raw`\b${NUMBER_OR_ONE} (days?|weeks?|months?) from (now|today|tomorrow)\b`), (m) =>
    setDate(shiftByUnit(m[3] === "tomorrow" ? addDays(today, 1) : today, countOf(m[1] ?? ""), m[2] ?? ""), m[0]));

  const absolute = found.date ? undefined : chronoDate(text, today, language);
  if (absolute) {
    text.consume(new RegExp(escapeRegExp(absolute.cue)), () => setDate(absolute.date, absolute.cue));
    if (absolute.weekday !== undefined) found.statedWeekday = absolute.weekday;
  }

  const relativeDays: ReadonlyArray<readonly [RegExp, number]> = [
    [/\b(?:the )?day after (?:tomorrow|tomorow|tommorow)\b|\bpasado manana\b/, 2],
    [/\b(?:the )?day before yesterday\b|\bante ?ayer\b|\bantier\b|\bantes de ayer\b/, -2],
    [/\b(?:tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|manana)\b/, 1],
    [/\b(?:yesterday|ayer)\b/, -1],
    [/\b(?:today|tonight|later today|this (?:morning|afternoon|evening)|hoy|esta (?:manana|tarde|noche))\b/, 0],
  ];
  for (const [pattern, offset] of relativeDays) text.consume(pattern, (m) => setDate(addDays(today, offset), m[0]));

  for (const [pattern, mode] of WEEKDAY_RULES) {
    text.consume(pattern, (m) => {
      const weekday = WEEKDAY_NAMES[m[1] ?? ""];
      if (weekday === undefined || found.statedWeekday !== undefined) return false;
      found.statedWeekday = weekday;
      found.cues.push(m[0]);
      if (found.date || found.range) return true;
      const resolved = resolveWeekday(mode, weekday, today);
      found.date = resolved.date;
      if (resolved.alternativeDate) found.alternativeDate = resolved.alternativeDate;
      if (resolved.weekdayIsToday) found.weekdayIsToday = true;
      if (mode === "bare") found.bareWeekday = weekday;
      return true;
    });
  }

  extractRanges(text, today, found);

  text.consume(/\b(?:on )?(?:the )?(\d{1,2})(?:st|nd|rd|th)\b|\b(?:el )?dia (\d{1,2})\b|\bel (\d{1,2})\b/, (m) => {
    const dayOfMonth = Number(m[1] ?? m[2] ?? m[3]);
    const date = nextDayOfMonth(dayOfMonth, today);
    if (!date) return false;
    // An explicit day of the month beats a weekday read earlier ("Friday the 27th").
    if (found.date && found.statedWeekday !== undefined && !found.cues.some((c) => /\d/.test(c))) {
      found.date = date;
      delete found.alternativeDate;
      delete found.weekdayIsToday;
      delete found.bareWeekday;
      found.cues.push(m[0]);
      return true;
    }
    return setDate(date, m[0]);
  });
  return found;
}

function shiftByUnit(from: string, count: number, unit: string): string {
  if (/^(?:days?|dias?)$/.test(unit)) return addDays(from, count);
  if (/^(?:weeks?|semanas?)$/.test(unit)) return addDays(from, 7 * count);
  return addMonths(from, count);
}

/** Weeks, weekends and months: answered with a range the agent can search. */
function extractRanges(text: MaskedText, today: string, found: DayMentions): void {
  const monday = startOfWeek(today);
  const setRange = (fromDate: string, toDate: string, cue: string): boolean => {
    if (found.date || found.range) return false;
    found.range = { fromDate: fromDate < today ? today : fromDate, toDate };
    found.cues.push(cue);
    return true;
  };
  text.consume(/\b(?:next weekend|el (?:proximo|siguiente) fin de semana|el fin de semana (?:que viene|proximo|siguiente))\b/, (m) =>
    setRange(addDays(monday, 12), addDays(monday, 13), m[0]));
  text.consume(/\b(?:this )?weekend\b|\b(?:este |el )?fin de semana\b/, (m) =>
    setRange(addDays(monday, 5), addDays(monday, 6), m[0]));
  text.consume(/\b(?:next week|the following week|la semana que viene|la (?:proxima|siguiente) semana|la semana (?:proxima|siguiente))\b/, (m) =>
    setRange(addDays(monday, 7), addDays(monday, 13), m[0]));
  text.consume(/\blater this week\b|\bmas adelante esta semana\b/, (m) =>
    setRange(addDays(today, 1), addDays(monday, 6), m[0]));
  text.consume(/\b(?:this week|esta semana)\b/, (m) => setRange(today, addDays(monday, 6), m[0]));
  text.consume(/\b(?:next month|el (?:proximo|siguiente) mes|el mes (?:que viene|proximo|siguiente))\b/, (m) => {
    const first = addMonths(`${today.slice(0, 8)}01`, 1);
    const { year, month } = splitDate(first);
    return setRange(first, formatDate(year, month, daysInMonth(year, month)), m[0]);
  });
}
