// Builders and readable renderings shared by the slot engine's tests: scenarios read as hours
// ("09:00-17:00") and ISO instants, and results render as UTC or local ISO strings so each
// expectation can be checked by hand.
import { TZDate } from "@date-fns/tz";
import { computeBookableSlots } from "./compute-bookable-slots";
import type {
  BookableSlot,
  MinuteRange,
  ServiceRules,
  SlotQuery,
  StaffSchedule,
  Weekday,
  WeeklyHoursRange,
} from "./types";

export const EVERY_DAY: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
export const SERVICE_ID = "haircut";

/** "09:00-17:00" → minutes after local midnight; "24:00" is the end of the day. */
export function hours(spec: string): MinuteRange {
  const [start, end] = spec.split("-").map((time) => {
    const [h, m] = time.split(":").map(Number);
    return h! * 60 + m!;
  });
  return { startMinute: start!, endMinute: end! };
}

export function weekly(days: readonly Weekday[], ...specs: string[]): WeeklyHoursRange[] {
  return days.flatMap((weekday) => specs.map((spec) => ({ weekday, ...hours(spec) })));
}

export function makeService(overrides: Partial<ServiceRules> = {}): ServiceRules {
  return {
    id: SERVICE_ID,
    durationMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    slotIntervalMinutes: null,
    minNoticeMinutes: 0,
    bookingHorizonDays: 400,
    maxPerDay: null,
    ...overrides,
  };
}

export function makeStaff(id: string, overrides: Partial<StaffSchedule> = {}): StaffSchedule {
  return { id, weeklyHours: weekly(EVERY_DAY, "09:00-17:00"), serviceIds: [SERVICE_ID], ...overrides };
}

export interface Scenario extends Partial<Omit<SlotQuery, "service" | "request">> {
  readonly service?: Partial<ServiceRules>;
  /** ISO instants. */
  readonly from: string;
  readonly to: string;
  readonly now?: string;
  readonly staffId?: string;
}

export function slotsFor(scenario: Scenario): BookableSlot[] {
  const { service, from, to, now, staffId, ...rest } = scenario;
  return computeBookableSlots({
    timeZone: "America/New_York",
    staff: [makeStaff("ana")],
    appointments: [],
    busyBlocks: [],
    ...rest,
    service: makeService(service),
    request: {
      fromMs: Date.parse(from),
      toMs: Date.parse(to),
      nowMs: Date.parse(now ?? "2024-01-01T00:00:00Z"),
      ...(staffId === undefined ? {} : { staffId }),
    },
  });
}

/** UTC starts, minute precision: "2024-03-10T07:00Z". */
export function utcStarts(slots: readonly BookableSlot[]): string[] {
  return slots.map((slot) => new Date(slot.startMs).toISOString().replace(":00.000Z", "Z"));
}

/** Local starts with their offset: "2024-11-03T01:30-04:00". */
export function localStarts(slots: readonly BookableSlot[], timeZone: string): string[] {
  return slots.map((slot) => new TZDate(slot.startMs, timeZone).toISOString().replace(":00.000", ""));
}

export const at = (iso: string): number => Date.parse(iso);

/** One staff member ("ana") open the same hours every day, e.g. "01:00-04:00". */
export function openEveryDay(...specs: string[]) {
  return [makeStaff("ana", { weeklyHours: weekly(EVERY_DAY, ...specs) })];
}

/** Local wall-clock "HH:MM" of each slot start. */
export function localClock(slots: readonly BookableSlot[], timeZone: string): string[] {
  return localStarts(slots, timeZone).map((start) => start.slice(11, 16));
}
