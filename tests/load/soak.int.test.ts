// The soak's short form: a few hundred randomised concurrent operations, then the invariants.
import { describe, expect, it } from "vitest";
import { engines, useTestDatabase } from "../helpers/test-database";
import { checkInvariants, createSoakBusiness, runSoak } from "./soak";

describe.each(engines)("soak (short form) on %s", (engine) => {
  const database = useTestDatabase(engine);

  it("keeps every invariant through randomised concurrent book, reschedule and cancel", async () => {
    const db = database().prisma;
    const setup = await createSoakBusiness(db, 3);
    const result = await runSoak(db, setup, { operations: 300, concurrency: 12, seed: 20261124, days: 2 });
    expect(result.unexpected).toEqual([]);
    expect(result.succeeded.book).toBeGreaterThan(50);
    expect(result.succeeded.reschedule).toBeGreaterThan(10);
    expect(result.succeeded.cancel).toBeGreaterThan(10);
    expect(result.refused).toBeGreaterThan(0); // two busy days: collisions must have happened
    expect(await checkInvariants(db, setup.businessId)).toEqual([]);
  });

  // Runs last in its suite: it drops the exclusion constraint of this throwaway database so that
  // an overlap can be planted and the checker proven to see it.
  it("notices a planted overlap and an appointment with no audit record", async () => {
    const db = database().prisma;
    const setup = await createSoakBusiness(db, 1);
    const customer = await db.customer.create({ data: { businessId: setup.businessId, phone: "+15550009999" }, select: { id: true } });
    await database().sql.exec(`ALTER TABLE "Appointment" DROP CONSTRAINT "Appointment_no_overlap"`);
    const at = Date.parse("2026-11-30T15:00:00Z");
    for (const offset of [0, 15 * 60_000]) {
      const startsAt = new Date(at + offset);
      const endsAt = new Date(at + offset + 1_800_000);
      await db.appointment.create({
        data: { businessId: setup.businessId, serviceId: setup.serviceId, staffId: setup.staffIds[0]!, customerId: customer.id, startsAt, endsAt, blockedFrom: startsAt, blockedUntil: endsAt, channel: "api" },
      });
    }
    const problems = await checkInvariants(db, setup.businessId);
    expect(problems).toContain("1 pairs of active appointments overlap");
    expect(problems.filter((p) => /has 0 creation audit rows/.test(p))).toHaveLength(2);
  });
});
