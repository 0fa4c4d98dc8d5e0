// Every service of the business, offered or not, with its booking rules and who performs it, in
// the business's own order: the services settings page.
import type { Db, Tx } from "../db";

export const serviceSelect = {
  id: true,
  name: true,
  description: true,
  synonyms: true,
  durationMinutes: true,
  priceCents: true,
  currency: true,
  bufferBeforeMinutes: true,
  bufferAfterMinutes: true,
  minNoticeMinutes: true,
  bookingHorizonDays: true,
  slotIntervalMinutes: true,
  maxPerDay: true,
  active: true,
  staff: { orderBy: { staffId: "asc" }, select: { staffId: true } },
} as const;

type ServiceRow = { staff: { staffId: string }[] } & Record<string, unknown>;

export function serviceView<T extends ServiceRow>({ staff, ...service }: T) {
  return { ...service, staffIds: staff.map((s) => s.staffId) } as Omit<T, "staff"> & { staffIds: string[] };
}

export async function listServices(db: Db | Tx, { businessId }: { businessId: string }) {
  const services = await db.service.findMany({
    where: { businessId },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: serviceSelect,
  });
  return services.map(serviceView);
}
