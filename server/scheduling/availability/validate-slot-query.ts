// Checks the rules of a slot query (time zone, hours, service settings, request) and throws
// AppError INVALID_INPUT naming the offending field. Appointments and busy blocks are not walked:
// they are thousands of rows already typed by the database, and checking them would cost more
// than computing the slots.
import { AppError } from "../../errors";
import { assertValidTimeZone } from "./assert-time-zone";
import { dayNumberOfLocalDate } from "./local-calendar";
import type { DateOverride, MinuteRange, SlotQuery, WeeklyHoursRange } from "./types";

export function validateSlotQuery(query: SlotQuery): void {
  assertValidTimeZone(query.timeZone);
  const { service, request } = query;
  positiveInteger(service.durationMinutes, "service.durationMinutes");
  if (service.slotIntervalMinutes !== null) positiveInteger(service.slotIntervalMinutes, "service.slotIntervalMinutes");
  nonNegativeInteger(service.bufferBeforeMinutes, "service.bufferBeforeMinutes");
  nonNegativeInteger(service.bufferAfterMinutes, "service.bufferAfterMinutes");
  nonNegativeInteger(service.minNoticeMinutes, "service.minNoticeMinutes");
  nonNegativeInteger(service.bookingHorizonDays, "service.bookingHorizonDays");
  if (service.maxPerDay !== null) nonNegativeInteger(service.maxPerDay, "service.maxPerDay");
  for (const field of ["fromMs", "toMs", "nowMs"] as const) {
    if (!Number.isFinite(request[field])) invalid(`request.${field}`, `must be a finite epoch-millisecond number`);
  }
  const staffIds = new Set<string>();
  query.staff.forEach((member, index) => {
    if (staffIds.has(member.id)) invalid(`staff[${index}].id`, `repeats the id "${member.id}"`);
    staffIds.add(member.id);
    weeklyHours(member.weeklyHours, `staff[${index}].weeklyHours`);
    dateOverrides(member.dateOverrides, `staff[${index}].dateOverrides`);
  });
  if (query.business) {
    weeklyHours(query.business.weeklyHours ?? [], "business.weeklyHours");
    dateOverrides(query.business.dateOverrides, "business.dateOverrides");
    query.business.closures?.forEach((date, index) => localDate(date, `business.closures[${index}]`));
  }
}

function weeklyHours(ranges: readonly WeeklyHoursRange[], field: string): void {
  ranges.forEach((range, index) => {
    if (!Number.isInteger(range.weekday) || range.weekday < 0 || range.weekday > 6) {
      invalid(`${field}[${index}].weekday`, "must be 0 (Sunday) to 6 (Saturday)");
    }
    minuteRange(range, `${field}[${index}]`);
  });
}

function dateOverrides(overrides: readonly DateOverride[] | undefined, field: string): void {
  overrides?.forEach((override, index) => {
    localDate(override.date, `${field}[${index}].date`);
    override.ranges.forEach((range, r) => minuteRange(range, `${field}[${index}].ranges[${r}]`));
  });
}

function minuteRange(range: MinuteRange, field: string): void {
  const { startMinute, endMinute } = range;
  const wholeMinutes = Number.isInteger(startMinute) && Number.isInteger(endMinute);
  if (!wholeMinutes || startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
    invalid(field, `must satisfy 0 ≤ startMinute < endMinute ≤ 1440 in whole minutes (got ${startMinute}–${endMinute})`);
  }
}

function localDate(date: string, field: string): void {
  if (Number.isNaN(dayNumberOfLocalDate(date))) invalid(field, `must be a real date as YYYY-MM-DD (got "${date}")`);
}

function positiveInteger(value: number, field: string): void {
  if (!Number.isInteger(value) || value <= 0) invalid(field, `must be a positive whole number (got ${value})`);
}

function nonNegativeInteger(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0) invalid(field, `must be a whole number ≥ 0 (got ${value})`);
}

function invalid(field: string, problem: string): never {
  throw new AppError("INVALID_INPUT", `${field} ${problem}`, { field });
}
