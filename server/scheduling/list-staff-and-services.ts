// What a booking form offers: the business's active services (with who performs each) and its
// active staff, in the business's own order.
import type { Db } from "../db";
import { AppError } from "../errors";

export async function listStaffAndServices(db: Db, { businessId }: { businessId: string }) {
  const [business, services, staff] = await Promise.all([
    db.business.findUnique({ where: { id: businessId }, select: { timezone: true } }),
    db.service.findMany({
      where: { businessId, active: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        durationMinutes: true,
        priceCents: true,
        currency: true,
        staff: { where: { staff: { active: true } }, select: { staffId: true } },
      },
    }),
    db.staffMember.findMany({
      where: { businessId, active: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, color: true },
    }),
  ]);
  if (!business) throw new AppError("NOT_FOUND", "No such business.");
  return {
    timezone: business.timezone,
    services: services.map(({ staff: performers, ...service }) => ({ ...service, staffIds: performers.map((p) => p.staffId) })),
    staff,
  };
}

export type StaffAndServices = Awaited<ReturnType<typeof listStaffAndServices>>;
