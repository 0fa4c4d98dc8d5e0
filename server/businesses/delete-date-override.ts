// Removes one date's override, so the weekly hours apply to that date again.
import type { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import type { Db } from "../db";
import { AppError } from "../errors";
import { overrideSelect, overrideView, toDateColumn } from "./get-business-hours";
import type { deleteDateOverrideInput } from "./weekly-hours-input";

export async function deleteDateOverride(
  db: Db,
  { businessId, staffId, date }: { businessId: string } & z.output<typeof deleteDateOverrideInput>,
  { actor }: { actor: Actor },
) {
  const day = toDateColumn(date);
  return db.$transaction(async (tx) => {
    const before = await tx.dateOverride.findMany({ where: { businessId, staffId, date: day }, select: overrideSelect });
    if (before.length === 0) throw new AppError("NOT_FOUND", "That date has no special hours.");
    await tx.dateOverride.deleteMany({ where: { businessId, staffId, date: day } });
    await recordAudit(tx, {
      businessId,
      actor,
      action: "date_override.delete",
      entityType: staffId ? "StaffMember" : "Business",
      entityId: staffId ?? businessId,
      before: before.map(overrideView),
    });
    return { staffId, date };
  });
}
