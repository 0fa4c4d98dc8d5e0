// Availability of one local day, with the reason when nothing is free: a caller told "Sunday is
// closed" and one told "Friday is full, shall I add you to the waitlist?" need different answers.
// Pure over a loaded SchedulingContext: the same slot engine the booking command re-checks with.
import { computeBookableSlots } from "../../scheduling/availability/compute-bookable-slots";
import { type AvailableSlot, slotsFrom } from "../../scheduling/find-available-slots";
import type { SchedulingContext } from "../../scheduling/load-scheduling-context";
import { addDays, localDateTimeOf, localDateTimeToInstant, weekdayOf } from "../../time/local-calendar";

/**
 * available: something is free. closed: the business is closed that day. staff_off: the business
 * is open but the requested person does not work then. not_offered: the business is open but
 * nobody who does this service works then. full: open, but every time is taken (the waitlist's case). past: the day, or what is
 * left of today, is behind the clock or inside the minimum notice. too_far: beyond the booking
 * horizon.
 */
export type DayStatus = "available" | "closed" | "staff_off" | "not_offered" | "full" | "past" | "too_far";

export interface DayAvailability {
  date: string;
  status: DayStatus;
  /** Free slots that day, before the after/before filter. */
  slots: AvailableSlot[];
}

const MIDNIGHT = { hour: 0, minute: 0 };

export function dayBounds(date: string, timeZone: string): { fromMs: number; toMs: number } {
  return {
    fromMs: localDateTimeToInstant(date, MIDNIGHT, timeZone),
    toMs: localDateTimeToInstant(addDays(date, 1), MIDNIGHT, timeZone),
  };
}

export function dayAvailability(
  context: SchedulingContext,
  { date, staffId, nowMs }: { date: string; staffId?: string; nowMs: number },
): DayAvailability {
  const zone = context.business.timezone;
  const { fromMs, toMs } = dayBounds(date, zone);
  const today = localDateTimeOf(nowMs, zone).date;
  if (date < today) return { date, status: "past", slots: [] };
  const slots = slotsFrom(context, { fromMs, toMs, staffId, nowMs });
  if (slots.length > 0) return { date, status: "available", slots };

  const rules = context.query.service;
  const horizonLast = addDays(today, rules.bookingHorizonDays);
  if (date > horizonLast) return { date, status: "too_far", slots };

  // Would anything be offered on an empty calendar, judged from just before that day?
  const emptyCalendar = (forStaff: string | undefined, clockMs: number) =>
    computeBookableSlots({ ...context.query, appointments: [], busyBlocks: [], request: { fromMs, toMs, staffId: forStaff, nowMs: clockMs } });
  const beforeTheDay = Math.min(nowMs, fromMs - rules.minNoticeMinutes * 60_000 - 1);
  if (emptyCalendar(staffId, beforeTheDay).length === 0) {
    if (!businessOpensOn(context, date)) return { date, status: "closed", slots };
    return { date, status: staffId !== undefined ? "staff_off" : "not_offered", slots };
  }
  if (emptyCalendar(staffId, nowMs).length === 0) return { date, status: "past", slots };
  return { date, status: "full", slots };
}

/** The business's own hours (not any one person's) have time on that date. */
function businessOpensOn(context: SchedulingContext, date: string): boolean {
  const hours = context.query.business ?? {};
  if (hours.closures?.includes(date)) return false;
  const override = hours.dateOverrides?.find((o) => o.date === date);
  if (override) return override.ranges.length > 0;
  return !hours.weeklyHours || hours.weeklyHours.some((h) => h.weekday === weekdayOf(date));
}
