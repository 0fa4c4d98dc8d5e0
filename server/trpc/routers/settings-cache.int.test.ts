// A settings change shows in availability at once: the settings router drops the business's
// cached scheduling rules after every successful change.
import { describe, expect, it } from "vitest";
import { DEMO, seedDemo } from "../../../prisma/seed";
import { engines, useTestDatabase } from "../../../tests/helpers/test-database";
import { findAvailableSlots } from "../../scheduling/find-available-slots";
import { createCaller } from "../root";

const now = new Date("2026-11-24T14:00:00Z");

describe.each(engines)("settings and the scheduling cache on %s", (engine) => {
  const database = useTestDatabase(engine);

  it("offers a newly closed day no more, right after the owner closes it", async () => {
    const db = database().prisma;
    const { businessId } = await seedDemo(db);
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO.email }, select: { id: true } });
    const service = await db.service.findFirstOrThrow({ where: { businessId, name: "Men's haircut" }, select: { id: true } });
    const thursday = { businessId, serviceId: service.id, from: new Date("2026-11-26T05:00:00Z"), to: new Date("2026-11-27T05:00:00Z") };

    expect((await findAvailableSlots(db, thursday, now)).slots.length).toBeGreaterThan(0); // fills the cache

    const api = createCaller({ db, userId: owner.id, now: () => now });
    const week = [2, 3, 5, 6].map((weekday) => ({ weekday, startMinute: 540, endMinute: 1080 })); // no Thursday
    await api.settings.setWeeklyHours({ businessId, staffId: null, hours: week });

    expect((await findAvailableSlots(db, thursday, now)).slots).toEqual([]);
  });
});
