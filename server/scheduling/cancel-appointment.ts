// Cancels an appointment (or withdraws a waitlist hold). Callers are bound by the business's
// cancellation window; owners, staff and API keys are not.
import { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import { parseBusinessSettings } from "../businesses/business-settings";
import type { Db } from "../db";
import { AppError } from "../errors";
import { handFreedSlotToWaitlist } from "../waitlist/hand-freed-slot-to-waitlist";
import { appointmentSelect } from "./appointment-view";
import { assertCallerMayChange } from "./caller-policy";

export const cancelAppointmentInput = z.object({
  businessId: z.string().min(1),
  appointmentId: z.string().min(1),
  reason: z.string().trim().max(500).optional(),
});

export type CancelAppointmentInput = z.infer<typeof cancelAppointmentInput>;

export async function cancelAppointment(db: Db, rawInput: CancelAppointmentInput, { actor, now }: { actor: Actor; now: Date }) {
  const input = cancelAppointmentInput.parse(rawInput);
  let freed = false;
  const result = await db.$transaction(async (tx) => {
    const appointment = await tx.appointment.findFirst({
      where: { id: input.appointmentId, businessId: input.businessId },
      select: { ...appointmentSelect, business: { select: { settings: true } } },
    });
    if (!appointment) throw new AppError("NOT_FOUND", "No such appointment.");
    const { business, ...before } = appointment;
    if (before.status === "cancelled") return before; // cancelling twice is not an error
    if (before.status !== "booked" && before.status !== "held") {
      throw new AppError("CONFLICT", `This appointment is ${before.status.replace("_", "-")} and cannot be cancelled.`);
    }
    assertCallerMayChange("cancel", { actor, settings: parseBusinessSettings(business.settings), startsAt: before.startsAt, now });
    const cancelled = await tx.appointment.update({
      where: { id: before.id },
      data: { status: "cancelled", cancelledAt: now, notes: input.reason ? joinNotes(before.notes, `Cancelled: ${input.reason}`) : undefined },
      select: appointmentSelect,
    });
    await recordAudit(tx, {
      businessId: input.businessId,
      actor,
      action: "appointment.cancel",
      entityType: "Appointment",
      entityId: cancelled.id,
      before,
      after: cancelled,
    });
    freed = true;
    return cancelled;
  });
  // After the commit, so a waitlist failure can never undo the cancellation (it logs, never throws).
  if (freed) await handFreedSlotToWaitlist(db, { businessId: input.businessId, appointmentId: result.id }, { now });
  return result;
}

function joinNotes(existing: string | null, line: string): string {
  return existing ? `${existing}\n${line}` : line;
}
