// Reads from the database everything the pure slot engine needs for one service in one window,
// in two parts: the slowly-changing rules (the business's zone and settings, the service, the
// staff who perform it, weekly hours, date overrides), which read paths and bookings may take
// from the short-lived cache (scheduling-cache.ts), and the active appointments around the
// window, which are always read fresh. One place, so every channel sees the same rules.
import type { Db, Tx } from "../db";
import { AppError } from "../errors";
import { parseBusinessSettings } from "../businesses/business-settings";
import type { DateOverride, ExistingAppointment, SlotQuery, StaffSchedule, Weekday, WeeklyHoursRange } from "./availability/types";

const DAY_MS = 86_400_000;
/** Date overrides are read this far either side of a window (a local date straddles UTC dates). */
const OVERRIDE_MARGIN_MS = 2 * DAY_MS;

export const ACTIVE_STATUSES = ["held", "booked", "completed"] as const;

export interface SchedulingService {
  id: string;
  name: string;
  durationMinutes: number;
  priceCents: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  slotIntervalMinutes: number | null;
  minNoticeMinutes: number;
  bookingHorizonDays: number;
  maxPerDay: number | null;
}

/** The slowly-changing inputs for one business, service and staff filter. Treat as immutable. */
export interface SchedulingRules {
  business: { id: string; timezone: string; settings: ReturnType<typeof parseBusinessSettings> };
  service: SchedulingService;
  /** Active staff who perform the service (only the named one, when filtered), in display order. */
  staff: readonly { id: string; name: string }[];
  staffIds: readonly string[];
  /** The engine's query less appointments and the request. */
  query: Omit<SlotQuery, "request" | "appointments">;
  /** Date overrides were read for dates in [overridesFromMs, overridesToMs]. */
  overridesFromMs: number;
  overridesToMs: number;
}

export interface SchedulingContext {
  business: SchedulingRules["business"];
  service: SchedulingService;
  staff: SchedulingRules["staff"];
  /** Everything but the request: add { fromMs, toMs, nowMs, staffId } to compute slots. */
  query: Omit<SlotQuery, "request">;
}

