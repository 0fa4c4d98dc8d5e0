// What the business has connected: calendar connections, the numbers callers dial and its
// active API keys. Which provider each part of the app runs on is process-wide configuration
// (providerModes), added by the page itself.
import type { Db } from "../db";

export async function getIntegrationsStatus(db: Db, { businessId }: { businessId: string }) {
  const [calendars, phoneNumbers, activeApiKeys] = await Promise.all([
    db.calendarConnection.findMany({
      where: { businessId },
      orderBy: { createdAt: "asc" },
      select: { id: true, provider: true, accountEmail: true, status: true, lastSyncedAt: true, staff: { select: { name: true } } },
    }),
    db.phoneNumber.findMany({ where: { businessId }, orderBy: { createdAt: "asc" }, select: { e164: true, label: true } }),
    db.apiKey.count({ where: { businessId, revokedAt: null } }),
  ]);
  return {
    calendars: calendars.map(({ staff, ...c }) => ({ ...c, staffName: staff?.name ?? null })),
    phoneNumbers,
    activeApiKeys,
  };
}
