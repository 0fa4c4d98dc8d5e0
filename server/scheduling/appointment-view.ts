// The appointment as commands return it to every channel.
import type { Db, Tx } from "../db";

export const appointmentSelect = {
  id: true,
  businessId: true,
  status: true,
  channel: true,
  startsAt: true,
  endsAt: true,
  notes: true,
  holdExpiresAt: true,
  rescheduledFromId: true,
  createdAt: true,
  service: { select: { id: true, name: true, durationMinutes: true, priceCents: true } },
  staff: { select: { id: true, name: true } },
  customer: { select: { id: true, name: true, phone: true, email: true } },
} as const;

export type AppointmentView = Awaited<ReturnType<typeof getAppointment>> & {};

export function getAppointment(db: Db | Tx, { businessId, appointmentId }: { businessId: string; appointmentId: string }) {
  return db.appointment.findFirst({ where: { id: appointmentId, businessId }, select: appointmentSelect });
}
