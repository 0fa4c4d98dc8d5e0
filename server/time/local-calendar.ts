/**
 * Calendar arithmetic in the business's local time zone.
 *
 * "Tomorrow" is tomorrow on the wall calendar of the business, not in UTC
 * (a classic off-by-one in voice agents). Local dates are plain "YYYY-MM-DD"
 * strings so that day arithmetic never touches an instant and cannot be moved
 * by daylight-saving changes; instants are produced only at the very end, by
 * @date-fns/tz.
 */
import { TZDate } from "@date-fns/tz";

export interface HourMinute {
  hour: number;
  minute: number;
}

/** What the business's wall clock shows at an instant. */
export interface LocalDateTime {
  date: string;
  time: HourMinute;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

export function toEpochMs(instant: Date | number): number {
  return typeof instant === "number" ? instant : instant.getTime();
}

export function localDateTimeOf(instant: Date | number, timeZone: string): LocalDateTime {
  const local = new TZDate(toEpochMs(instant), timeZone);
  return {
    date: formatDate(local.getFullYear(), local.getMonth() + 1, local.getDate()),
    time: { hour: local.getHours(), minute: local.getMinutes() },
    weekday: local.getDay(),
  };
}

/**
 * The instant (epoch ms) at which the business's wall clock shows `date` at
 * `time`. A wall time skipped by spring-forward (02:30 on a US DST start)
 * moves forward by the gap (03:30); a repeated wall time at fall-back resolves
 * to its first occurrence (daylight time). Both follow @date-fns/tz.
 */
export function localDateTimeToInstant(date: string, time: HourMinute, timeZone: string): number {
  const { year, month, day } = splitDate(date);
  return new TZDate(year, month - 1, day, time.hour, time.minute, timeZone).getTime();
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function splitDate(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Not a local date (YYYY-MM-DD): ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Pure calendar arithmetic on UTC midnight, which has no DST to trip over. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = splitDate(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return formatDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Adds calendar months, clamping the day (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = splitDate(date);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const y = first.getUTCFullYear();
  const m = first.getUTCMonth() + 1;
  return formatDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  const { year, month, day } = splitDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = splitDate(from);
  const b = splitDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Weeks start on Monday, as they do on most booking calendars. */
export function startOfWeek(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

export function minutesOfDay(time: HourMinute): number {
  return time.hour * 60 + time.minute;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
