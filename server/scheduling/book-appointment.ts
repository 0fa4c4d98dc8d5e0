// Books an appointment. Every channel (dashboard, phone agent, SMS, REST API) books through here.
// Availability is re-checked inside the transaction at commit time; the database's exclusion
// constraint is the final guard against a concurrent booking. A retried request with the same
// idempotency key returns the appointment it created the first time.
import { z } from "zod";
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import { customerDetails, findOrCreateCustomer, requireCustomer } from "../customers/find-or-create-customer";
import type { Db, Tx } from "../db";
import { EXCLUSION_VIOLATION, postgresErrorCode, UNIQUE_VIOLATION } from "../db-errors";
import { AppError } from "../errors";
import { clearExpiredHoldsInTheWay } from "../waitlist/cancel-expired-holds";
import { pickStaffFairly } from "./availability/pick-staff-fairly";
import { appointmentSelect } from "./appointment-view";
import { checkBookingWindow } from "./check-booking-window";
import { slotsFrom } from "./find-available-slots";
import { loadSchedulingContext } from "./load-scheduling-context";
import { unavailableSlotError } from "./slot-errors";

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


export async function bookAppointment(db: Db, rawInput: BookAppointmentInput, { actor, now }: { actor: Actor; now: Date }) {
  const input = bookAppointmentInput.parse(rawInput);
  if (input.idempotencyKey) {
    const previous = await findByIdempotencyKey(db, input.businessId, input.idempotencyKey);
    if (previous) return previous;
  }
  const startMs = input.startsAt.getTime();
  const staffFilter = input.staffId ?? undefined;
  const triedStaff = new Set<string>();

  // "Anyone" may lose a race for one person and still get another: retry with the next free one.
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        // A waitlist hold past its holdExpiresAt is dead, but until the expiry sweep gets to it
        // the row is still `held`: the slot engine counts it and the exclusion constraint would
        // refuse this booking. So lapsed holds overlapping this time are cancelled here first
        // (their entries marked expired), in this transaction, so a refused booking keeps them.
        await clearExpiredHoldsInTheWay(tx, { businessId: input.businessId, serviceId: input.serviceId, staffId: staffFilter, startMs, actor, now });
        const context = await loadSchedulingContext(tx, {
          businessId: input.businessId,
          serviceId: input.serviceId,
          staffId: staffFilter,
          fromMs: startMs,
          toMs: startMs + 1,
        });
        checkBookingWindow(context, startMs, now);
        const slot = slotsFrom(context, { fromMs: startMs, toMs: startMs + 1, staffId: staffFilter, nowMs: now.getTime() }).find(
          (s) => s.startsAt.getTime() === startMs,
        );
        const candidates = slot?.staffIds.filter((id) => !triedStaff.has(id)) ?? [];
        if (!slot || candidates.length === 0) {
          throw await unavailableSlotError(tx, context, { businessId: input.businessId, serviceId: input.serviceId, staffId: staffFilter, startMs, nowMs: now.getTime() });
        }
        const staffId =
          staffFilter ??
          pickStaffFairly({ slot: { startMs, staffIds: candidates }, timeZone: context.business.timezone, appointments: context.query.appointments })!;
        triedStaff.add(staffId);

        const customer =
          "id" in input.customer
            ? await requireCustomer(tx, { businessId: input.businessId, customerId: input.customer.id })
            : await findOrCreateCustomer(tx, { businessId: input.businessId, details: input.customer });
        const endMs = startMs + context.service.durationMinutes * MINUTE_MS;
        const appointment = await insertAppointment(tx, {
          businessId: input.businessId,
          serviceId: input.serviceId,
          staffId,
          customerId: customer.id,
          startMs,
          endMs,
          bufferBeforeMinutes: context.service.bufferBeforeMinutes,
          bufferAfterMinutes: context.service.bufferAfterMinutes,
          channel: actor.channel,
          notes: input.notes,
          idempotencyKey: input.idempotencyKey,
        });
        await recordAudit(tx, {
          businessId: input.businessId,
          actor,
          action: "appointment.book",
          entityType: "Appointment",
          entityId: appointment.id,
          after: appointment,
        });
        return appointment;
      });
    } catch (error) {
      const code = postgresErrorCode(error);
      if (code === UNIQUE_VIOLATION && input.idempotencyKey) {
        const previous = await findByIdempotencyKey(db, input.businessId, input.idempotencyKey);
        if (previous) return previous;
      }
      if (code === EXCLUSION_VIOLATION) {
        if (staffFilter) break;
        continue;
      }
      throw error;
    }
  }
  const context = await loadSchedulingContext(db, { businessId: input.businessId, serviceId: input.serviceId, staffId: staffFilter, fromMs: startMs, toMs: startMs + 1 });
  const error = await unavailableSlotError(db, context, { businessId: input.businessId, serviceId: input.serviceId, staffId: staffFilter, startMs, nowMs: now.getTime() });
  throw error.code === "SLOT_TAKEN" ? error : new AppError("SLOT_TAKEN", "That time was just taken.", error.data);
}

function findByIdempotencyKey(db: Db | Tx, businessId: string, idempotencyKey: string) {
  return db.appointment.findUnique({
    where: { businessId_idempotencyKey: { businessId, idempotencyKey } },
    select: appointmentSelect,
  });
}

/** The one place an appointment row is written, with its buffer-widened blocked range. */
export function insertAppointment(
  tx: Tx,
  a: {
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
  },
) {
  return tx.appointment.create({
    data: {
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
    },
    select: appointmentSelect,
  });
}
