// The business's profile page: name, slug, time zone, contact details and the numbers callers dial.
import type { Db } from "../db";
import { AppError } from "../errors";

export async function getBusinessProfile(db: Db, { businessId }: { businessId: string }) {
  const business = await db.business.findUnique({
    where: { id: businessId },
    select: {
      id: true,
      name: true,
      slug: true,
      timezone: true,
      contactPhone: true,
      email: true,
      address: true,
      phoneNumbers: { orderBy: { createdAt: "asc" }, select: { id: true, e164: true, label: true } },
    },
  });
  if (!business) throw new AppError("NOT_FOUND", "No such business.");
  return business;
}
