// Every staff member of the business with their services, working hours and upcoming days off:
// the staff settings page.
import type { Db, Tx } from "../db";
import { AppError } from "../errors";
import { addDays, localDateTimeOf } from "../time/local-calendar";
import { overrideSelect, overrideView, toDateColumn } from "./get-business-hours";

export const staffSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  color: true,
  active: true,
  services: { orderBy: { serviceId: "asc" }, select: { serviceId: true } },
} as const;

type StaffRow = { services: { serviceId: string }[] } & Record<string, unknown>;

export function staffView<T extends StaffRow>({ services, ...member }: T) {
  return { ...member, serviceIds: services.map((s) => s.serviceId) } as Omit<T, "services"> & { serviceIds: string[] };
}

export async function listStaffMembers(db: Db | Tx, { businessId, now }: { businessId: string; now: Date }) {
  const business = await db.business.findUnique({ where: { id: businessId }, select: { timezone: true } });
  if (!business) throw new AppError("NOT_FOUND", "No such business.");
  const today = localDateTimeOf(now, business.timezone).date;
  const staff = await db.staffMember.findMany({
    where: { businessId },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      ...staffSelect,
      weeklyHours: { orderBy: [{ weekday: "asc" }, { startMinute: "asc" }], select: { weekday: true, startMinute: true, endMinute: true } },
      overrides: {
        where: { date: { gte: toDateColumn(addDays(today, -1)) } },
        orderBy: [{ date: "asc" }, { startMinute: "asc" }],
        select: overrideSelect,
      },
    },
  });
  return {
    timezone: business.timezone,
    today,
    staff: staff.map(({ overrides, ...member }) => ({ ...staffView(member), overrides: overrides.map(overrideView) })),
  };
}
