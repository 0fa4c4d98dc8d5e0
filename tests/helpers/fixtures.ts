// Small builders for integration tests: a business with one staff member, a service and a customer.
import type { Db } from "../../server/db";

let counter = 0;

export async function createBusinessFixture(db: Db, overrides: { timezone?: string } = {}) {
  counter += 1;
  const suffix = `${Date.now().toString(36)}${counter}`;
  const business = await db.business.create({
    data: { name: `Test Business ${suffix}`, slug: `test-${suffix}`, timezone: overrides.timezone ?? "America/New_York" },
    select: { id: true },
  });
  const businessId = business.id;
  const [staff, otherStaff, service, customer] = await Promise.all([
    db.staffMember.create({ data: { businessId, name: "Alex" }, select: { id: true } }),
    db.staffMember.create({ data: { businessId, name: "Sam" }, select: { id: true } }),
    db.service.create({
      data: { businessId, name: "Haircut", durationMinutes: 30, bufferAfterMinutes: 10 },
      select: { id: true },
    }),
    db.customer.create({ data: { businessId, phone: `+1555000${String(counter).padStart(4, "0")}` }, select: { id: true } }),
  ]);
  return { businessId, staffId: staff.id, otherStaffId: otherStaff.id, serviceId: service.id, customerId: customer.id };
}

/**
 * Appointment.create data for a fixture business: its first staff member, service and customer
 * unless told otherwise, with the blocked range equal to the appointment (no buffers).
 */
export function appointmentData(
  f: Awaited<ReturnType<typeof createBusinessFixture>>,
  startsAt: Date,
  endsAt: Date,
  extra: { staffId?: string; status?: "booked" | "cancelled" | "held"; notes?: string } = {},
) {
  return {
    businessId: f.businessId,
    serviceId: f.serviceId,
    staffId: extra.staffId ?? f.staffId,
    customerId: f.customerId,
    startsAt,
    endsAt,
    blockedFrom: startsAt,
    blockedUntil: endsAt,
    status: extra.status ?? ("booked" as const),
    channel: "api" as const,
    notes: extra.notes,
  };
}
