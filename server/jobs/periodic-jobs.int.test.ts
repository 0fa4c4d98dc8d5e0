import { describe, expect, it, vi } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import { bookAppointment } from "../scheduling/book-appointment";
import { startPeriodicJobs } from "./periodic-jobs";

describe.each(engines)("periodic jobs on %s", (engine) => {
  const database = useTestDatabase(engine);

  it("expires a lapsed waitlist hold so its time can be booked again", async () => {
    const db = database().prisma;
    const { businessId } = await seedDemo(db);
    const service = await db.service.findFirstOrThrow({ where: { businessId, name: "Men's haircut" }, select: { id: true } });
    const maya = await db.staffMember.findFirstOrThrow({ where: { businessId, name: "Maya Chen" }, select: { id: true } });
    const now = new Date("2026-11-24T14:00:00Z");
    const booked = await bookAppointment(
      db,
      { businessId, serviceId: service.id, staffId: maya.id, startsAt: new Date("2026-12-01T15:00:00Z"), customer: { phone: "+15553330001" } },
      { actor: { type: "user", channel: "dashboard" }, now },
    );
    // Turn it into a hold that lapsed a minute ago.
    await db.appointment.update({ where: { id: booked.id }, data: { status: "held", holdExpiresAt: new Date(now.getTime() - 60_000) } });

    const log = { info: vi.fn(), error: vi.fn() };
    const jobs = startPeriodicJobs({ db, log, intervalMs: 3_600_000, now: () => now });
    await Promise.all([jobs.runOnce(), jobs.runOnce()]); // overlapping kicks share one pass
    await jobs.stop();

    expect((await db.appointment.findUniqueOrThrow({ where: { id: booked.id }, select: { status: true } })).status).toBe("cancelled");
    expect(log.error).not.toHaveBeenCalled();
    expect(log.info).toHaveBeenCalledTimes(1);
    expect(log.info.mock.calls[0]![0]).toMatchObject({ expired: 1 });
  });
});
