// Booking commands against a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set),
// on the demo salon: America/New_York, Maya works Tue–Fri 9–13 & 14–18, Leo Tue/Thu/Fri 11–18 and
// Sat 9–16. The clock stands on Tuesday 2026-11-24 09:00 local.
import { describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import type { Actor } from "../audit";
import type { Db } from "../db";
import { AppError } from "../errors";
import { appointmentSelect } from "./appointment-view";
import { bookAppointment } from "./book-appointment";
import { cancelAppointment } from "./cancel-appointment";
import { findAvailableSlots } from "./find-available-slots";
import { markNoShow } from "./mark-no-show";
import { rescheduleAppointment } from "./reschedule-appointment";

const now = new Date("2026-11-24T14:00:00Z"); // Tue 09:00 EST
const owner: Actor = { type: "user", id: "owner", channel: "dashboard" };
const caller: Actor = { type: "caller", channel: "phone" };
const local = (isoLocal: string) => new Date(`${isoLocal}-05:00`); // EST, valid all of late November

async function salon(db: Db) {
  const { businessId } = await seedDemo(db);
  const services = await db.service.findMany({ where: { businessId }, select: { id: true, name: true } });
  const staff = await db.staffMember.findMany({ where: { businessId }, select: { id: true, name: true } });
  const id = (list: { id: string; name: string }[], name: string) => list.find((x) => x.name === name)!.id;
  return {
    businessId,
    mensCut: id(services, "Men's haircut"),
    color: id(services, "Color"),
    maya: id(staff, "Maya Chen"),
    leo: id(staff, "Leo Alvarez"),
  };
}

async function rejection(promise: Promise<unknown>): Promise<AppError<{ alternatives?: { startsAt: Date }[] }>> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError<{ alternatives?: { startsAt: Date }[] }>;
}

let phoneCounter = 0;
const customer = () => ({ phone: `+1555200${String(++phoneCounter).padStart(4, "0")}`, name: "Test Caller" });

