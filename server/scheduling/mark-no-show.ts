// Marks a booked appointment whose start has passed as a no-show (frees nothing retroactively,
// but counts for the customer's history and the dashboard).
import { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import type { Db } from "../db";
import { AppError } from "../errors";
import { appointmentSelect } from "./appointment-view";

export const markNoShowInput = z.object({ businessId: z.string().min(1), appointmentId: z.string().min(1) });

export async function markNoShow(db: Db, rawInput: z.infer<typeof markNoShowInput>, { actor, now }: { actor: Actor; now: Date }) {
  const input = markNoShowInput.parse(rawInput);
  return db.$transaction(async (tx) => {
    const before = await tx.appointment.findFirst({ where: { id: input.appointmentId, businessId: input.businessId }, select: appointmentSelect });
    if (!before) throw new AppError("NOT_FOUND", "No such appointment.");
    if (before.status !== "booked") throw new AppError("CONFLICT", `Only a booked appointment can be marked as a no-show; this one is ${before.status.replace("_", "-")}.`);
    if (before.startsAt > now) throw new AppError("CONFLICT", "An appointment can be marked as a no-show only after it was due to start.");
    const after = await tx.appointment.update({ where: { id: before.id }, data: { status: "no_show" }, select: appointmentSelect });
    await recordAudit(tx, { businessId: input.businessId, actor, action: "appointment.no_show", entityType: "Appointment", entityId: after.id, before, after });
    return after;
  });
}
