// Which local wall-clock minutes of a local date a staff member may be booked: their weekly hours
// or that date's override, intersected with the business's hours, minus business closures.
// Everything here is in wall minutes; turning them into instants is wall-time-to-instants.ts's job.
import type {
  BusinessHours,
  DateOverride,
  LocalDate,
  MinuteRange,
  StaffSchedule,
  Weekday,
  WeeklyHoursRange,
} from "./types";

const NO_HOURS: readonly MinuteRange[] = [];

/** Sorted, overlapping and touching ranges merged (09:00–10:00 + 10:00–11:00 → 09:00–11:00). */
export function normalizeRanges(ranges: readonly MinuteRange[]): MinuteRange[] {
  const sorted = [...ranges].sort((a, b) => a.startMinute - b.startMinute);
  const merged: MinuteRange[] = [];
  for (const range of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && range.startMinute <= previous.endMinute) {
      if (range.endMinute > previous.endMinute) {
        merged[merged.length - 1] = { startMinute: previous.startMinute, endMinute: range.endMinute };
      }
    } else {
      merged.push({ startMinute: range.startMinute, endMinute: range.endMinute });
    }
  }
  return merged;
}

/** Intersection of two normalized range lists. */
export function intersectRanges(a: readonly MinuteRange[], b: readonly MinuteRange[]): MinuteRange[] {
  const result: MinuteRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const left = a[i]!;
    const right = b[j]!;
    const startMinute = Math.max(left.startMinute, right.startMinute);
    const endMinute = Math.min(left.endMinute, right.endMinute);
    if (startMinute < endMinute) result.push({ startMinute, endMinute });
    if (left.endMinute < right.endMinute) i++;
    else j++;
  }
  return result;
}

function hoursByWeekday(weekly: readonly WeeklyHoursRange[]): MinuteRange[][] {
  const byDay: MinuteRange[][] = [[], [], [], [], [], [], []];
  for (const range of weekly) byDay[range.weekday]!.push(range);
  return byDay.map(normalizeRanges);
}

function hoursByDate(overrides: readonly DateOverride[] | undefined): Map<LocalDate, MinuteRange[]> {
  const byDate = new Map<LocalDate, MinuteRange[]>();
  for (const override of overrides ?? []) {
    byDate.set(override.date, [...(byDate.get(override.date) ?? []), ...override.ranges]);
  }
  for (const [date, ranges] of byDate) byDate.set(date, normalizeRanges(ranges));
  return byDate;
}

/** Business rules indexed once per query and shared by every staff member. */
export interface PreparedBusinessHours {
  readonly weekly: MinuteRange[][] | null;
  readonly overrides: Map<LocalDate, MinuteRange[]>;
  readonly closures: ReadonlySet<LocalDate>;
}

export function prepareBusinessHours(business: BusinessHours | undefined): PreparedBusinessHours {
  return {
    weekly: business?.weeklyHours ? hoursByWeekday(business.weeklyHours) : null,
    overrides: hoursByDate(business?.dateOverrides),
    closures: new Set(business?.closures ?? []),
  };
}

/** Answers a day's bookable wall-minute ranges (normalized) for one staff member. */
export type DayHours = (date: LocalDate, weekday: Weekday) => readonly MinuteRange[];

export function staffDayHours(staff: StaffSchedule, business: PreparedBusinessHours): DayHours {
  const weekly = hoursByWeekday(staff.weeklyHours);
  const overrides = hoursByDate(staff.dateOverrides);
  // The common day has no override on either side: its answer is computed once per weekday.
  const usual = weekly.map((ranges, weekday) =>
    business.weekly ? intersectRanges(ranges, business.weekly[weekday]!) : ranges,
  );
  return (date, weekday) => {
    if (business.closures.has(date)) return NO_HOURS;
    const staffOverride = overrides.get(date);
    const businessOverride = business.overrides.get(date);
    if (!staffOverride && !businessOverride) return usual[weekday]!;
    const staffRanges = staffOverride ?? weekly[weekday]!;
    const businessRanges = businessOverride ?? business.weekly?.[weekday];
    return businessRanges ? intersectRanges(staffRanges, businessRanges) : staffRanges;
  };
}
