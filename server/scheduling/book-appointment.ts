// Books an appointment. Every channel (dashboard, phone agent, SMS, REST API) books through here.
// The time is checked against the rules, and against the appointments either by reading them just
// before the write or (a named person's first try) by the database refusing the write; the write
// (customer, appointment and audit row) is one statement, and the database's exclusion
// constraint and day-lock trigger are the final guard against a concurrent booking. The rules
// (hours, service, staff) may come from the short-lived scheduling cache, so a change to them
// reaches bookings in another process up to SCHEDULING_CACHE_TTL_MS later.
// A retried request with the same idempotency key returns the appointment it created the first
// time: the unique index on the key refuses the second insert, and only then is the first read.
import { z } from "zod";
import type { Actor } from "../audit";
import { customerDetails } from "../customers/find-or-create-customer";
import type { Db, Tx } from "../db";
import { isSlotRefusal, postgresErrorCode, UNIQUE_VIOLATION } from "../db-errors";
import { AppError } from "../errors";
import { newRowId } from "../new-row-id";
import { clearExpiredHoldsInTheWay } from "../waitlist/cancel-expired-holds";
import { pickStaffFairly } from "./availability/pick-staff-fairly";
import { appointmentSelect, type AppointmentView } from "./appointment-view";
import { checkBookingWindow } from "./check-booking-window";
import { slotsFrom } from "./find-available-slots";
import { contextFrom, isOutsideTransaction, loadAppointmentRows, type AppointmentRow, type SchedulingRules } from "./load-scheduling-context";
import { cachedSchedulingRules } from "./scheduling-cache";
import { unavailableSlotError } from "./slot-errors";
import { writeBooking } from "./write-booking";

const MINUTE_MS = 60_000;

export const bookAppointmentInput = z.object({
  businessId: z.string().min(1),
  serviceId: z.string().min(1),
  startsAt: z.coerce.date({ message: "startsAt must be an ISO 8601 date-time" }),
  /** A specific person, or absent/null for "anyone" (picked fairly). */
  staffId: z.string().min(1).nullish(),
  customer: z.union([z.object({ id: z.string().min(1) }), customerDetails]),
  notes: z.string().trim().max(2000).optional(),
  idempotencyKey: z.string().trim().min(1).max(200).optional(),
});

export type BookAppointmentInput = z.infer<typeof bookAppointmentInput>;

export async function bookAppointment(db: Db, rawInput: BookAppointmentInput, options: { actor: Actor; now: Date }): Promise<AppointmentView> {
  return (await bookAppointmentWithOutcome(db, rawInput, options)).appointment;
}

/** As bookAppointment, also telling whether the answer is an earlier booking with the same idempotency key. */
export async function bookAppointmentWithOutcome(
  db: Db,
  rawInput: BookAppointmentInput,
  { actor, now }: { actor: Actor; now: Date },
): Promise<{ appointment: AppointmentView; replayed: boolean }> {
  const input = bookAppointmentInput.parse(rawInput);
  try {
    return { appointment: await book(db, input, actor, now), replayed: false };
  } catch (error) {
    // A retry meets its own first booking as a refusal: the key's unique index, the slot now
    // taken (by itself), or a time that has since passed. Only then is the key looked up.
    if (input.idempotencyKey && isRefusal(error)) {
      const previous = await findByIdempotencyKey(db, input.businessId, input.idempotencyKey);
      if (previous) return { appointment: previous, replayed: true };
    }
    throw error;
  }
}

