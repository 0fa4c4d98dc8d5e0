// The availability answer cache seen from outside, on the demo salon (clock: Tuesday 2026-11-24
// 09:00 New York). A booking written by another connection, as another process would write it
// (raw SQL: none of this process's commands or caches hear of it), is never offered again, and
// a client still holding the old offer is refused cleanly with alternatives. What the version
// does not cover (here the business's name) is reused for at most a second of the clock.
import { beforeAll, describe, expect, it } from "vitest";
import { availabilityResponse } from "../../server/api/v1/schemas";
import { ANSWER_MAX_AGE_MS } from "../../server/scheduling/schedule-answer-cache";
import { engines, useTestDatabase } from "../helpers/test-database";
import { apiClient, demoSalon, expectProblem, newCustomer, NOW, type Salon } from "./support";

describe.each(engines)("availability cache on %s", (engine) => {
  const database = useTestDatabase(engine);
  let salon: Salon;
  let call: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    salon = await demoSalon(database().prisma);
    call = apiClient(database().prisma);
  });

  // Leo alone on Thursday: a slot he is booked for disappears from the list.
  const leoOnThursday = () =>
    `/api/v1/businesses/${salon.slug}/availability?${new URLSearchParams({ service: salon.mensCut, staff: salon.leo, from: "2026-11-26T05:00:00Z", to: "2026-11-27T05:00:00Z" })}`;
  const slots = async (now = NOW) => availabilityResponse.parse((await call("GET", leoOnThursday(), { now })).body).slots;

  let elsewhere = 0;
  /** An appointment written straight into the table on another connection, as another process's booking would be. */
  async function bookElsewhere(startsAt: string) {
    elsewhere += 1;
    const { sql } = database();
    const service = await database().prisma.service.findUniqueOrThrow({ where: { id: salon.mensCut }, select: { durationMinutes: true, bufferBeforeMinutes: true, bufferAfterMinutes: true } });
    const start = Date.parse(startsAt);
    const end = start + service.durationMinutes * 60_000;
    const [customer] = await sql.query<{ id: string }>(
      `INSERT INTO "Customer" ("id", "businessId", "phone", "updatedAt") VALUES ($1, $2, $3, now()) RETURNING "id"`,
      [`cust-elsewhere-${elsewhere}`, salon.businessId, `+1555990${String(elsewhere).padStart(4, "0")}`],
    );
    await sql.query(
      `INSERT INTO "Appointment" ("id", "businessId", "serviceId", "staffId", "customerId", "startsAt", "endsAt", "blockedFrom", "blockedUntil", "status", "channel", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'booked', 'api', now())`,
      [
        `appt-elsewhere-${elsewhere}`,
        salon.businessId,
        salon.mensCut,
        salon.leo,
        customer!.id,
        new Date(start).toISOString(),
        new Date(end).toISOString(),
        new Date(start - service.bufferBeforeMinutes * 60_000).toISOString(),
        new Date(end + service.bufferAfterMinutes * 60_000).toISOString(),
      ],
    );
  }

  it("never offers a slot that another connection booked after the answer was cached", async () => {
    const before = await slots();
    expect(await slots()).toEqual(before); // now served from the cache
    const taken = before[0]!;
    await bookElsewhere(taken.startsAt);
    const after = await slots(); // same clock: only the schedule version tells the answers apart
    expect(after.map((s) => s.startsAt)).not.toContain(taken.startsAt);
    expect(after.length).toBeLessThan(before.length);
  });

  it("refuses the old offer cleanly, with alternatives that leave the taken time out", async () => {
    const offered = await slots();
    const stale = offered[0]!;
    await bookElsewhere(stale.startsAt);
    const reply = await call("POST", `/api/v1/businesses/${salon.slug}/bookings`, {
      key: salon.key,
      body: { serviceId: salon.mensCut, slotId: stale.slotId, customer: newCustomer() },
    });
    const problem = expectProblem(reply, 409, "slot-taken");
    expect(problem.alternatives!.length).toBeGreaterThan(0);
    expect(problem.alternatives!.map((a) => a.startsAt)).not.toContain(stale.startsAt);
    expect((await slots()).map((s) => s.startsAt)).not.toContain(stale.startsAt);
  });

  it("reuses an answer for at most a second of the clock when the schedule version stands still", async () => {
    const name = async (now: Date) => (availabilityResponse.parse((await call("GET", leoOnThursday(), { now })).body).business.name);
    const original = await name(NOW);
    // A rename is not an appointment change: the version stays, so the cached answer still shows the old name…
    await database().sql.query(`UPDATE "Business" SET "name" = 'Renamed Salon' WHERE "id" = $1`, [salon.businessId]);
    try {
      expect(await name(new Date(NOW.getTime() + ANSWER_MAX_AGE_MS - 1))).toBe(original);
      // …until the answer is a second old.
      expect(await name(new Date(NOW.getTime() + ANSWER_MAX_AGE_MS))).toBe("Renamed Salon");
    } finally {
      await database().sql.query(`UPDATE "Business" SET "name" = $2 WHERE "id" = $1`, [salon.businessId, original]);
    }
  });
});
