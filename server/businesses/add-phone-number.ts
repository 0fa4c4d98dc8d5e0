// Connects a number callers dial to the business: the voice and SMS webhooks find the business by
// the number called. A number rings one business only.
import type { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import type { Db } from "../db";
import { postgresErrorCode, UNIQUE_VIOLATION } from "../db-errors";
import type { addPhoneNumberInput } from "./business-profile-input";
import { fieldError } from "./field-error";

export const NUMBER_TAKEN = "This number is already connected to a business. Use another number.";

export async function addPhoneNumber(
  db: Db,
  { businessId, e164, label }: { businessId: string } & z.output<typeof addPhoneNumberInput>,
  { actor }: { actor: Actor },
) {
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.phoneNumber.create({ data: { businessId, e164, label }, select: { id: true, e164: true, label: true } });
      await recordAudit(tx, { businessId, actor, action: "phone_number.add", entityType: "PhoneNumber", entityId: row.id, after: row });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("CONFLICT", "e164", NUMBER_TAKEN);
    throw error;
  }
}

/** Prisma reports a unique violation as P2002, or through the driver adapter as SQLSTATE 23505. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002" || postgresErrorCode(error) === UNIQUE_VIOLATION;
}