async function book(db: Db, input: BookAppointmentInput, actor: Actor, now: Date): Promise<AppointmentView> {
  const startMs = input.startsAt.getTime();
  const staffFilter = input.staffId ?? undefined;
  const scope = { businessId: input.businessId, serviceId: input.serviceId, staffId: staffFilter, startMs, nowMs: now.getTime() };
  const rules = await cachedSchedulingRules(db, input, now.getTime());
  const window = { businessId: input.businessId, staffIds: rules.staffIds, fromMs: startMs, toMs: startMs + 1 };
  checkBookingWindow(rules, startMs, now);
  const triedStaff = new Set<string>();

  // One try: read the appointments in the way, check the slot, write. Outside a transaction the
  // check and the write are separate statements; inside one they would be no safer (under READ
  // COMMITTED each statement sees the latest commits anyway). What keeps a slot from being
  // booked twice is the exclusion constraint refusing the write, which the loop below handles.
  const attempt = async (q: Db | Tx): Promise<AppointmentView> => {
    let rows = await loadAppointmentRows(q, window);
    // A waitlist hold past its holdExpiresAt is dead, but until the expiry sweep gets to it the
    // row is still `held`: the slot engine counts it and the exclusion constraint would refuse
    // this booking. So lapsed holds in this booking's way are cancelled here (their entries
    // marked expired) in a transaction with the booking, so a refused booking keeps them; then
    // the appointments are read again. Rare, so the common booking pays nothing for it.
    if (rows.some((row) => isLapsedHoldInTheWay(row, rules, startMs, now))) {
      if (isOutsideTransaction(q)) return q.$transaction((tx) => attempt(tx));
      await clearExpiredHoldsInTheWay(q, { businessId: input.businessId, serviceId: input.serviceId, staffId: staffFilter, startMs, actor, now });
      rows = await loadAppointmentRows(q, window);
    }
    const context = contextFrom(rules, rows);
    const slot = slotsFrom(context, { fromMs: startMs, toMs: startMs + 1, staffId: staffFilter, nowMs: now.getTime() }).find(
      (s) => s.startsAt.getTime() === startMs,
    );
    const candidates = slot?.staffIds.filter((id) => !triedStaff.has(id)) ?? [];
    if (!slot || candidates.length === 0) throw await unavailableSlotError(q, context, scope, { rules });
    const staffId =
      staffFilter ?? pickStaffFairly({ slot: { startMs, staffIds: candidates }, timeZone: rules.business.timezone, appointments: context.query.appointments })!;
    triedStaff.add(staffId);
    return insertBooking(q, input, { staffId, startMs, rules, actor });
  };

  // A named person: the rules say whether the time is offered at all, and the database says
  // whether it is still free, exactly as the slot engine would (the exclusion constraint compares
  // the same buffer-widened ranges; the day-lock trigger counts maxPerDay the same way). So the
  // first try writes without reading that person's appointments. Only a refusal reads them: to
  // clear a lapsed hold in the way, or to explain with alternatives. "Anyone" reads first, since
  // picking fairly needs the day's appointments.
  if (staffFilter && offeredByRules(rules, { startMs, staffId: staffFilter, now })) {
    try {
      return await insertBooking(db, input, { staffId: staffFilter, startMs, rules, actor });
    } catch (error) {
      if (!isSlotRefusal(error)) throw error; // refused: the careful try below reads and looks again
    }
  }

  // "Anyone" may lose a race for one person and still get another: retry with the next free one.
  for (let round = 0; round < 4; round++) {
    try {
      return await attempt(db);
    } catch (error) {
      if (isSlotRefusal(error)) {
        if (staffFilter) break;
        continue;
      }
      throw error;
    }
  }
  const rows = await loadAppointmentRows(db, window);
  const error = await unavailableSlotError(db, contextFrom(rules, rows), scope, { rules });
  throw error.code === "SLOT_TAKEN" ? error : new AppError("SLOT_TAKEN", "That time was just taken.", error.data);
}

/** Whether the rules alone (hours, overrides, notice, horizon, slot grid) offer this person at this time. */
function offeredByRules(rules: SchedulingRules, { startMs, staffId, now }: { startMs: number; staffId: string; now: Date }): boolean {
  return slotsFrom(contextFrom(rules, []), { fromMs: startMs, toMs: startMs + 1, staffId, nowMs: now.getTime() }).some(
    (s) => s.startsAt.getTime() === startMs,
  );
}

