/**
 * Folding what the caller just said about time into what they said before. A new day keeps the
 * time ("tomorrow at 3" then "no, Thursday" is Thursday at 3); a new time keeps the day ("make it
 * 4"); "earliest" replaces both. Also turns parts of the day into the after/before limits
 * check_availability understands. And a weekday said on its own while the agent is offering
 * another week ("Tuesday morning" after hearing next week's days) is that week's.
 */
import { addDays, type HourMinute, weekdayOf } from "../../time/local-calendar";
import type { When } from "../understanding/parse-when";
import type { Offer, WhenSpec } from "./dialogue-state";

export function clock(t: HourMinute): string {
  return `${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
}

export function mergeWhen(current: WhenSpec, when: When): WhenSpec {
  const next: WhenSpec = { ...current };
  const newDay = when.date !== undefined || when.range !== undefined;
  const newTime = when.time !== undefined || when.after !== undefined || when.before !== undefined || when.partOfDay !== undefined;
  if (when.earliest) {
    return {
      earliest: true,
      ...(when.date ? { date: when.date } : {}),
      ...(when.partOfDay ? { partOfDay: when.partOfDay } : {}),
    };
  }
  if (newDay) {
    delete next.date;
    delete next.range;
    delete next.dateOptions;
    delete next.earliest;
    if (when.date) next.date = when.date;
    if (when.range) next.range = when.range;
    if (when.date && when.alternativeDate) next.dateOptions = [when.date, when.alternativeDate].sort();
  }
  if (newTime) {
    delete next.time;
    delete next.after;
    delete next.before;
    delete next.partOfDay;
    delete next.earliest;
    if (when.time) next.time = clock(when.time);
    if (when.after) next.after = clock(when.after);
    if (when.before) next.before = clock(when.before);
    if (when.partOfDay && !when.time) next.partOfDay = when.partOfDay;
  }
  return next;
}

/** Anything at all about when? */
export function hasWhen(when: WhenSpec): boolean {
  return Boolean(when.date || when.range || when.time || when.after || when.before || when.partOfDay || when.earliest);
}

const PARTS: Record<NonNullable<WhenSpec["partOfDay"]>, { after?: string; before?: string }> = {
  morning: { before: "12:00" },
  afternoon: { after: "12:00", before: "17:00" },
  evening: { after: "17:00" },
};

/** after/before for check_availability: explicit limits win over a part of the day. */
export function timeLimits(when: WhenSpec): { after?: string; before?: string } {
  const part = when.partOfDay ? PARTS[when.partOfDay] : {};
  const after = when.after ?? part.after;
  const before = when.before ?? part.before;
  return { ...(after ? { after } : {}), ...(before ? { before } : {}) };
}

/**
 * "Tuesday" resolves to the coming Tuesday; when the caller has just heard offers on another
 * Tuesday, or asked about a week that holds one, that is the one they mean.
 */
export function fitWeekday(when: When, current: { offers: readonly Offer[]; when: WhenSpec }, today: string): When {
  const weekday = when.bareWeekday;
  if (weekday === undefined || !when.date) return when;
  const offered = [...new Set(current.offers.map((o) => o.date))].filter((date) => weekdayOf(date) === weekday);
  let date = offered.length === 1 ? offered[0] : undefined;
  const range = current.when.range;
  if (!date && range) {
    for (let day = range.fromDate; day <= range.toDate; day = addDays(day, 1)) {
      if (weekdayOf(day) === weekday && day >= today) {
        date = day;
        break;
      }
    }
  }
  if (!date || date === when.date) return when;
  // The availability search says so if the time has gone by; the old flag was about the other date.
  const { past: _past, ...rest } = when;
  return { ...rest, date };
}
