// Joining and leaving the waitlist against a real database (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set).
import { describe, expect, it } from "vitest";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import { cancelWaitlistEntry } from "./cancel-waitlist-entry";
import { joinWaitlist } from "./join-waitlist";
import { caller, local, minutesLater, now, owner, person, rejection, waitlistShop } from "./waitlist-test-support";

describe.each(engines)("joining the waitlist on %s", (engine) => {
  const database = useTestDatabase(engine);

  it("keeps one place per customer for overlapping ranges of a service and records the join", async () => {
    const db = database().prisma;
    const s = await waitlistShop(db);
    const first = await joinWaitlist(
      db,
      { businessId: s.businessId, serviceId: s.haircut, customer: { phone: "+15557770900", name: "Rita" }, earliest: local("2026-11-26T18:00"), latest: local("2026-11-26T21:00") },
      { actor: caller, now },
    );
    expect(first.created).toBe(true);
    expect(first.entry).toMatchObject({ status: "waiting", staffId: null, serviceId: s.haircut, earliest: local("2026-11-26T18:00"), latest: local("2026-11-26T21:00") });
    const rita = await db.customer.findFirstOrThrow({ where: { businessId: s.businessId, phone: "+15557770900" }, select: { id: true, name: true } });
    expect(rita).toEqual({ id: first.entry.customerId, name: "Rita" });

    // Overlapping range of the same service, by customer id this time: the same entry.
    const again = await joinWaitlist(
      db,
      { businessId: s.businessId, serviceId: s.haircut, customer: { id: rita.id }, earliest: local("2026-11-26T20:00"), latest: local("2026-11-26T22:00") },
      { actor: caller, now },
    );
    expect(again).toEqual({ entry: first.entry, created: false });
    // Another day, or another service (with the person who performs it): new entries.
    const friday = await joinWaitlist(db, { businessId: s.businessId, serviceId: s.haircut, customer: { id: rita.id }, earliest: local("2026-11-27T18:00"), latest: local("2026-11-27T21:00") }, { actor: caller, now });
    const color = await joinWaitlist(db, { businessId: s.businessId, serviceId: s.color, staffId: s.sam, customer: { id: rita.id }, earliest: local("2026-11-26T18:00"), latest: local("2026-11-26T21:00") }, { actor: caller, now });
    expect([friday.created, color.created]).toEqual([true, true]);
    expect(color.entry.staffId).toBe(s.sam);

    expect(await db.waitlistEntry.count({ where: { businessId: s.businessId, customerId: rita.id } })).toBe(3);
    const audits = await db.auditLog.findMany({ where: { businessId: s.businessId, action: "waitlist.join" }, select: { entityId: true, actorType: true, channel: true } });
    expect(audits.map((a) => a.entityId).sort()).toEqual([first.entry.id, friday.entry.id, color.entry.id].sort());
    expect(audits.every((a) => a.actorType === "caller" && a.channel === "sms")).toBe(true);
  });

  it("lets simultaneous identical joins make one entry", async () => {
    const db = database().prisma;
    const s = await waitlistShop(db);
    const c = await person(db, s.businessId);
    const join = () => joinWaitlist(db, { businessId: s.businessId, serviceId: s.haircut, customer: { id: c.id }, earliest: local("2026-11-26T18:00"), latest: local("2026-11-26T21:00") }, { actor: caller, now });
    const results = await Promise.all([join(), join(), join(), join()]);
    expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.waitlistEntry.count({ where: { businessId: s.businessId, customerId: c.id } })).toBe(1);
  });

  it("refuses empty, past and impossible wishes, and trims a range that began before now", async () => {
    const db = database().prisma;
    const s = await waitlistShop(db);
    const c = await person(db, s.businessId);
    const join = (extra: Partial<{ serviceId: string; staffId: string; earliest: Date; latest: Date }>) =>
      joinWaitlist(db, { businessId: s.businessId, serviceId: s.haircut, customer: { id: c.id }, earliest: local("2026-11-26T18:00"), latest: local("2026-11-26T21:00"), ...extra }, { actor: caller, now });

    const backwards = await rejection(join({ earliest: local("2026-11-26T21:00"), latest: local("2026-11-26T18:00") }));
    expect([backwards.code, backwards.message]).toEqual(["INVALID_INPUT", "The end of the range must be after its start."]);
    expect((await rejection(join({ earliest: local("2026-11-26T18:00"), latest: local("2026-11-26T18:00") }))).code).toBe("INVALID_INPUT");
    const past = await rejection(join({ earliest: local("2026-11-23T10:00"), latest: local("2026-11-24T08:00") }));
    expect([past.code, past.message]).toEqual(["INVALID_INPUT", "That time range has already passed."]);
    expect((await rejection(join({ serviceId: "no-such-service" }))).code).toBe("NOT_FOUND");
    const alexDoesNotColor = await rejection(join({ serviceId: s.color, staffId: s.alex }));
    expect([alexDoesNotColor.code, alexDoesNotColor.message]).toEqual(["NOT_FOUND", "That staff member does not perform this service."]);
    expect(await db.waitlistEntry.count({ where: { businessId: s.businessId } })).toBe(0);

    const today = await join({ earliest: local("2026-11-24T06:00"), latest: local("2026-11-24T17:00") });
    expect(today.entry.earliest).toEqual(now);
  });

  it("takes a waiting customer off the line, once", async () => {
    const db = database().prisma;
    const s = await waitlistShop(db);
    const c = await person(db, s.businessId);
    const { entry } = await joinWaitlist(db, { businessId: s.businessId, serviceId: s.haircut, customer: { id: c.id }, earliest: local("2026-11-26T18:00"), latest: local("2026-11-26T21:00") }, { actor: caller, now });
    const cancelled = await cancelWaitlistEntry(db, { businessId: s.businessId, entryId: entry.id }, { actor: owner, now: minutesLater(5) });
    expect(cancelled.status).toBe("cancelled");
    expect((await cancelWaitlistEntry(db, { businessId: s.businessId, entryId: entry.id }, { actor: owner, now: minutesLater(6) })).status).toBe("cancelled");
    expect(await db.auditLog.count({ where: { businessId: s.businessId, action: "waitlist.cancel", entityId: entry.id } })).toBe(1);
    // Once cancelled, the same wish makes a fresh entry at the back of the line.
    const rejoined = await joinWaitlist(db, { businessId: s.businessId, serviceId: s.haircut, customer: { id: c.id }, earliest: local("2026-11-26T18:00"), latest: local("2026-11-26T21:00") }, { actor: caller, now });
    expect(rejoined.created).toBe(true);
    expect(rejoined.entry.id).not.toBe(entry.id);
  });

  it("finds nothing of another business", async () => {
    const db = database().prisma;
    const a = await waitlistShop(db);
    const b = await waitlistShop(db);
    const aCustomer = await person(db, a.businessId);
    const { entry } = await joinWaitlist(db, { businessId: a.businessId, serviceId: a.haircut, customer: { id: aCustomer.id }, earliest: local("2026-11-26T18:00"), latest: local("2026-11-26T21:00") }, { actor: owner, now });
    const window = { earliest: local("2026-11-26T18:00"), latest: local("2026-11-26T21:00") };

    expect((await rejection(joinWaitlist(db, { businessId: b.businessId, serviceId: a.haircut, customer: { phone: "+15557770999" }, ...window }, { actor: owner, now }))).code).toBe("NOT_FOUND");
    expect((await rejection(joinWaitlist(db, { businessId: b.businessId, serviceId: b.haircut, customer: { id: aCustomer.id }, ...window }, { actor: owner, now }))).code).toBe("NOT_FOUND");
    expect((await rejection(joinWaitlist(db, { businessId: b.businessId, serviceId: b.haircut, staffId: a.alex, customer: { phone: "+15557770999" }, ...window }, { actor: owner, now }))).code).toBe("NOT_FOUND");
    expect((await rejection(cancelWaitlistEntry(db, { businessId: b.businessId, entryId: entry.id }, { actor: owner, now }))).code).toBe("NOT_FOUND");
    expect((await db.waitlistEntry.findUniqueOrThrow({ where: { id: entry.id }, select: { status: true } })).status).toBe("waiting");
    expect(await db.waitlistEntry.count({ where: { businessId: b.businessId } })).toBe(0);
  });
});
