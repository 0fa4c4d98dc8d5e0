// Reads from the database everything the pure slot engine needs for one service in one window:
// the business's zone and hours, the staff who perform the service with their hours, and the
// active appointments around the window. One place, so every channel sees the same rules.
import type { Db, Tx } from "../db";
import { AppError } from "../errors";
import { parseBusinessSettings } from "../businesses/business-settings";
import type { DateOverride, ExistingAppointment, SlotQuery, StaffSchedule, Weekday, WeeklyHoursRange } from "./availability/types";

const DAY_MS = 86_400_000;

export const ACTIVE_STATUSES = ["held", "booked", "completed"] as const;

export interface SchedulingContext {
  business: { id: string; timezone: string; settings: ReturnType<typeof parseBusinessSettings> };
  service: { id: string; name: string; durationMinutes: number; bufferBeforeMinutes: number; bufferAfterMinutes: number };
  /** Everything but the request: add { fromMs, toMs, nowMs, staffId } to compute slots. */
  query: Omit<SlotQuery, "request">;
}

interface HoursRow {
  staffId: string | null;
  weekday: number;
  startMinute: number;
  endMinute: number;
}
interface OverrideRow {
  staffId: string | null;
  date: Date;
  closed: boolean;
  startMinute: number | null;
  endMinute: number | null;
}

export async function loadSchedulingContext(
  db: Db | Tx,
  args: { businessId: string; serviceId: string; staffId?: string; fromMs: number; toMs: number },
): Promise<SchedulingContext> {
  const { businessId, serviceId } = args;
  // Inside a transaction the queries share one connection: run them one after another (pg
  // deprecates queueing queries on a client); outside one, in parallel over the pool.
  const all = "$transaction" in db ? inParallel : inSequence;
  const [business, service] = await all([
    db.business.findUnique({ where: { id: businessId }, select: { id: true, timezone: true, settings: true } }),
    db.service.findFirst({
      where: { id: serviceId, businessId, active: true },
      select: {
        id: true,
        name: true,
        durationMinutes: true,
        bufferBeforeMinutes: true,
        bufferAfterMinutes: true,
        slotIntervalMinutes: true,
        minNoticeMinutes: true,
        bookingHorizonDays: true,
        maxPerDay: true,
        staff: { where: { staff: { active: true } }, select: { staffId: true } },
      },
    }),
  ]);
  if (!business) throw new AppError("NOT_FOUND", "No such business.");
  if (!service) throw new AppError("NOT_FOUND", "That service does not exist or is not offered any more.");
  const staffIds = service.staff.map((s) => s.staffId).filter((id) => !args.staffId || id === args.staffId);
  if (args.staffId && staffIds.length === 0) {
    const exists = await db.staffMember.count({ where: { id: args.staffId, businessId, active: true } });
    throw new AppError("NOT_FOUND", exists ? "That staff member does not perform this service." : "No such staff member.");
  }

  // Appointments a day either side: buffers reach past the window, and per-day limits count
  // whole local days.
  const windowStart = new Date(args.fromMs - DAY_MS);
  const windowEnd = new Date(args.toMs + DAY_MS);
  const [hours, overrides, appointments, staffRows] = await all([
    db.weeklyHours.findMany({
      where: { businessId, OR: [{ staffId: null }, { staffId: { in: staffIds } }] },
      select: { staffId: true, weekday: true, startMinute: true, endMinute: true },
    }),
    db.dateOverride.findMany({
      where: {
        businessId,
        OR: [{ staffId: null }, { staffId: { in: staffIds } }],
        date: { gte: new Date(args.fromMs - 2 * DAY_MS), lte: new Date(args.toMs + 2 * DAY_MS) },
      },
      select: { staffId: true, date: true, closed: true, startMinute: true, endMinute: true },
    }),
    db.appointment.findMany({
      where: {
        businessId,
        staffId: { in: staffIds },
        status: { in: [...ACTIVE_STATUSES] },
        blockedUntil: { gt: windowStart },
        blockedFrom: { lt: windowEnd },
      },
      select: {
        staffId: true,
        serviceId: true,
        startsAt: true,
        endsAt: true,
        blockedFrom: true,
        blockedUntil: true,
        createdAt: true,
      },
    }),
    db.staffMember.findMany({ where: { id: { in: staffIds } }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true } }),
  ]);

  const staff: StaffSchedule[] = staffRows.map(({ id }) => ({
    id,
    weeklyHours: hours.filter((h) => h.staffId === id).map(toWeeklyRange),
    dateOverrides: toOverrides(overrides.filter((o) => o.staffId === id)),
    serviceIds: [service.id],
  }));
  const businessHours = hours.filter((h) => h.staffId === null);
  const businessOverrides = overrides.filter((o) => o.staffId === null);

  return {
    business: { id: business.id, timezone: business.timezone, settings: parseBusinessSettings(business.settings) },
    service,
    query: {
      timeZone: business.timezone,
      staff,
      business: {
        weeklyHours: businessHours.length > 0 ? businessHours.map(toWeeklyRange) : null,
        dateOverrides: toOverrides(businessOverrides.filter((o) => !o.closed)),
        closures: businessOverrides.filter((o) => o.closed).map((o) => localDate(o.date)),
      },
      appointments: appointments.map(toExisting),
      busyBlocks: [], // external calendar busy time arrives with calendar sync
      service: {
        id: service.id,
        durationMinutes: service.durationMinutes,
        bufferBeforeMinutes: service.bufferBeforeMinutes,
        bufferAfterMinutes: service.bufferAfterMinutes,
        slotIntervalMinutes: service.slotIntervalMinutes,
        minNoticeMinutes: service.minNoticeMinutes,
        bookingHorizonDays: service.bookingHorizonDays,
        maxPerDay: service.maxPerDay,
      },
    },
  };
}

