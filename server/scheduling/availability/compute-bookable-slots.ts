// The pure slot engine: from plain rules, appointments and busy blocks to the slots a caller may
// book. No database and no clock: the caller passes `nowMs`, so a test can stand on any day.
//
// Shape (after the reference engines): clamp the window; expand each staff member's weekly hours
// day by day from local midnight (overrides replace a day, closures remove it, business hours
// intersect); subtract busy time widened by buffers; walk free time by the slot interval on
// aligned local-clock starts; merge staff into "anyone" slots. Local wall time becomes instants
// only at range edges (see wall-time-to-instants.ts for the daylight-saving rule).
import { bookingWindow } from "./booking-window";
import { collectBusyTime, unionBusyTime } from "./busy-time";
import { findFullDays } from "./daily-limits";
import { DAY_MS, localDateOfDayNumber, localDayNumberAt, MINUTE_MS, weekdayOfDayNumber } from "./local-calendar";
import { mergeStaffSlots } from "./merge-staff-slots";
import { buildOffsetTimeline } from "./offset-timeline";
import { openTime, type LocalDays } from "./open-time";
import { prepareBusinessHours, staffDayHours } from "./opening-hours";
import { alignmentMinutesFor, walkStaffSlots, type SlotWalk } from "./slot-walk";
import type { BookableSlot, LocalDate, SlotQuery, Weekday } from "./types";
import { validateSlotQuery } from "./validate-slot-query";

/**
 * Bookable slots sorted by start. Without `request.staffId` every slot lists all staff free for
 * it; with it, only that person's slots (none if they do not perform the service or are unknown).
 * Throws AppError INVALID_INPUT for an unknown time zone or malformed rules.
 */
export function computeBookableSlots(query: SlotQuery): BookableSlot[] {
  validateSlotQuery(query);
  const { timeZone, service, request } = query;
  const window = bookingWindow(timeZone, service, request);
  if (!window) return [];
  const staff = query.staff.filter(
    (member) =>
      member.serviceIds.includes(service.id) && (request.staffId === undefined || member.id === request.staffId),
  );
  if (staff.length === 0) return [];

  const durationMs = service.durationMinutes * MINUTE_MS;
  const intervalMinutes = service.slotIntervalMinutes ?? service.durationMinutes;
  // Every instant a returned slot can occupy lies in [spanStart, spanEnd).
  const spanStart = window.earliestStartMs;
  const spanEnd = window.latestStartMs + durationMs;
  // Scanned wider than the span: day expansion below reaches one local day beyond each end.
  const timeline = buildOffsetTimeline(timeZone, spanStart - 2 * DAY_MS, spanEnd + 2 * DAY_MS);
  // One extra day each side: on a fall-back the wall date can step back across midnight.
  const firstDayNumber = localDayNumberAt(timeline, spanStart) - 1;
  const lastDayNumber = localDayNumberAt(timeline, spanEnd) + 1;
  const days = localDays(firstDayNumber, lastDayNumber);

  const staffIndexById = new Map(staff.map((member, index) => [member.id, index]));
  const busy = collectBusyTime(staffIndexById, query.appointments, query.busyBlocks, service, spanStart, spanEnd);
  const fullDays =
    service.maxPerDay === null
      ? null
      : findFullDays(staffIndexById, query.appointments, service.id, service.maxPerDay, timeline, {
          firstDayNumber,
          lastDayNumber,
        });
  const business = prepareBusinessHours(query.business);
  const walk: Omit<SlotWalk, "fullDays"> = {
    timeline,
    durationMs,
    stepMs: intervalMinutes * MINUTE_MS,
    alignMs: alignmentMinutesFor(intervalMinutes) * MINUTE_MS,
    earliestStartMs: window.earliestStartMs,
    latestStartMs: window.latestStartMs,
    firstDayNumber,
  };

  // One scratch buffer for every staff member's busy union, sized for the busiest.
  const unionBuffer = new Float64Array(2 * Math.max(0, ...busy.map((b) => b.starts.length)));
  const startsByStaff = staff.map((member, index) => {
    const starts: number[] = [];
    const open = openTime(staffDayHours(member, business), days, timeline);
    if (open.length === 0) return starts;
    const busyPairs = unionBusyTime(busy[index]!, unionBuffer);
    walkStaffSlots(open, unionBuffer, busyPairs, { ...walk, fullDays: fullDays?.[index] ?? null }, starts);
    return starts;
  });
  return mergeStaffSlots(
    staff.map((member) => member.id),
    startsByStaff,
    durationMs,
  );
}

function localDays(firstDayNumber: number, lastDayNumber: number): LocalDays {
  const dates: LocalDate[] = [];
  const weekdays: Weekday[] = [];
  for (let day = firstDayNumber; day <= lastDayNumber; day++) {
    dates.push(localDateOfDayNumber(day));
    weekdays.push(weekdayOfDayNumber(day));
  }
  return { firstDayNumber, dates, weekdays };
}
