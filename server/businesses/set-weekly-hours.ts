// Replaces a week of hours: the business's opening hours (staffId null) or one staff member's
// working hours. Staff are bookable inside their own hours intersected with the business's.
import type { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { setWeeklyHoursInput } from "./weekly-hours-input";

const rangeSelect = { weekday: true, startMinute: true, endMinute: true } as const;
const order = [{ weekday: "asc" }, { startMinute: "asc" }] as const;

export async function setWeeklyHours(
  db: Db,
  { businessId, staffId, hours }: { businessId: string } & z.output<typeof setWeeklyHoursInput>,
  { actor }: { actor: Actor },
) {
  return db.$transaction(async (tx) => {
    if (staffId !== null) {
      const staff = await tx.staffMember.findFirst({ where: { id: staffId, businessId }, select: { id: true } });
      if (!staff) throw new AppError("NOT_FOUND", "No such staff member.");
    }
    const before = await tx.weeklyHours.findMany({ where: { businessId, staffId }, orderBy: [...order], select: rangeSelect });
    await tx.weeklyHours.deleteMany({ where: { businessId, staffId } });
    await tx.weeklyHours.createMany({ data: hours.map((h) => ({ businessId, staffId, weekday: h.weekday, startMinute: h.startMinute, endMinute: h.endMinute })) });
    const after = await tx.weeklyHours.findMany({ where: { businessId, staffId }, orderBy: [...order], select: rangeSelect });
    await recordAudit(tx, {
      businessId,
      actor,
      action: staffId ? "staff.hours.set" : "business.hours.set",
      entityType: staffId ? "StaffMember" : "Business",
      entityId: staffId ?? businessId,
      before: { hours: before },
      after: { hours: after },
    });
    return after;
  });
}
