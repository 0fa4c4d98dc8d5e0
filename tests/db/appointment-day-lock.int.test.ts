// The appointment_claim_days trigger: every write of an active appointment takes a lock per staff
// member and local day before the exclusion constraint sees the row, and checks Service.maxPerDay
// under that lock. Racing writers of one slot then never deadlock (PostgreSQL's exclusion
// constraint alone lets two uncommitted conflicting rows wait for each other until the deadlock
// detector aborts one, a second later), and simultaneous bookings cannot exceed the day's limit.
import { describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { DAY_FULL, EXCLUSION_VIOLATION, postgresErrorCode } from "../../server/db-errors";
import { appointmentData, createBusinessFixture } from "../helpers/fixtures";
import { engines, useTestDatabase } from "../helpers/test-database";

type Fixture = Awaited<ReturnType<typeof createBusinessFixture>>;

describe.each(engines)("appointment day locks and the per-day limit on %s", (engine) => {
  const database = useTestDatabase(engine);

  function book(db: Db, f: Fixture, startsAt: string, minutes = 30, extra: { staffId?: string; status?: "booked" | "cancelled" | "held" } = {}) {
    const start = new Date(startsAt);
    return db.appointment.create({ data: appointmentData(f, start, new Date(start.getTime() + minutes * 60_000), extra), select: { id: true } });
  }
  const refusal = (promise: Promise<unknown>) => promise.then(() => "written", (e: unknown) => postgresErrorCode(e) ?? String(e));

  it("refuses a booking past the service's limit for that person's local day, and nothing else", async () => {
    const db = database().prisma;
    const f = await createBusinessFixture(db); // America/New_York
    await db.service.update({ where: { id: f.serviceId }, data: { maxPerDay: 2 } });
    await book(db, f, "2027-03-02T14:00:00Z"); // 09:00 EST
    await book(db, f, "2027-03-02T16:00:00Z");
    expect(await refusal(book(db, f, "2027-03-02T18:00:00Z"))).toBe(DAY_FULL);
    // 23:30 EST is still the 2nd locally (04:30 UTC on the 3rd), so it is refused too…
    expect(await refusal(book(db, f, "2027-03-03T04:30:00Z"))).toBe(DAY_FULL);
    // …while 00:30 EST on the 3rd starts the next local day, though the 2nd UTC ends later.
    expect(await refusal(book(db, f, "2027-03-03T05:30:00Z"))).toBe("written");
    // Another person, a cancelled appointment and a held one that is then cancelled.
    expect(await refusal(book(db, f, "2027-03-02T18:00:00Z", 30, { staffId: f.otherStaffId }))).toBe("written");
    expect(await refusal(book(db, f, "2027-03-02T19:00:00Z", 30, { status: "cancelled" }))).toBe("written");
    expect(await db.appointment.count({ where: { businessId: f.businessId, staffId: f.staffId, status: "booked" } })).toBe(3);
  });

  it("counts a day by the business's own calendar across a daylight-saving change", async () => {
    const db = database().prisma;
    const f = await createBusinessFixture(db);
    await db.service.update({ where: { id: f.serviceId }, data: { maxPerDay: 1 } });
    // 2027-03-14 is 23 hours long in New York: 00:00 EST is 05:00Z, the next midnight (EDT) 04:00Z.
    await book(db, f, "2027-03-14T05:00:00Z");
    expect(await refusal(book(db, f, "2027-03-15T03:30:00Z"))).toBe(DAY_FULL); // 23:30 EDT on the 14th
    expect(await refusal(book(db, f, "2027-03-15T04:00:00Z"))).toBe("written"); // 00:00 EDT on the 15th
  });

  it("lets an update that makes a row active, or moves it, claim its day too", async () => {
    const db = database().prisma;
    const f = await createBusinessFixture(db);
    await db.service.update({ where: { id: f.serviceId }, data: { maxPerDay: 1 } });
    await book(db, f, "2027-03-02T14:00:00Z");
    const cancelled = await book(db, f, "2027-03-02T16:00:00Z", 30, { status: "cancelled" });
    expect(await refusal(db.appointment.update({ where: { id: cancelled.id }, data: { status: "booked" } }))).toBe(DAY_FULL);
    const elsewhere = await book(db, f, "2027-03-02T16:00:00Z", 30, { staffId: f.otherStaffId });
    expect(await refusal(db.appointment.update({ where: { id: elsewhere.id }, data: { staffId: f.staffId } }))).toBe(DAY_FULL);
    // A held row becoming booked is already counted: it claims nothing new.
    const held = await book(db, f, "2027-03-04T14:00:00Z", 30, { status: "held" });
    expect(await refusal(db.appointment.update({ where: { id: held.id }, data: { status: "booked" } }))).toBe("written");
  });

  if (engine === "postgres") {
    it("never deadlocks writers racing for one slot: each loser is refused by the constraint at once", async () => {
      const db = database().prisma;
      const f = await createBusinessFixture(db);
      const insert = `INSERT INTO "Appointment" (id, "businessId", "serviceId", "staffId", "customerId", "startsAt", "endsAt", "blockedFrom", "blockedUntil", status, channel, "updatedAt")
        VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5, $6, $5, $6, 'booked', 'api', now())`;
      const params = [f.businessId, f.serviceId, f.staffId, f.customerId, new Date("2027-03-09T15:00:00Z"), new Date("2027-03-09T15:30:00Z")];
      const outcomes: Record<string, number> = {};
      // Ten connections, each inserting the same slot and rolling back, 20 times over: without the
      // day lock PostgreSQL reported dozens of deadlocks (40P01) in a run like this.
      await Promise.all(
        Array.from({ length: 10 }, () =>
          database().withConnection(async (conn) => {
            for (let round = 0; round < 20; round++) {
              await conn.exec("BEGIN");
              const outcome = await conn.query(insert, params).then(() => "written", (e: { code?: string }) => e.code ?? "error");
              outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
              await conn.exec("ROLLBACK");
            }
          }),
        ),
      );
      expect(Object.keys(outcomes).filter((code) => code !== "written" && code !== EXCLUSION_VIOLATION)).toEqual([]);
      expect(outcomes.written).toBeGreaterThan(0);
    });
  }
});
