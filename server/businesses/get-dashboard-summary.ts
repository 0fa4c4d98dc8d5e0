// What the dashboard's front page shows: the business, today's appointments in its timezone,
// recent calls and the outbox.
import { TZDate } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";
import type { Db } from "../db";

export async function getDashboardSummary(db: Db, { businessId, now }: { businessId: string; now: Date }) {
  const business = await db.business.findUniqueOrThrow({
    where: { id: businessId },
    select: { id: true, name: true, slug: true, timezone: true, phoneNumbers: { select: { e164: true } } },
  });
  const dayStart = startOfDay(new TZDate(now.getTime(), business.timezone));
  const dayEnd = addDays(dayStart, 1);
  const [todaysAppointments, upcomingCount, recentCalls, queuedMessages, staffCount, serviceCount] =
    await Promise.all([
      db.appointment.findMany({
        where: { businessId, startsAt: { gte: dayStart, lt: dayEnd }, status: { in: ["booked", "completed"] } },
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          status: true,
          service: { select: { name: true } },
          staff: { select: { name: true } },
          customer: { select: { name: true, phone: true } },
        },
      }),
      db.appointment.count({ where: { businessId, status: "booked", startsAt: { gte: now } } }),
      db.call.findMany({
        where: { businessId },
        orderBy: { startedAt: "desc" },
        take: 5,
        select: { id: true, fromNumber: true, startedAt: true, status: true, outcome: true, estimatedCostMicros: true },
      }),
      db.message.count({ where: { businessId, status: "queued" } }),
      db.staffMember.count({ where: { businessId, active: true } }),
      db.service.count({ where: { businessId, active: true } }),
    ]);
  return { business, todaysAppointments, upcomingCount, recentCalls, queuedMessages, staffCount, serviceCount };
}
