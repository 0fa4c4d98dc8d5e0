// The simulated caller's appointments as the console shows them beside the chat: from a day ago
// on, every status, so a booking, a move (old one cancelled, new one booked) or a cancellation made
// in the conversation shows up after the turn that made it.
import type { Db } from "../db";
import type { CallerAppointment } from "./console-schemas";

const LOOK_BACK_MS = 24 * 3600_000;
const SHOWN = 25;

export async function listCallerAppointments(db: Db, { businessId, callerPhone }: { businessId: string; callerPhone: string }, { now }: { now: Date }): Promise<CallerAppointment[]> {
  const rows = await db.appointment.findMany({
    where: { businessId, customer: { businessId, phone: callerPhone }, endsAt: { gte: new Date(now.getTime() - LOOK_BACK_MS) } },
    orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
    take: SHOWN,
    select: {
      id: true, status: true, channel: true, startsAt: true, endsAt: true, rescheduledFromId: true,
      service: { select: { name: true } }, staff: { select: { name: true } },
    },
  });
  return rows.map(({ service, staff, ...a }) => ({ ...a, service: service.name, staff: staff.name }));
}
