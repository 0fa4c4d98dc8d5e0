// The dashboard's appointments router against a real database, on the demo salon
// (America/New_York; Maya works Tue–Fri 9–13 & 14–18, Leo Tue/Thu/Fri 11–18 and Sat 9–16).
// The clock stands on Tuesday 2026-11-24 09:00 local. Each test uses days of its own, since the
// suite shares one database.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { DEMO, seedDemo } from "../../../prisma/seed";
import { createBusinessFixture } from "../../../tests/helpers/fixtures";
import { engines, useTestDatabase } from "../../../tests/helpers/test-database";
import type { Db } from "../../db";
import { createCaller } from "../root";
import { appointmentsRouter } from "./appointments";

const now = new Date("2026-11-24T14:00:00Z"); // Tue 09:00 EST
const local = (isoLocal: string) => new Date(`${isoLocal}-05:00`); // EST, valid all of late November

let phoneCounter = 0;
const customer = () => ({ phone: `+1555300${String(++phoneCounter).padStart(4, "0")}`, name: "Dashboard Customer" });

describe.each(engines)("appointments router on %s", (engine) => {
  const database = useTestDatabase(engine);

  async function setup(clock: Date = now) {
    const db = database().prisma;
    const { businessId } = await seedDemo(db);
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO.email }, select: { id: true } });
    // A signed-in member of another business: the realistic outsider.
    const other = await createBusinessFixture(db);
    const outsider = await db.user.upsert({
      where: { email: "other-owner@example.com" },
      create: { email: "other-owner@example.com", memberships: { create: { businessId: other.businessId, role: "owner" } } },
      update: {},
      select: { id: true },
    });
    const services = await db.service.findMany({ where: { businessId }, select: { id: true, name: true } });
    const staff = await db.staffMember.findMany({ where: { businessId }, select: { id: true, name: true } });
    const id = (list: { id: string; name: string }[], name: string) => list.find((x) => x.name === name)!.id;
    const callerFor = (userId: string | null, at = clock) => createCaller({ db, userId, now: () => at }).appointments;
    return {
      db,
      businessId,
      ownerId: owner.id,
      api: callerFor(owner.id),
      apiAt: (at: Date) => callerFor(owner.id, at),
      outsider: callerFor(outsider.id),
      anonymous: callerFor(null),
      mensCut: id(services, "Men's haircut"),
      womensCut: id(services, "Women's haircut"),
      maya: id(staff, "Maya Chen"),
      leo: id(staff, "Leo Alvarez"),
    };
  }

  /** An appointment written straight to the table, for times the booking rules would refuse. */
  async function insertRaw(db: Db, s: { businessId: string; serviceId: string; staffId: string }, startsAt: Date, minutes: number) {
    const c = await db.customer.create({ data: { businessId: s.businessId, phone: customer().phone }, select: { id: true } });
    const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
    return db.appointment.create({
      data: { ...s, customerId: c.id, startsAt, endsAt, blockedFrom: startsAt, blockedUntil: endsAt, channel: "dashboard" },
      select: { id: true },
    });
  }

  it("lists a day and a week in the business's local days, 23:30 local included on its own day", async () => {
    const s = await setup();
    const wed = await s.api.book({ businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, startsAt: local("2026-11-25T10:00"), customer: customer() });
    const sat = await s.api.book({ businessId: s.businessId, serviceId: s.mensCut, staffId: s.leo, startsAt: local("2026-11-28T09:00"), customer: customer() });
    const nextTue = await s.api.book({ businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, startsAt: local("2026-12-01T10:00"), customer: customer() });
    if (!wed.ok || !sat.ok || !nextTue.ok) throw new Error("setup bookings failed");
    // Wednesday 23:30 in New York is Thursday 04:30 UTC.
    const late = await insertRaw(s.db, { businessId: s.businessId, serviceId: s.mensCut, staffId: s.leo }, new Date("2026-11-26T04:30:00Z"), 30);
    const cancelled = await s.api.book({ businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, startsAt: local("2026-11-25T12:00"), customer: customer() });
    if (!cancelled.ok) throw new Error("setup booking failed");
    await s.api.cancel({ businessId: s.businessId, appointmentId: cancelled.appointment.id });

    const day = await s.api.list({ businessId: s.businessId, range: "day", date: "2026-11-25" });
    expect(day.days).toEqual(["2026-11-25"]);
    expect(day.today).toBe("2026-11-24");
    expect(day.appointments.map((a) => a.id)).toEqual([wed.appointment.id, late.id]);
    const lateRow = day.appointments[1]!;
    expect(lateRow).toMatchObject({ localDate: "2026-11-25", startMinute: 23 * 60 + 30, endMinute: 24 * 60, status: "booked" });
    expect(day.appointments[0]).toMatchObject({ startMinute: 600, endMinute: 630, service: { name: "Men's haircut" }, staff: { name: "Maya Chen" }, customer: { name: "Dashboard Customer" } });
    expect(day.staff.map((x) => x.name)).toEqual(["Maya Chen", "Leo Alvarez"]);
    expect(day.window).toEqual({ startMinute: 9 * 60, endMinute: 24 * 60 });

    const thursday = await s.api.list({ businessId: s.businessId, range: "day", date: "2026-11-26" });
    expect(thursday.appointments).toEqual([]);
    expect(thursday.window).toEqual({ startMinute: 9 * 60, endMinute: 18 * 60 });

    const week = await s.api.list({ businessId: s.businessId, range: "week", date: "2026-11-25" });
    expect(week.days).toEqual(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]);
    expect(week.appointments.map((a) => [a.id, a.localDate])).toEqual([
      [wed.appointment.id, "2026-11-25"],
      [late.id, "2026-11-25"],
      [sat.appointment.id, "2026-11-28"],
    ]);
    expect(week.from).toEqual(local("2026-11-23T00:00"));
    expect(week.to).toEqual(local("2026-11-30T00:00"));

    const nextWeek = await s.api.list({ businessId: s.businessId, range: "week", date: "2026-11-30" });
    expect(nextWeek.appointments.map((a) => a.id)).toEqual([nextTue.appointment.id]);
  });

  it("keeps local days whole across the end of daylight saving time (Sunday 2026-11-01 is 25 hours long)", async () => {
    const s = await setup();
    const staff = { businessId: s.businessId, serviceId: s.mensCut, staffId: s.leo };
    const saturdayLate = await insertRaw(s.db, staff, new Date("2026-11-01T03:30:00Z"), 30); // Sat Oct 31 23:30 EDT
    const sundayLate = await insertRaw(s.db, staff, new Date("2026-11-02T04:30:00Z"), 30); // Sun Nov 1 23:30 EST
    const mondayEarly = await insertRaw(s.db, staff, new Date("2026-11-02T05:30:00Z"), 30); // Mon Nov 2 00:30 EST

    const week = await s.api.list({ businessId: s.businessId, range: "week", date: "2026-10-28" });
    expect(week.from).toEqual(new Date("2026-10-26T04:00:00Z"));
    expect(week.to).toEqual(new Date("2026-11-02T05:00:00Z"));
    expect(week.appointments.map((a) => [a.id, a.localDate, a.startMinute])).toEqual([
      [saturdayLate.id, "2026-10-31", 23 * 60 + 30],
      [sundayLate.id, "2026-11-01", 23 * 60 + 30],
    ]);
    const monday = await s.api.list({ businessId: s.businessId, range: "day", date: "2026-11-02" });
    expect(monday.appointments.map((a) => [a.id, a.startMinute])).toEqual([[mondayEarly.id, 30]]);
    expect(monday.window.startMinute).toBe(0);
  });

  it("lists today when no date is given, and refuses a date that does not exist", async () => {
    const s = await setup();
    const today = await s.api.list({ businessId: s.businessId, range: "day" });
    expect(today.date).toBe("2026-11-24");
    await expect(s.api.list({ businessId: s.businessId, range: "day", date: "2026-02-30" })).rejects.toSatisfy(
      (e: unknown) => e instanceof TRPCError && e.code === "BAD_REQUEST",
    );
  });

  it("offers staff, services and the free slots of one local day", async () => {
    const s = await setup();
    const options = await s.api.options({ businessId: s.businessId });
    expect(options.timezone).toBe("America/New_York");
    expect(options.services.map((x) => x.name)).toEqual(["Women's haircut", "Men's haircut", "Color", "Blow-dry"]);
    expect(options.services.find((x) => x.name === "Color")!.staffIds).toEqual([s.maya]);
    expect(options.staff.map((x) => x.name)).toEqual(["Maya Chen", "Leo Alvarez"]);

    const wed = await s.api.availability({ businessId: s.businessId, serviceId: s.womensCut, staffId: s.maya, date: "2026-12-02" });
    expect(wed.slots.length).toBeGreaterThan(0);
    expect(wed.slots[0]!.startsAt).toEqual(local("2026-12-02T09:00"));
    expect(wed.slots.every((x) => x.startsAt >= local("2026-12-02T00:00") && x.startsAt < local("2026-12-03T00:00"))).toBe(true);

    const monday = await s.api.availability({ businessId: s.businessId, serviceId: s.womensCut, staffId: null, date: "2026-11-30" });
    expect(monday.slots).toEqual([]);
  });

  it("books through the router: an appointment from the dashboard and its audit row", async () => {
    const s = await setup();
    const { slots } = await s.api.availability({ businessId: s.businessId, serviceId: s.womensCut, staffId: null, date: "2026-12-03" });
    const first = slots[0]!;
    const result = await s.api.book({ businessId: s.businessId, serviceId: s.womensCut, slotId: first.slotId, staffId: null, customer: { phone: "+15553999001", name: "Rita Booker", email: "rita@example.com" }, notes: "First visit" });
    if (!result.ok) throw new Error(result.message);
    expect(result.appointment).toMatchObject({ status: "booked", startsAt: first.startsAt, notes: "First visit", customer: { name: "Rita Booker", phone: "+15553999001", email: "rita@example.com" } });

    const row = await s.db.appointment.findUniqueOrThrow({ where: { id: result.appointment.id }, select: { businessId: true, channel: true, status: true } });
    expect(row).toEqual({ businessId: s.businessId, channel: "dashboard", status: "booked" });
    const audit = await s.db.auditLog.findMany({ where: { entityId: result.appointment.id }, select: { action: true, actorType: true, actorId: true, channel: true, businessId: true } });
    expect(audit).toEqual([{ action: "appointment.book", actorType: "user", actorId: s.ownerId, channel: "dashboard", businessId: s.businessId }]);
  });

  it("answers a taken or closed time with the nearest free times instead of an error", async () => {
    const s = await setup();
    const startsAt = local("2026-12-04T10:00");
    const first = await s.api.book({ businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, startsAt, customer: customer() });
    expect(first.ok).toBe(true);
    const taken = await s.api.book({ businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, startsAt, customer: customer() });
    expect(taken).toMatchObject({ ok: false, code: "SLOT_TAKEN", message: "That time was just taken." });
    if (taken.ok) throw new Error("unreachable");
    expect(taken.alternatives.length).toBeGreaterThan(0);
    expect(taken.alternatives.every((a) => a.startsAt.getTime() !== startsAt.getTime())).toBe(true);

    const sunday = await s.api.book({ businessId: s.businessId, serviceId: s.mensCut, staffId: null, startsAt: local("2026-12-06T10:00"), customer: customer() });
    expect(sunday).toMatchObject({ ok: false, code: "OUTSIDE_HOURS" });

    await expect(
      s.api.book({ businessId: s.businessId, serviceId: s.mensCut, staffId: null, startsAt: local("2026-12-04T11:00"), customer: { phone: "555-1234" } }),
    ).rejects.toSatisfy((e: unknown) => e instanceof TRPCError && e.code === "BAD_REQUEST");
  });

  it("reschedules, cancels and marks a no-show through the router, each audited as the dashboard user", async () => {
    const s = await setup();
    const booked = await s.api.book({ businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, startsAt: local("2026-12-09T10:00"), customer: customer() });
    if (!booked.ok) throw new Error(booked.message);

    const moved = await s.api.reschedule({ businessId: s.businessId, appointmentId: booked.appointment.id, startsAt: local("2026-12-09T15:00") });
    if (!moved.ok) throw new Error(moved.message);
    expect(moved.appointment).toMatchObject({ status: "booked", startsAt: local("2026-12-09T15:00"), staff: { id: s.maya } });
    const old = await s.db.appointment.findUniqueOrThrow({ where: { id: booked.appointment.id }, select: { status: true } });
    expect(old.status).toBe("cancelled");
    const day = await s.api.list({ businessId: s.businessId, range: "day", date: "2026-12-09" });
    expect(day.appointments.map((a) => a.id)).toEqual([moved.appointment.id]);

    // A move onto a closed day is answered with alternatives, and the appointment stays.
    const refused = await s.api.reschedule({ businessId: s.businessId, appointmentId: moved.appointment.id, startsAt: local("2026-12-07T10:00") });
    expect(refused).toMatchObject({ ok: false, code: "OUTSIDE_HOURS" });

    const cancelled = await s.api.cancel({ businessId: s.businessId, appointmentId: moved.appointment.id, reason: "Customer is travelling" });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.notes).toContain("Cancelled: Customer is travelling");
    expect((await s.api.list({ businessId: s.businessId, range: "day", date: "2026-12-09" })).appointments).toEqual([]);

    const today = await s.api.book({ businessId: s.businessId, serviceId: s.mensCut, staffId: s.maya, startsAt: local("2026-11-24T11:00"), customer: customer() });
    if (!today.ok) throw new Error(today.message);
    const later = s.apiAt(local("2026-11-24T12:00"));
    const noShow = await later.markNoShow({ businessId: s.businessId, appointmentId: today.appointment.id });
    expect(noShow.status).toBe("no_show");

    const actions = await s.db.auditLog.findMany({
      where: { businessId: s.businessId, entityId: { in: [booked.appointment.id, moved.appointment.id, today.appointment.id] } },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorType: true, actorId: true, channel: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["appointment.book", "appointment.reschedule", "appointment.cancel", "appointment.book", "appointment.no_show"]);
    expect(actions.every((a) => a.actorType === "user" && a.actorId === s.ownerId && a.channel === "dashboard")).toBe(true);
  });

  it("answers NOT_FOUND to a member of another business for every procedure, and writes nothing", async () => {
    const s = await setup();
    const booked = await s.api.book({ businessId: s.businessId, serviceId: s.mensCut, staffId: s.leo, startsAt: local("2026-12-10T12:00"), customer: customer() });
    if (!booked.ok) throw new Error(booked.message);
    const businessId = s.businessId;
    const appointmentId = booked.appointment.id;
    const calls: Record<keyof typeof appointmentsRouter._def.record, (api: typeof s.outsider) => Promise<unknown>> = {
      list: (api) => api.list({ businessId, range: "week", date: "2026-12-10" }),
      options: (api) => api.options({ businessId }),
      availability: (api) => api.availability({ businessId, serviceId: s.mensCut, staffId: null, date: "2026-12-10" }),
      book: (api) => api.book({ businessId, serviceId: s.mensCut, staffId: null, startsAt: local("2026-12-10T14:00"), customer: customer() }),
      reschedule: (api) => api.reschedule({ businessId, appointmentId, startsAt: local("2026-12-10T15:00") }),
      cancel: (api) => api.cancel({ businessId, appointmentId, reason: "not mine" }),
      markNoShow: (api) => api.markNoShow({ businessId, appointmentId }),
    };
    // A procedure added later without a line here fails this test, not a tenant.
    expect(Object.keys(calls).sort()).toEqual(Object.keys(appointmentsRouter._def.record).sort());

    const counts = () => Promise.all([s.db.appointment.count(), s.db.auditLog.count(), s.db.customer.count()]);
    const before = await counts();
    for (const [name, call] of Object.entries(calls)) {
      const error = await call(s.outsider).then(() => null, (e: unknown) => e);
      expect(error instanceof TRPCError && error.code, name).toBe("NOT_FOUND");
      const anonymous = await call(s.anonymous).then(() => null, (e: unknown) => e);
      expect(anonymous instanceof TRPCError && anonymous.code, name).toBe("UNAUTHORIZED");
    }
    expect(await counts()).toEqual(before);
    const still = await s.db.appointment.findUniqueOrThrow({ where: { id: appointmentId }, select: { status: true, startsAt: true } });
    expect(still).toEqual({ status: "booked", startsAt: local("2026-12-10T12:00") });
  });
});
