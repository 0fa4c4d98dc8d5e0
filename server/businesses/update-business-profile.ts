// Changes the business's name, time zone and contact details. The slug stays as it was: public
// API addresses (/api/v1/businesses/<slug>/…) already handed out must keep working. Opening hours
// are local wall times, so they keep their meaning when the time zone changes.
import type { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import type { Db } from "../db";
import { AppError } from "../errors";
import { assertValidTimeZone } from "../scheduling/availability/assert-time-zone";
import type { updateBusinessProfileInput } from "./business-profile-input";
import { fieldError } from "./field-error";

const profileSelect = { name: true, timezone: true, contactPhone: true, email: true, address: true } as const;

export async function updateBusinessProfile(
  db: Db,
  { businessId, ...profile }: { businessId: string } & z.output<typeof updateBusinessProfileInput>,
  { actor }: { actor: Actor },
) {
  try {
    assertValidTimeZone(profile.timezone);
  } catch {
    throw fieldError("INVALID_INPUT", "timezone", "Choose a time zone from the list, such as America/New_York.");
  }
  return db.$transaction(async (tx) => {
    const before = await tx.business.findUnique({ where: { id: businessId }, select: profileSelect });
    if (!before) throw new AppError("NOT_FOUND", "No such business.");
    const after = await tx.business.update({ where: { id: businessId }, data: profile, select: profileSelect });
    await recordAudit(tx, { businessId, actor, action: "business.update", entityType: "Business", entityId: businessId, before, after });
    return after;
  });
}
