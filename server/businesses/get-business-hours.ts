// The hours page: the business's weekly opening hours and its date overrides (holidays, special
// hours) from a month ago onwards, with today's date on the business's own calendar.
import type { Db } from "../db";
import { AppError } from "../errors";
import { addDays, localDateTimeOf } from "../time/local-calendar";

const weeklySelect = { weekday: true, startMinute: true, endMinute: true } as const;
export const overrideSelect = { staffId: true, date: true, closed: true, startMinute: true, endMinute: true, reason: true } as const;

/** A @db.Date column arrives as UTC midnight of its calendar date. */
export const dateOnly = (date: Date) => date.toISOString().slice(0, 10);
export const toDateColumn = (date: string) => new Date(`${date}T00:00:00Z`);

export function overrideView(o: { staffId: string | null; date: Date; closed: boolean; startMinute: number | null; endMinute: number | null; reason: string | null }) {
  return { staffId: o.staffId, date: dateOnly(o.date), closed: o.closed, startMinute: o.startMinute, endMinute: o.endMinute, reason: o.reason };
}

export async function getBusinessHours(db: Db, { businessId, now }: { businessId: string; now: Date }) {
  const business = await db.business.findUnique({ where: { id: businessId }, select: { timezone: true } });
  if (!business) throw new AppError("NOT_FOUND", "No such business.");
  const today = localDateTimeOf(now, business.timezone).date;
  const [weekly, overrides] = await Promise.all([
    db.weeklyHours.findMany({
      where: { businessId, staffId: null },
      orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
      select: weeklySelect,
    }),
    db.dateOverride.findMany({
      where: { businessId, staffId: null, date: { gte: toDateColumn(addDays(today, -31)) } },
      orderBy: [{ date: "asc" }, { startMinute: "asc" }],
      select: overrideSelect,
    }),
  ]);
  return { timezone: business.timezone, today, weekly, overrides: overrides.map(overrideView) };
}