/** An active appointment as read for the engine, with what booking needs to spot lapsed holds. */
export interface AppointmentRow {
  staffId: string;
  serviceId: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  blockedFrom: Date;
  blockedUntil: Date;
  holdExpiresAt: Date | null;
  createdAt: Date;
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

/** Whether rules read for some window hold every date override a window [fromMs, toMs] needs. */
export function rulesCoverWindow(rules: SchedulingRules, fromMs: number, toMs: number): boolean {
  return fromMs - OVERRIDE_MARGIN_MS >= rules.overridesFromMs && toMs + OVERRIDE_MARGIN_MS <= rules.overridesToMs;
}

export async function loadSchedulingContext(
  db: Db | Tx,
  args: { businessId: string; serviceId: string; staffId?: string; fromMs: number; toMs: number },
  options: { rules?: SchedulingRules } = {},
): Promise<SchedulingContext> {
  const rules =
    options.rules && rulesCoverWindow(options.rules, args.fromMs, args.toMs)
      ? options.rules
      : await loadSchedulingRules(db, { ...args, overridesFromMs: args.fromMs - OVERRIDE_MARGIN_MS, overridesToMs: args.toMs + OVERRIDE_MARGIN_MS });
  const rows = await loadAppointmentRows(db, { businessId: args.businessId, staffIds: rules.staffIds, fromMs: args.fromMs, toMs: args.toMs });
  return contextFrom(rules, rows);
}

export function contextFrom(rules: SchedulingRules, rows: readonly AppointmentRow[]): SchedulingContext {
  return {
    business: rules.business,
    service: rules.service,
    staff: rules.staff,
    query: { ...rules.query, appointments: rows.map(toExisting) },
  };
}

/**
 * The rules, in one round of queries (in parallel over the pool; one after another inside a
 * transaction, whose queries share one connection). Overrides are read for the dates in
 * [overridesFromMs, overridesToMs] (Infinity: no upper bound).
 */
export async function loadSchedulingRules(
  db: Db | Tx,
  args: { businessId: string; serviceId: string; staffId?: string; overridesFromMs: number; overridesToMs: number },
): Promise<SchedulingRules> {
  const { businessId, serviceId } = args;
  const all = isOutsideTransaction(db) ? inParallel : inSequence;
  const [business, service, staffRows, hours, overrides] = await all([
    db.business.findUnique({ where: { id: businessId }, select: { id: true, timezone: true, settings: true } }),
    db.service.findFirst({
      where: { id: serviceId, businessId, active: true },
      select: {
        id: true,
        name: true,
        durationMinutes: true,
        priceCents: true,
        bufferBeforeMinutes: true,
        bufferAfterMinutes: true,
        slotIntervalMinutes: true,
        minNoticeMinutes: true,
        bookingHorizonDays: true,
        maxPerDay: true,
      },
    }),
    db.staffMember.findMany({
      where: { businessId, active: true, services: { some: { serviceId } }, ...(args.staffId ? { id: args.staffId } : {}) },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
    db.weeklyHours.findMany({
      where: { businessId, ...(args.staffId ? { OR: [{ staffId: null }, { staffId: args.staffId }] } : {}) },
      select: { staffId: true, weekday: true, startMinute: true, endMinute: true },
    }),
    db.dateOverride.findMany({
      where: {
        businessId,
        ...(args.staffId ? { OR: [{ staffId: null }, { staffId: args.staffId }] } : {}),
        date: { gte: new Date(args.overridesFromMs), ...(Number.isFinite(args.overridesToMs) ? { lte: new Date(args.overridesToMs) } : {}) },
      },
      select: { staffId: true, date: true, closed: true, startMinute: true, endMinute: true },
    }),
  ]);
  if (!business) throw new AppError("NOT_FOUND", "No such business.");
  if (!service) throw new AppError("NOT_FOUND", "That service does not exist or is not offered any more.");
  if (args.staffId && staffRows.length === 0) {
    const exists = await db.staffMember.count({ where: { id: args.staffId, businessId, active: true } });
    throw new AppError("NOT_FOUND", exists ? "That staff member does not perform this service." : "No such staff member.");
  }

  const staff: StaffSchedule[] = staffRows.map(({ id }) => ({
    id,
    weeklyHours: hours.filter((h) => h.staffId === id).map(toWeeklyRange),
    dateOverrides: toOverrides(overrides.filter((o) => o.staffId === id)),
    serviceIds: [service.id],
  }));
  const businessHours = hours.filter((h) => h.staffId === null);
  const businessOverrides = overrides.filter((o) => o.staffId === null);
  const settings = parseBusinessSettings(business.settings);

  return {
    business: { id: business.id, timezone: business.timezone, settings },
    service,
    staff: staffRows,
    staffIds: staffRows.map((s) => s.id),
    query: {
      timeZone: business.timezone,
      staff,
      business: {
        weeklyHours: businessHours.length > 0 ? businessHours.map(toWeeklyRange) : null,
        dateOverrides: toOverrides(businessOverrides.filter((o) => !o.closed)),
        closures: businessOverrides.filter((o) => o.closed).map((o) => localDate(o.date)),
      },
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
    overridesFromMs: args.overridesFromMs,
    overridesToMs: args.overridesToMs,
  };
}

/**
 * Active appointments of these staff a day either side of the window: buffers reach past the
 * window, and per-day limits count whole local days. One query.
 */
export function loadAppointmentRows(
  db: Db | Tx,
  args: { businessId: string; staffIds: readonly string[]; fromMs: number; toMs: number },
): Promise<AppointmentRow[]> {
  // The one query every availability read and booking sends, so it skips Prisma's query
  // compiler: $queryRaw costs about a third less CPU than the equivalent findMany. The columns
  // are typed by hand (AppointmentRow); the statuses are ACTIVE_STATUSES. The time condition is
  // written as the exclusion constraint's own range overlap so its GiST index (staff, blocked
  // range, active only) finds the rows by staff and time; as two comparisons it could only use
  // the staff column, and read every active appointment that person ever had.
  return db.$queryRaw<AppointmentRow[]>`
    SELECT "staffId", "serviceId", "status"::text AS "status", "startsAt", "endsAt", "blockedFrom", "blockedUntil", "holdExpiresAt", "createdAt"
    FROM "Appointment"
    WHERE "businessId" = ${args.businessId}
      AND "staffId" = ANY(${[...args.staffIds]})
      AND "status" IN ('held', 'booked', 'completed')
      AND tstzrange("blockedFrom", "blockedUntil", '[)') && tstzrange(${new Date(args.fromMs - DAY_MS)}::timestamptz, ${new Date(args.toMs + DAY_MS)}::timestamptz, '()')`;
}

/**
 * Whether this is the client itself rather than a transaction's. Prisma 7's transaction client
 * has $transaction too (nested transactions), but never $connect.
 */
export function isOutsideTransaction(db: Db | Tx): db is Db {
  return "$connect" in db;
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
function toExisting(a: AppointmentRow): ExistingAppointment {
  const startMs = a.startsAt.getTime();
  const endMs = a.endsAt.getTime();
  return {
    staffId: a.staffId,
    serviceId: a.serviceId,
    startMs,
    endMs,
    bufferBeforeMinutes: (startMs - a.blockedFrom.getTime()) / 60_000,
    bufferAfterMinutes: (a.blockedUntil.getTime() - endMs) / 60_000,
    bookedAtMs: a.createdAt.getTime(),
  };
}
