// The scheduling cache against a real database, on the demo salon (Maya works Tue–Fri 9–13 and
// 14–18 New York time): a change to hours made behind the commands' backs shows once the business
// is invalidated, and appointments are never cached.
import { describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import type { Actor } from "../audit";
import { bookAppointment } from "./book-appointment";
import { findAvailableSlots } from "./find-available-slots";
import { invalidateSchedulingCache } from "./scheduling-cache";

const now = new Date("2026-11-24T14:00:00Z"); // Tue 09:00 EST
const owner: Actor = { type: "user", id: "owner", channel: "dashboard" };
const local = (isoLocal: string) => new Date(`${isoLocal}-05:00`);

describe.each(engines)("scheduling cache on %s", (engine) => {
  const database = useTestDatabase(engine);

  it("serves hours from the cache until the business is invalidated, and appointments always fresh", async () => {
    const db = database().prisma;
    const { businessId } = await seedDemo(db);
    const serviceId = (await db.service.findFirstOrThrow({ where: { businessId, name: "Men's haircut" }, select: { id: true } })).id;
    const maya = (await db.staffMember.findFirstOrThrow({ where: { businessId, name: "Maya Chen" }, select: { id: true } })).id;
    const window = { businessId, serviceId, staffId: maya, from: local("2026-12-02T08:00"), to: local("2026-12-02T19:00") };
    const starts = async () => (await findAvailableSlots(db, window, now)).slots.map((s) => s.startsAt.toISOString());

    const before = await starts();
    expect(before).toContain("2026-12-02T14:00:00.000Z"); // Wednesday 09:00

    // A booking is seen at once: appointments are not cached.
    await bookAppointment(db, { businessId, serviceId, staffId: maya, startsAt: local("2026-12-02T09:00"), customer: { phone: "+15558880001" } }, { actor: owner, now });
    expect(await starts()).not.toContain("2026-12-02T14:00:00.000Z");

    // Wednesday's hours shrink to 15:00–16:00 behind the cache's back: not seen yet…
    await db.weeklyHours.deleteMany({ where: { businessId, staffId: maya, weekday: 3 } });
    await db.weeklyHours.create({ data: { businessId, staffId: maya, weekday: 3, startMinute: 15 * 60, endMinute: 16 * 60 } });
    expect(await starts()).toContain("2026-12-02T19:00:00.000Z"); // 14:00, gone from the new hours

    // …and seen as soon as the business is invalidated.
    invalidateSchedulingCache(businessId);
    const after = await starts();
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((s) => s >= "2026-12-02T20:00:00.000Z" && s < "2026-12-02T21:00:00.000Z")).toBe(true);
  });
});
