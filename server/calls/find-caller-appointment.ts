// The caller's next upcoming appointment at this business, recognised by caller ID (the phone
// number is the customer's identity on the phone channel). Booked appointments only.
import type { Db } from "../db";
import { appointmentSelect } from "../scheduling/appointment-view";

export async function findCallerUpcomingAppointment(db: Db, { businessId, phone }: { businessId: string; phone: string }, { now }: { now: Date }) {
  return db.appointment.findFirst({
    where: { businessId, status: "booked", startsAt: { gt: now }, customer: { phone } },
    orderBy: { startsAt: "asc" },
    select: appointmentSelect,
  });
}
