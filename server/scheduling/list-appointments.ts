// The appointments of one local day or one local week (Monday to Sunday) of a business, with
// everything the dashboard's day and week views need to place them: the business's local date
// and wall-clock minutes of each appointment, its staff columns and the hours the grid spans.
// "Local" is always the business's time zone: an appointment at 23:30 in New York belongs to
// that New York day although it is already the next day in UTC.
import { z } from "zod";
import { addDays, localDateTimeOf, localDateTimeToInstant, splitDate, startOfWeek } from "../time/local-calendar";
import type { Db } from "../db";
import { AppError } from "../errors";

/** A calendar date on the business's wall calendar, "YYYY-MM-DD". */
export const localDateInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Dates look like 2026-11-24")
  .refine((date) => {
    const { year, month, day } = splitDate(date);
    const utc = new Date(Date.UTC(year, month - 1, day));
    return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
  }, "That date does not exist");

export const listAppointmentsInput = z.object({
  businessId: z.string().min(1),
  range: z.enum(["day", "week"]),
  /** Absent: today in the business's time zone. */
  date: localDateInput.optional(),
});

export type ListAppointmentsInput = z.infer<typeof listAppointmentsInput>;

/** Cancelled appointments (including the old half of a reschedule) are not shown. */
const SHOWN_STATUSES = ["held", "booked", "completed", "no_show"] as const;
const DEFAULT_WINDOW = { startMinute: 9 * 60, endMinute: 17 * 60 };

export async function listAppointments(db: Db, rawInput: ListAppointmentsInput, { now }: { now: Date }) {
  const input = listAppointmentsInput.parse(rawInput);
  const business = await db.business.findUnique({ where: { id: input.businessId }, select: { timezone: true } });
  if (!business) throw new AppError("NOT_FOUND", "No such business.");
  const timezone = business.timezone;
  const today = localDateTimeOf(now, timezone).date;
  const date = input.date ?? today;
  const firstDay = input.range === "day" ? date : startOfWeek(date);
  const days = Array.from({ length: input.range === "day" ? 1 : 7 }, (_, i) => addDays(firstDay, i));
  const from = new Date(localDateTimeToInstant(firstDay, { hour: 0, minute: 0 }, timezone));
  const to = new Date(localDateTimeToInstant(addDays(firstDay, days.length), { hour: 0, minute: 0 }, timezone));

  const [rows, hours] = await Promise.all([
    db.appointment.findMany({
      where: { businessId: input.businessId, startsAt: { gte: from, lt: to }, status: { in: [...SHOWN_STATUSES] } },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        status: true,
        startsAt: true,
        endsAt: true,
        notes: true,
        service: { select: { id: true, name: true, durationMinutes: true } },
        staff: { select: { id: true, name: true, color: true } },
        customer: { select: { id: true, name: true, phone: true, email: true } },
      },
    }),
    db.weeklyHours.findMany({ where: { businessId: input.businessId }, select: { startMinute: true, endMinute: true } }),
  ]);
  const staff = await db.staffMember.findMany({
    // Former staff keep a column while they still have appointments in the range.
    where: { businessId: input.businessId, OR: [{ active: true }, { id: { in: [...new Set(rows.map((a) => a.staff.id))] } }] },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, color: true, active: true },
  });

  const appointments = rows.map((a) => {
    const start = localDateTimeOf(a.startsAt, timezone);
    const end = localDateTimeOf(a.endsAt, timezone);
    const startMinute = start.time.hour * 60 + start.time.minute;
    const endMinute = end.time.hour * 60 + end.time.minute + (end.date === start.date ? 0 : 1440);
    return { ...a, localDate: start.date, startMinute, endMinute };
  });

  return { timezone, range: input.range, date, today, days, from, to, window: gridWindow(hours, appointments), staff, appointments };
}

export type AppointmentList = Awaited<ReturnType<typeof listAppointments>>;

/** Whole hours covering the business's opening hours and every listed appointment. */
function gridWindow(hours: { startMinute: number; endMinute: number }[], appointments: { startMinute: number; endMinute: number }[]) {
  const ranges = [...hours, ...appointments.map((a) => ({ startMinute: a.startMinute, endMinute: a.endMinute }))];
  if (ranges.length === 0) return DEFAULT_WINDOW;
  const start = Math.min(...ranges.map((r) => r.startMinute));
  const end = Math.max(...ranges.map((r) => r.endMinute));
  return { startMinute: Math.floor(start / 60) * 60, endMinute: Math.min(Math.ceil(end / 60) * 60, 48 * 60) };
}
