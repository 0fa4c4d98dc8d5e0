// Local calendar dates as day numbers: the count of days from 1970-01-01 to a date on the
// business's wall calendar. Day n's wall clock runs over [n·DAY_MS, (n+1)·DAY_MS) in "wall
// milliseconds" (instant + offset), which lets weekdays, date keys and day loops stay integer
// maths with no Date objects and no dependence on the machine's own time zone.
import { offsetAt, type OffsetTimeline } from "./offset-timeline";
import type { LocalDate, Weekday } from "./types";

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a "YYYY-MM-DD" date, or NaN when it is not a real calendar date. */
export function dayNumberOfLocalDate(date: LocalDate): number {
  const match = localDatePattern.exec(date);
  if (!match) return Number.NaN;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const wallMs = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2024-02-30 over to March; a round trip catches it.
  const check = new Date(wallMs);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return Number.NaN;
  return wallMs / DAY_MS;
}

export function localDateOfDayNumber(dayNumber: number): LocalDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOfDayNumber(dayNumber: number): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber + 4) % 7) + 7) % 7) as Weekday;
}

/** The local date (as a day number) on the business's wall calendar at an instant. */
export function localDayNumberAt(timeline: OffsetTimeline, instantMs: number): number {
  return Math.floor((instantMs + offsetAt(timeline, instantMs)) / DAY_MS);
}