describe.each(engines)("booking commands on %s", (engine) => {
  const database = useTestDatabase(engine);

  it("gives 'anyone' bookings of one slot to each free person in turn, then answers slot taken with three alternatives", async () => {
    const db = database().prisma;
    const s = await salon(db);
    const startsAt = local("2026-11-26T11:00"); // Thursday: both work
    const first = await bookAppointment(db, { businessId: s.businessId, serviceId: s.mensCut, startsAt, customer: customer() }, { actor: owner, now });
    const second = await bookAppointment(db, { businessId: s.businessId, serviceId: s.mensCut, startsAt, customer: customer() }, { actor: owner, now });
    expect(new Set([first.staff.id, second.staff.id])).toEqual(new Set([s.maya, s.leo]));
    expect(first.endsAt.toISOString()).toBe("2026-11-26T16:30:00.000Z");

    const before = await db.appointment.count({ where: { businessId: s.businessId } });
    const error = await rejection(bookAppointment(db, { businessId: s.businessId, serviceId: s.mensCut, startsAt, customer: customer() }, { actor: owner, now }));
    expect(error.code).toBe("SLOT_TAKEN");
    const alternatives = error.data!.alternatives!;
    expect(alternatives).toHaveLength(3);
    // Nearest first: 11:45 (11:00–11:30 plus its 5-minute buffer, on the quarter hour), 10:00, then
    // 12:15. Not 10:30: it would end at 11:00 and its own 5-minute buffer would touch 11:00.
    expect(alternatives.map((a) => a.startsAt.toISOString())).toEqual([
      "2026-11-26T16:45:00.000Z",
      "2026-11-26T15:00:00.000Z",
      "2026-11-26T17:15:00.000Z",
    ]);
    expect(await db.appointment.count({ where: { businessId: s.businessId } })).toBe(before);
  });

  it("returns the same appointment for a retried request with the same idempotency key", async () => {
    const db = database().prisma;
    const s = await salon(db);
    const input = { businessId: s.businessId, serviceId: s.mensCut, startsAt: local("2026-12-01T09:00"), customer: customer(), idempotencyKey: "retry-me" };
    const a = await bookAppointment(db, input, { actor: owner, now });
    const b = await bookAppointment(db, input, { actor: owner, now });
    expect(b.id).toBe(a.id);
    expect(await db.appointment.count({ where: { businessId: s.businessId, idempotencyKey: "retry-me" } })).toBe(1);
    expect(await db.auditLog.count({ where: { businessId: s.businessId, action: "appointment.book", entityId: a.id } })).toBe(1);
  });

  it("answers a retry with the first appointment even when the booking itself would now be refused", async () => {
    const db = database().prisma;
    const s = await salon(db);
    const input = { businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, startsAt: local("2026-12-01T10:00"), customer: customer(), idempotencyKey: "late-retry" };
    const first = await bookAppointment(db, input, { actor: owner, now });
    // Maya's slot is now taken (by this very booking), and later the time itself has passed.
    expect((await bookAppointment(db, input, { actor: owner, now })).id).toBe(first.id);
    expect((await bookAppointment(db, input, { actor: owner, now: new Date("2026-12-02T00:00:00Z") })).id).toBe(first.id);
    expect(await db.appointment.count({ where: { businessId: s.businessId, idempotencyKey: "late-retry" } })).toBe(1);
  });

  it("makes one appointment of simultaneous requests with one idempotency key, and answers each with it", async () => {
    const db = database().prisma;
    const s = await salon(db);
    const input = { businessId: s.businessId, serviceId: s.mensCut, startsAt: local("2026-12-03T11:00"), customer: customer(), idempotencyKey: "double-click" };
    const results = await Promise.all(Array.from({ length: 4 }, () => bookAppointment(db, input, { actor: owner, now })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.appointment.count({ where: { businessId: s.businessId, idempotencyKey: "double-click" } })).toBe(1);
    expect(await db.auditLog.count({ where: { businessId: s.businessId, action: "appointment.book", entityId: results[0]!.id } })).toBe(1);
  });

  it("answers a booking with the appointment as it was stored", async () => {
    const db = database().prisma;
    const s = await salon(db);
    const booked = await bookAppointment(
      db,
      { businessId: s.businessId, serviceId: s.mensCut, startsAt: local("2026-12-04T15:00"), customer: { phone: "+15552009999", name: "Stored As", email: "Stored@Example.com" }, notes: " window seat " },
      { actor: owner, now },
    );
    const stored = await db.appointment.findUniqueOrThrow({ where: { id: booked.id }, select: appointmentSelect });
    expect(booked).toEqual(stored);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "appointment.book", entityId: booked.id }, select: { after: true } });
    expect(audit.after).toEqual(JSON.parse(JSON.stringify(stored)));
  });

  it("lets exactly one of many simultaneous bookings of one person's slot succeed", async () => {
    const db = database().prisma;
    const s = await salon(db);
    const startsAt = local("2026-12-02T10:00");
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        bookAppointment(db, { businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, startsAt, customer: customer() }, { actor: owner, now }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect((r.reason as AppError).code).toBe("SLOT_TAKEN");
    }
    expect(await db.appointment.count({ where: { businessId: s.businessId, staffId: s.maya, startsAt } })).toBe(1);
  });

  it("keeps a per-day limit when bookings at different times of one day arrive together", async () => {
    const db = database().prisma;
    const s = await salon(db);
    // A service of its own, so the limit touches no other test's bookings.
    const service = await db.service.create({
      data: { businessId: s.businessId, name: `Colour correction ${Math.random()}`, durationMinutes: 30, maxPerDay: 1, staff: { create: { businessId: s.businessId, staffId: s.maya } } },
      select: { id: true },
    });
    const times = ["09:00", "10:00", "11:00", "14:00", "15:00", "16:00"].map((t) => local(`2026-12-09T${t}`));
    const results = await Promise.allSettled(
      times.map((startsAt) =>
        bookAppointment(db, { businessId: s.businessId, serviceId: service.id, staffId: s.maya, startsAt, customer: customer() }, { actor: owner, now }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toBeInstanceOf(AppError);
    }
    expect(await db.appointment.count({ where: { serviceId: service.id, status: "booked" } })).toBe(1);
  });

  it("keeps the buffer after an appointment free", async () => {
    const db = database().prisma;
    const s = await salon(db);
    await bookAppointment(db, { businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, startsAt: local("2026-12-02T14:00"), customer: customer() }, { actor: owner, now });
    // Men's haircut has 5 minutes after it, so 14:30 is blocked and the next quarter hour, 14:45, is offered.
    const error = await rejection(
      bookAppointment(db, { businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, startsAt: local("2026-12-02T14:30"), customer: customer() }, { actor: owner, now }),
    );
    expect(error.code).toBe("SLOT_TAKEN");
    const starts = error.data!.alternatives!.map((a) => a.startsAt.toISOString());
    expect(starts).toContain("2026-12-02T19:45:00.000Z");
    expect(starts).not.toContain("2026-12-02T19:30:00.000Z");
  });

  it("explains times that are not bookable and writes nothing", async () => {
    const db = database().prisma;
    const s = await salon(db);
    const before = await db.appointment.count();
    const attempt = (startsAt: Date, extra: Partial<{ staffId: string; serviceId: string }> = {}) =>
      rejection(bookAppointment(db, { businessId: s.businessId, serviceId: s.mensCut, startsAt, customer: customer(), ...extra }, { actor: owner, now }));

    expect((await attempt(local("2026-11-23T10:00"))).message).toBe("That time has already passed.");
    const tooSoon = await attempt(local("2026-11-24T09:30"));
    expect([tooSoon.code, tooSoon.message]).toEqual(["OUTSIDE_HOURS", "Men's haircut needs at least 1 hour's notice."]);
    expect((await attempt(local("2027-03-01T10:00"))).message).toBe("Men's haircut can be booked at most 60 days ahead.");
    const leoOnWednesday = await attempt(local("2026-11-25T12:00"), { staffId: s.leo }); // Leo is off on Wednesdays
    expect(leoOnWednesday.code).toBe("OUTSIDE_HOURS");
    // Nearest of Leo's own times: Tuesday evening's last slots (18.5–19.5 h earlier) beat
    // Thursday 11:00 (23 h later).
    expect(leoOnWednesday.data!.alternatives!.map((a) => a.startsAt.toISOString())).toEqual([
      "2026-11-24T22:30:00.000Z",
      "2026-11-24T22:00:00.000Z",
      "2026-11-24T21:30:00.000Z",
    ]);
    expect((await attempt(local("2026-11-29T10:00"))).code).toBe("OUTSIDE_HOURS"); // Sunday: closed
    expect((await attempt(local("2026-12-01T10:00"), { serviceId: "no-such-service" })).code).toBe("NOT_FOUND");
    expect(await db.appointment.count()).toBe(before);
  });

  it("moves an appointment atomically, onto its own old time if need be, and keeps it when the new time is taken", async () => {
    const db = database().prisma;
    const s = await salon(db);
    const original = await bookAppointment(db, { businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, startsAt: local("2026-12-03T09:00"), customer: customer() }, { actor: owner, now });
    const blocker = await bookAppointment(db, { businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, startsAt: local("2026-12-03T12:00"), customer: customer() }, { actor: owner, now });

    const taken = await rejection(rescheduleAppointment(db, { businessId: s.businessId, appointmentId: original.id, startsAt: blocker.startsAt }, { actor: owner, now }));
    expect(taken.code).toBe("SLOT_TAKEN");
    const stillThere = await db.appointment.findUniqueOrThrow({ where: { id: original.id }, select: { status: true, startsAt: true } });
    expect(stillThere).toEqual({ status: "booked", startsAt: original.startsAt });

    // 09:30 overlaps the old 09:00 appointment's buffer: allowed, because the old one is the one moving.
    const moved = await rescheduleAppointment(db, { businessId: s.businessId, appointmentId: original.id, startsAt: local("2026-12-03T09:30") }, { actor: owner, now });
    expect(moved.startsAt.toISOString()).toBe("2026-12-03T14:30:00.000Z");
    expect(moved.staff.id).toBe(s.maya);
    expect(moved.rescheduledFromId).toBe(original.id);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: original.id }, select: { status: true } })).status).toBe("cancelled");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "appointment.reschedule", entityId: moved.id }, select: { before: true, after: true, actorType: true } });
    expect(audit.actorType).toBe("user");
    expect((audit.before as { startsAt: string }).startsAt).toBe("2026-12-03T14:00:00.000Z");
    expect((audit.after as { startsAt: string }).startsAt).toBe("2026-12-03T14:30:00.000Z");
  });

  it("holds callers to the cancellation window while the owner may override it", async () => {
    const db = database().prisma;
    const s = await salon(db);
    const soon = await bookAppointment(db, { businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, startsAt: local("2026-11-24T15:00"), customer: customer() }, { actor: owner, now });
    const error = await rejection(cancelAppointment(db, { businessId: s.businessId, appointmentId: soon.id }, { actor: caller, now }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/at least 24 hours ahead/);
    const moveError = await rejection(rescheduleAppointment(db, { businessId: s.businessId, appointmentId: soon.id, startsAt: local("2026-12-04T10:00") }, { actor: caller, now }));
    expect(moveError.code).toBe("FORBIDDEN");
    expect((await db.appointment.findUniqueOrThrow({ where: { id: soon.id }, select: { status: true } })).status).toBe("booked");

    const cancelled = await cancelAppointment(db, { businessId: s.businessId, appointmentId: soon.id, reason: "owner override" }, { actor: owner, now });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.notes).toBe("Cancelled: owner override");
    const again = await cancelAppointment(db, { businessId: s.businessId, appointmentId: soon.id }, { actor: owner, now });
    expect(again.status).toBe("cancelled");
    expect(await db.auditLog.count({ where: { action: "appointment.cancel", entityId: soon.id } })).toBe(1);
    // The freed time is bookable again.
    const slots = await findAvailableSlots(db, { businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, from: local("2026-11-24T15:00"), to: local("2026-11-24T15:01") }, now);
    expect(slots.slots.map((x) => x.startsAt.toISOString())).toEqual(["2026-11-24T20:00:00.000Z"]);
  });

  it("marks a no-show only once the appointment has started", async () => {
    const db = database().prisma;
    const s = await salon(db);
    const appt = await bookAppointment(db, { businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, startsAt: local("2026-11-24T16:00"), customer: customer() }, { actor: owner, now });
    expect((await rejection(markNoShow(db, { businessId: s.businessId, appointmentId: appt.id }, { actor: owner, now }))).code).toBe("CONFLICT");
    const later = new Date("2026-11-24T21:10:00Z");
    expect((await markNoShow(db, { businessId: s.businessId, appointmentId: appt.id }, { actor: owner, now: later })).status).toBe("no_show");
  });

  it("finds nothing of another business", async () => {
    const db = database().prisma;
    const s = await salon(db);
    const appt = await bookAppointment(db, { businessId: s.businessId, serviceId: s.mensCut, startsAt: local("2026-12-04T12:00"), customer: customer() }, { actor: owner, now });
    const other = await db.business.create({ data: { name: "Other", slug: `other-${engine}`, timezone: "UTC" }, select: { id: true } });
    expect((await rejection(cancelAppointment(db, { businessId: other.id, appointmentId: appt.id }, { actor: owner, now }))).code).toBe("NOT_FOUND");
    expect((await rejection(rescheduleAppointment(db, { businessId: other.id, appointmentId: appt.id, startsAt: local("2026-12-04T13:00") }, { actor: owner, now }))).code).toBe("NOT_FOUND");
    expect((await rejection(bookAppointment(db, { businessId: other.id, serviceId: s.mensCut, startsAt: local("2026-12-04T13:00"), customer: customer() }, { actor: owner, now }))).code).toBe("NOT_FOUND");
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id }, select: { status: true } })).status).toBe("booked");
  });
});
