// Replaces one section of Business.settings (booking, agent, faq, notifications) and writes the
// audit row with the section before and after, in one transaction. The business row is locked
// first, so two admins saving different sections at once cannot overwrite each other's change.
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { parseSettingsSection, settingsSections, type BusinessSettings, type SettingsSection } from "./business-settings";

export async function writeSettingsSection<K extends SettingsSection>(
  db: Db,
  { businessId, section, value }: { businessId: string; section: K; value: BusinessSettings[K] },
  { actor, action }: { actor: Actor; action: string },
): Promise<BusinessSettings[K]> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Business" WHERE id = ${businessId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", "No such business.");
    const business = await tx.business.findUniqueOrThrow({ where: { id: businessId }, select: { settings: true } });
    const stored = (business.settings ?? {}) as Record<string, unknown>;
    const before = parseSettingsSection(section, stored[section]);
    const after = settingsSections[section].parse(value) as BusinessSettings[K];
    await tx.business.update({
      where: { id: businessId },
      data: { settings: { ...stored, [section]: after } as Prisma.InputJsonObject },
    });
    await recordAudit(tx, { businessId, actor, action, entityType: "BusinessSettings", entityId: businessId, before: { [section]: before }, after: { [section]: after } });
    return after;
  });
}