// Prisma's query promises are lazy: nothing is sent until one is awaited, so awaiting them in
// order really does run them one at a time.
type Queries<T extends readonly unknown[]> = { [K in keyof T]: PromiseLike<T[K]> };
const inParallel = <T extends readonly unknown[]>(queries: Queries<T>) => Promise.all(queries) as Promise<T>;
async function inSequence<T extends readonly unknown[]>(queries: Queries<T>): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as unknown as T;
}

function toWeeklyRange(h: HoursRow): WeeklyHoursRange {
  return { weekday: h.weekday as Weekday, startMinute: h.startMinute, endMinute: h.endMinute };
}

/** Several rows for one date combine; a closed row closes the date (ranges: []). */
function toOverrides(rows: OverrideRow[]): DateOverride[] {
  const byDate = new Map<string, { closed: boolean; ranges: { startMinute: number; endMinute: number }[] }>();
  for (const row of rows) {
    const key = localDate(row.date);
    const entry = byDate.get(key) ?? { closed: false, ranges: [] };
    if (row.closed) entry.closed = true;
    else if (row.startMinute !== null && row.endMinute !== null) entry.ranges.push({ startMinute: row.startMinute, endMinute: row.endMinute });
    byDate.set(key, entry);
  }
  return [...byDate].map(([date, e]) => ({ date, ranges: e.closed ? [] : e.ranges }));
}

/** A @db.Date column arrives as UTC midnight of that calendar date. */
function localDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Buffers come from the stored blocked range, so a service's buffers changing later does not
 * move existing appointments' blocked time.
 */
function toExisting(a: {
  staffId: string;
  serviceId: string;
  startsAt: Date;
  endsAt: Date;
  blockedFrom: Date;
  blockedUntil: Date;
  createdAt: Date;
}): ExistingAppointment {
  return {
    staffId: a.staffId,
    serviceId: a.serviceId,
    startMs: a.startsAt.getTime(),
    endMs: a.endsAt.getTime(),
    bufferBeforeMinutes: (a.startsAt.getTime() - a.blockedFrom.getTime()) / 60_000,
    bufferAfterMinutes: (a.blockedUntil.getTime() - a.endsAt.getTime()) / 60_000,
    bookedAtMs: a.createdAt.getTime(),
  };
}