/** Writes the appointment, its customer and audit row (write-booking.ts) and answers as appointmentSelect would read it back. */
async function insertBooking(
  q: Db | Tx,
  input: BookAppointmentInput,
  { staffId, startMs, rules, actor }: { staffId: string; startMs: number; rules: SchedulingRules; actor: Actor },
): Promise<AppointmentView> {
  const { service } = rules;
  const endMs = startMs + service.durationMinutes * MINUTE_MS;
  const id = newRowId();
  // Everything but what only the database knows (createdAt, the customer after the upsert),
  // which writeBooking fills in, in the audit row as in the answer.
  const known = {
    id,
    businessId: input.businessId,
    status: "booked" as const,
    channel: actor.channel,
    startsAt: new Date(startMs),
    endsAt: new Date(endMs),
    notes: input.notes ?? null,
    holdExpiresAt: null,
    rescheduledFromId: null,
    service: { id: service.id, name: service.name, durationMinutes: service.durationMinutes, priceCents: service.priceCents },
    staff: { id: staffId, name: rules.staff.find((s) => s.id === staffId)!.name },
  };
  const { customer, createdAt } = await writeBooking(
    q,
    {
      id,
      businessId: input.businessId,
      serviceId: input.serviceId,
      staffId,
      startsAt: known.startsAt,
      endsAt: known.endsAt,
      blockedFrom: new Date(startMs - service.bufferBeforeMinutes * MINUTE_MS),
      blockedUntil: new Date(endMs + service.bufferAfterMinutes * MINUTE_MS),
      notes: input.notes,
      idempotencyKey: input.idempotencyKey,
    },
    input.customer,
    actor,
    JSON.parse(JSON.stringify(known)) as Record<string, unknown>,
  );
  return { ...known, createdAt, customer };
}

function isRefusal(error: unknown): boolean {
  return error instanceof AppError || postgresErrorCode(error) === UNIQUE_VIOLATION || isSlotRefusal(error);
}

/**
 * A held appointment past its holdExpiresAt, of a staff member this booking could get, whose
 * blocked range meets the booking's: what clearExpiredHoldsInTheWay would cancel.
 */
function isLapsedHoldInTheWay(row: AppointmentRow, rules: SchedulingRules, startMs: number, now: Date): boolean {
  if (row.status !== "held" || !row.holdExpiresAt || row.holdExpiresAt.getTime() >= now.getTime()) return false;
  const { durationMinutes, bufferBeforeMinutes, bufferAfterMinutes } = rules.service;
  const blockedFrom = startMs - bufferBeforeMinutes * MINUTE_MS;
  const blockedUntil = startMs + (durationMinutes + bufferAfterMinutes) * MINUTE_MS;
  return row.blockedFrom.getTime() < blockedUntil && row.blockedUntil.getTime() > blockedFrom;
}

function findByIdempotencyKey(db: Db | Tx, businessId: string, idempotencyKey: string) {
  return db.appointment.findUnique({
    where: { businessId_idempotencyKey: { businessId, idempotencyKey } },
    select: appointmentSelect,
  });
}

interface NewAppointment {
  businessId: string;
  serviceId: string;
  staffId: string;
  customerId: string;
  startMs: number;
  endMs: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  channel: Actor["channel"];
  notes?: string;
  idempotencyKey?: string;
  status?: "booked" | "held";
  holdExpiresAt?: Date;
  rescheduledFromId?: string;
}

/** An appointment row with its buffer-widened blocked range. */
function appointmentData(a: NewAppointment) {
  return {
    businessId: a.businessId,
    serviceId: a.serviceId,
    staffId: a.staffId,
    customerId: a.customerId,
    startsAt: new Date(a.startMs),
    endsAt: new Date(a.endMs),
    blockedFrom: new Date(a.startMs - a.bufferBeforeMinutes * MINUTE_MS),
    blockedUntil: new Date(a.endMs + a.bufferAfterMinutes * MINUTE_MS),
    status: a.status ?? "booked",
    holdExpiresAt: a.holdExpiresAt,
    channel: a.channel,
    notes: a.notes,
    idempotencyKey: a.idempotencyKey,
    rescheduledFromId: a.rescheduledFromId,
  } as const;
}

/** Writes an appointment row and reads it back as every channel sees it (reschedule, waitlist holds). */
export function insertAppointment(tx: Tx, a: NewAppointment) {
  return tx.appointment.create({ data: appointmentData(a), select: appointmentSelect });
}
