// The business's settings (booking policy, receptionist, FAQ, notifications, public availability)
// with every default filled in, for the settings pages and anyone else who reads them.
import type { Db } from "../db";
import { AppError } from "../errors";
import { parseBusinessSettings } from "./business-settings";

export async function getSettings(db: Db, { businessId }: { businessId: string }) {
  const business = await db.business.findUnique({ where: { id: businessId }, select: { timezone: true, contactPhone: true, settings: true } });
  if (!business) throw new AppError("NOT_FOUND", "No such business.");
  const { booking, agent, faq, notifications, publicAvailability } = parseBusinessSettings(business.settings);
  return { timezone: business.timezone, contactPhone: business.contactPhone, booking, agent, faq, notifications, publicAvailability };
}
