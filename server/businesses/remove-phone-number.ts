// Disconnects a number from the business; calls to it no longer reach this business.
import type { Actor } from "../audit";
import { recordAudit } from "../audit";
import type { Db } from "../db";
import { AppError } from "../errors";

export async function removePhoneNumber(db: Db, { businessId, phoneNumberId }: { businessId: string; phoneNumberId: string }, { actor }: { actor: Actor }) {
  return db.$transaction(async (tx) => {
    const before = await tx.phoneNumber.findFirst({ where: { id: phoneNumberId, businessId }, select: { id: true, e164: true, label: true } });
    if (!before) throw new AppError("NOT_FOUND", "No such phone number.");
    await tx.phoneNumber.deleteMany({ where: { id: phoneNumberId, businessId } });
    await recordAudit(tx, { businessId, actor, action: "phone_number.remove", entityType: "PhoneNumber", entityId: phoneNumberId, before });
    return { id: phoneNumberId };
  });
}
