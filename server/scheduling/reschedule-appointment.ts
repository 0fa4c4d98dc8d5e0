// Moves an appointment atomically: the old one is cancelled and the new one booked in one
// transaction, so if the new time fails (taken, outside hours) the old appointment stays.
import { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import type { Db } from "../db";
import { isSlotRefusal } from "../db-errors";
import { AppError } from "../errors";
import { handFreedSlotToWaitlist } from "../waitlist/hand-freed-slot-to-waitlist";
import { pickStaffFairly } from "./availability/pick-staff-fairly";
import { appointmentSelect } from "./appointment-view";
import { insertAppointment } from "./book-appointment";
import { assertCallerMayChange } from "./caller-policy";
import { checkBookingWindow } from "./check-booking-window";
import { slotsFrom } from "./find-available-slots";
import { loadSchedulingContext } from "./load-scheduling-context";
import { nearestAlternatives, unavailableSlotError } from "./slot-errors";

export const rescheduleAppointmentInput = z.object({
  businessId: z.string().min(1),
  appointmentId: z.string().min(1),
  startsAt: z.coerce.date({ message: "startsAt must be an ISO 8601 date-time" }),
  /** Absent: the same staff member. null: anyone free. */
  staffId: z.string().min(1).nullish(),
});

export type RescheduleAppointmentInput = z.infer<typeof rescheduleAppointmentInput>;

export async function rescheduleAppointment(db: Db, rawInput: RescheduleAppointmentInput, { actor, now }: { actor: Actor; now: Date }) {
  const input = rescheduleAppointmentInput.parse(rawInput);
  const startMs = input.startsAt.getTime();
  let result;
  try {
    result = await db.$transaction(async (tx) => {
      const old = await tx.appointment.findFirst({
        where: { id: input.appointmentId, businessId: input.businessId },
        select: { ...appointmentSelect, serviceId: true, staffId: true, customerId: true },
      });
      if (!old) throw new AppError("NOT_FOUND", "No such appointment.");
      if (old.status !== "booked") throw new AppError("CONFLICT", `This appointment is ${old.status.replace("_", "-")} and cannot be moved.`);
      const staffFilter = input.staffId === undefined ? old.staffId : (input.staffId ?? undefined);

      // Cancel first so the old appointment does not block its own new time.
      await tx.appointment.update({ where: { id: old.id }, data: { status: "cancelled", cancelledAt: now } });
      const context = await loadSchedulingContext(tx, {
        businessId: input.businessId,
        serviceId: old.serviceId,
        staffId: staffFilter,
        fromMs: startMs,
        toMs: startMs + 1,
      });
      assertCallerMayChange("reschedule", { actor, settings: context.business.settings, startsAt: old.startsAt, now });
      checkBookingWindow(context, startMs, now);
      const slot = slotsFrom(context, { fromMs: startMs, toMs: startMs + 1, staffId: staffFilter, nowMs: now.getTime() }).find(
        (s) => s.startsAt.getTime() === startMs,
      );
      if (!slot) {
        throw await unavailableSlotError(tx, context, { businessId: input.businessId, serviceId: old.serviceId, staffId: staffFilter, startMs, nowMs: now.getTime() });
      }
      const staffId =
        staffFilter ?? pickStaffFairly({ slot: { startMs, staffIds: slot.staffIds }, timeZone: context.business.timezone, appointments: context.query.appointments })!;
      const moved = await insertAppointment(tx, {
        businessId: input.businessId,
        serviceId: old.serviceId,
        staffId,
        customerId: old.customerId,
        startMs,
        endMs: startMs + context.service.durationMinutes * 60_000,
        bufferBeforeMinutes: context.service.bufferBeforeMinutes,
        bufferAfterMinutes: context.service.bufferAfterMinutes,
        channel: actor.channel,
        notes: old.notes ?? undefined,
        rescheduledFromId: old.id,
      });
      const { serviceId: _s, staffId: _st, customerId: _c, ...before } = old;
      await recordAudit(tx, {
        businessId: input.businessId,
        actor,
        action: "appointment.reschedule",
        entityType: "Appointment",
        entityId: moved.id,
        before,
        after: moved,
      });
      return moved;
    });
  } catch (error) {
    if (!isSlotRefusal(error)) throw error;
    // Lost a race at commit time; the transaction rolled back, so the old appointment stands.
    const old = await db.appointment.findFirst({ where: { id: input.appointmentId, businessId: input.businessId }, select: { serviceId: true, staffId: true } });
    const alternatives = old
      ? await nearestAlternatives(db, { businessId: input.businessId, serviceId: old.serviceId, staffId: input.staffId === undefined ? old.staffId : (input.staffId ?? undefined), startMs, nowMs: now.getTime() })
      : [];
    throw new AppError("SLOT_TAKEN", "That time was just taken.", { alternatives });
  }
  // After the commit, so a waitlist failure can never undo the move (it logs, never throws). The
  // slot engine sees the new appointment, so only time the move really gave up is offered.
  await handFreedSlotToWaitlist(db, { businessId: input.businessId, appointmentId: input.appointmentId }, { now });
  return result;
}
