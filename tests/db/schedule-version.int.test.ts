// Business.scheduleVersion, raised by a deferred trigger on Appointment: once per committed row
// change, by whatever wrote it (Prisma or raw SQL), never by a rolled-back transaction, and only
// for the business whose appointments changed. The availability cache trusts exactly this.
import { describe, expect, it } from "vitest";
import { createBusinessFixture } from "../helpers/fixtures";
import { engines, useTestDatabase } from "../helpers/test-database";

const at = (hour: number) => new Date(Date.UTC(2027, 0, 4, hour));

describe.each(engines)("schedule version on %s", (engine) => {
  const database = useTestDatabase(engine);

  const version = async (businessId: string) =>
    (await database().prisma.business.findUniqueOrThrow({ where: { id: businessId }, select: { scheduleVersion: true } })).scheduleVersion;

  function appointment(f: Awaited<ReturnType<typeof createBusinessFixture>>, hour: number) {
    return {
      businessId: f.businessId,
      serviceId: f.serviceId,
      staffId: f.staffId,
      customerId: f.customerId,
      startsAt: at(hour),
      endsAt: at(hour + 1),
      blockedFrom: at(hour),
      blockedUntil: at(hour + 1),
      channel: "api" as const,
    };
  }

  it("rises once per committed appointment change, whoever writes it, and only for that business", async () => {
    const db = database().prisma;
    const f = await createBusinessFixture(db);
    const other = await createBusinessFixture(db);
    const start = await version(f.businessId);
    const untouched = await version(other.businessId);

    const first = await db.appointment.create({ data: appointment(f, 9), select: { id: true } });
    expect(await version(f.businessId)).toBe(start + 1);
    await db.appointment.update({ where: { id: first.id }, data: { status: "cancelled" } });
    expect(await version(f.businessId)).toBe(start + 2);
    // Two rows in one transaction: two changes.
    await db.$transaction([db.appointment.create({ data: appointment(f, 11) }), db.appointment.create({ data: appointment(f, 13) })]);
    expect(await version(f.businessId)).toBe(start + 4);
    await database().sql.query(`DELETE FROM "Appointment" WHERE "businessId" = $1 AND "status" = 'booked'`, [f.businessId]);
    expect(await version(f.businessId)).toBe(start + 6);

    expect(await version(other.businessId)).toBe(untouched);
  });

  it("stays put when the transaction rolls back, or when the exclusion constraint refuses the row", async () => {
    const db = database().prisma;
    const f = await createBusinessFixture(db);
    await db.appointment.create({ data: appointment(f, 9) });
    const start = await version(f.businessId);

    await expect(
      db.$transaction(async (tx) => {
        await tx.appointment.create({ data: appointment(f, 15) });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await expect(db.appointment.create({ data: appointment(f, 9) })).rejects.toThrow(); // overlaps the 09:00 one
    expect(await version(f.businessId)).toBe(start);
  });
});
