// Sets one local date's hours for the business (a holiday, special hours) or for one staff member
// (a day off), replacing whatever that date had. The slot engine reads these rows directly.
import type { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import type { Db } from "../db";
import { AppError } from "../errors";
import { overrideSelect, overrideView, toDateColumn } from "./get-business-hours";
import type { upsertDateOverrideInput } from "./weekly-hours-input";

export async function upsertDateOverride(
  db: Db,
  { businessId, staffId, date, closed, startMinute, endMinute, reason }: { businessId: string } & z.output<typeof upsertDateOverrideInput>,
  { actor }: { actor: Actor },
) {
  const day = toDateColumn(date);
  return db.$transaction(async (tx) => {
    if (staffId !== null) {
      const staff = await tx.staffMember.findFirst({ where: { id: staffId, businessId }, select: { id: true } });
      if (!staff) throw new AppError("NOT_FOUND", "No such staff member.");
    }
    const before = await tx.dateOverride.findMany({ where: { businessId, staffId, date: day }, select: overrideSelect });
    await tx.dateOverride.deleteMany({ where: { businessId, staffId, date: day } });
    const row = await tx.dateOverride.create({
      data: {
        businessId,
        staffId,
        date: day,
        closed,
        startMinute: closed ? null : startMinute,
        endMinute: closed ? null : endMinute,
        reason,
      },
      select: overrideSelect,
    });
    const after = overrideView(row);
    await recordAudit(tx, {
      businessId,
      actor,
      action: "date_override.set",
      entityType: staffId ? "StaffMember" : "Business",
      entityId: staffId ?? businessId,
      before: before.length ? before.map(overrideView) : undefined,
      after,
    });
    return after;
  });
}
