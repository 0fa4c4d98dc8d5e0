// StaffMember.scheduleVersion, raised by a deferred trigger on Appointment: once per committed row
// change of that person's appointments, by whatever wrote it (Prisma or raw SQL), never by a
// rolled-back or refused write, and for both people when an appointment moves from one to the
// other. The availability cache trusts a business's sum of these to change with every change.
import { describe, expect, it } from "vitest";
import { createBusinessFixture } from "../helpers/fixtures";
import { engines, useTestDatabase } from "../helpers/test-database";

const at = (hour: number) => new Date(Date.UTC(2027, 0, 4, hour));

describe.each(engines)("schedule version on %s", (engine) => {
  const database = useTestDatabase(engine);

  const version = async (staffId: string) =>
    (await database().prisma.staffMember.findUniqueOrThrow({ where: { id: staffId }, select: { scheduleVersion: true } })).scheduleVersion;

  function appointment(f: Awaited<ReturnType<typeof createBusinessFixture>>, hour: number, staffId = f.staffId) {
    return {
      businessId: f.businessId,
      serviceId: f.serviceId,
      staffId,
      customerId: f.customerId,
      startsAt: at(hour),
      endsAt: at(hour + 1),
      blockedFrom: at(hour),
      blockedUntil: at(hour + 1),
      channel: "api" as const,
    };
  }

  it("rises once per committed change to the person's appointments, whoever writes it, and for no one else", async () => {
    const db = database().prisma;
    const f = await createBusinessFixture(db);
    const start = await version(f.staffId);
    const colleague = await version(f.otherStaffId);

    const first = await db.appointment.create({ data: appointment(f, 9), select: { id: true } });
    expect(await version(f.staffId)).toBe(start + 1);
    await db.appointment.update({ where: { id: first.id }, data: { status: "cancelled" } });
    expect(await version(f.staffId)).toBe(start + 2);
    // Two rows in one transaction: two changes.
    await db.$transaction([db.appointment.create({ data: appointment(f, 11) }), db.appointment.create({ data: appointment(f, 13) })]);
    expect(await version(f.staffId)).toBe(start + 4);
    await database().sql.query(`DELETE FROM "Appointment" WHERE "staffId" = $1 AND "status" = 'booked'`, [f.staffId]);
    expect(await version(f.staffId)).toBe(start + 6);

    expect(await version(f.otherStaffId)).toBe(colleague);
  });

  it("raises both people's when an appointment moves from one to the other", async () => {
    const db = database().prisma;
    const f = await createBusinessFixture(db);
    const moved = await db.appointment.create({ data: appointment(f, 9), select: { id: true } });
    const [mine, theirs] = [await version(f.staffId), await version(f.otherStaffId)];
    await database().sql.query(`UPDATE "Appointment" SET "staffId" = $2 WHERE "id" = $1`, [moved.id, f.otherStaffId]);
    expect([await version(f.staffId), await version(f.otherStaffId)]).toEqual([mine + 1, theirs + 1]);
  });

  it("stays put when the transaction rolls back, or when the exclusion constraint refuses the row", async () => {
    const db = database().prisma;
    const f = await createBusinessFixture(db);
    await db.appointment.create({ data: appointment(f, 9) });
    const start = await version(f.staffId);

    await expect(
      db.$transaction(async (tx) => {
        await tx.appointment.create({ data: appointment(f, 15) });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await expect(db.appointment.create({ data: appointment(f, 9) })).rejects.toThrow(); // overlaps the 09:00 one
    expect(await version(f.staffId)).toBe(start);
  });
});
