// The agent's tools against a real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is
// set), on the demo salon with the clock on Tuesday 2026-11-24 09:00 in New York.
import { describe, expect, it } from "vitest";
import { seedDemo } from "../../../prisma/seed";
import { engines, useTestDatabase } from "../../../tests/helpers/test-database";
import type { Db } from "../../db";
import { encodeSlotId } from "../../scheduling/slot-id";
import type { AgentChannel, ToolCallRecord, ToolResult } from "../types";
import { createToolBox, TOOL_DEFINITIONS } from "./tool-box";
import type { ToolContext } from "./tool-kit";

const now = new Date("2026-11-24T14:00:00Z");
let phoneCounter = 0;

async function setUp(db: Db, { channel = "phone" as AgentChannel, phone }: { channel?: AgentChannel; phone?: string } = {}) {
  const { businessId } = await seedDemo(db);
  const callerPhone = phone ?? `+1555300${String(++phoneCounter).padStart(4, "0")}`;
  const ctx: ToolContext = { db, businessId, callerPhone, channel, now: () => now, sessionId: `s${phoneCounter}`, issuedSlotIds: new Set(), effects: {} };
  const records: ToolCallRecord[] = [];
  let calls = 0;
  const box = createToolBox(ctx, { turnId: "t1", nextCallId: () => `c${++calls}`, onRecord: (r) => records.push(r) });
  // Results are plain JSON; the tests read into them freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const call = (name: string, args: unknown) => box.call(name, args) as Promise<ToolResult & Record<string, any>>;
  const services = await db.service.findMany({ where: { businessId }, select: { id: true, name: true } });
  const id = (name: string) => services.find((s) => s.name === name)!.id;
  return { ctx, call, records, businessId, callerPhone, mens: id("Men's haircut"), color: id("Color") };
}

describe.each(engines)("agent tools on %s", (engine) => {
  const database = useTestDatabase(engine);

  it("describe every tool with a JSON Schema an LLM can call", () => {
    expect(TOOL_DEFINITIONS.map((d) => d.name)).toEqual([
      "check_availability", "book_appointment", "find_my_appointments", "reschedule_appointment", "cancel_appointment",
      "join_waitlist", "business_info", "transfer_to_human", "take_message", "end_conversation",
    ]);
    for (const d of TOOL_DEFINITIONS) expect(d.parameters).toMatchObject({ type: "object" });
    expect(TOOL_DEFINITIONS.find((d) => d.name === "book_appointment")?.parameters).toMatchObject({ required: ["slotId"] });
  });

  it("answers bad arguments and unknown tools with results, not exceptions, and records every call", async () => {
    const { call, records } = await setUp(database().prisma);
    expect(await call("check_availability", { service: "x", date: "tomorrow" })).toMatchObject({ ok: false, error: "INVALID_INPUT" });
    expect(await call("delete_everything", {})).toMatchObject({ ok: false, error: "UNKNOWN_TOOL" });
    expect(records.map((r) => [r.name, r.ok])).toEqual([["check_availability", false], ["delete_everything", false]]);
  });

  it("gives slot ids with weekday, date and time in the business's zone, and says why a day has none", async () => {
    const { call, mens } = await setUp(database().prisma);
    const wednesday = await call("check_availability", { service: mens, date: "2026-11-25", time: "15:00" });
    expect(wednesday.exactMatch).toMatchObject({ date: "2026-11-25", weekday: "Wednesday", time: "15:00", staff: [{ name: "Maya Chen" }] });
    const sunday = await call("check_availability", { service: "Men's haircut", date: "2026-11-29" });
    expect(sunday).toMatchObject({ ok: true, slots: [], days: [{ date: "2026-11-29", weekday: "Sunday", status: "closed" }] });
    expect(sunday.nextAvailable).toMatchObject({ date: "2026-12-01", weekday: "Tuesday", time: "09:00" });
    const leoWednesday = await call("check_availability", { service: mens, staff: "Leo", date: "2026-11-25" });
    expect(leoWednesday.days[0].status).toBe("staff_off");
    // Open on Saturday, but Maya (the only one who does colour) is off and Leo does not do it.
    const colourSaturday = await call("check_availability", { service: "Color", date: "2026-11-28" });
    expect(colourSaturday).toMatchObject({ ok: true, slots: [], days: [{ date: "2026-11-28", weekday: "Saturday", status: "not_offered" }] });
    expect(await call("check_availability", { service: mens, date: "2026-11-23" })).toMatchObject({ ok: false, error: "PAST_DATE" });
  });

  it("reports a day that is open but taken as full", async () => {
    const db = database().prisma;
    const { call, businessId, mens } = await setUp(db);
    const leo = await db.staffMember.findFirstOrThrow({ where: { businessId, name: "Leo Alvarez" }, select: { id: true } });
    const blocker = await db.customer.create({ data: { businessId, phone: "+15553999999" }, select: { id: true } });
    const from = new Date("2026-12-05T14:00:00Z"); // Saturday 09:00 EST
    const to = new Date("2026-12-05T21:00:00Z"); // 16:00
    await db.appointment.create({
      data: { businessId, serviceId: mens, staffId: leo.id, customerId: blocker.id, startsAt: from, endsAt: to, blockedFrom: from, blockedUntil: to, status: "booked", channel: "dashboard" },
    });
    const saturday = await call("check_availability", { service: mens, date: "2026-12-05" });
    expect(saturday.days[0].status).toBe("full");
    expect(saturday.nextAvailable.date).toBe("2026-12-08");
  });

  it("refuses services and staff it cannot resolve, saying what exists", async () => {
    const { call, color } = await setUp(database().prisma);
    expect(await call("check_availability", { service: "haircut" })).toMatchObject({ ok: false, error: "AMBIGUOUS_SERVICE" });
    const nails = await call("check_availability", { service: "nails" });
    expect(nails).toMatchObject({ ok: false, error: "UNKNOWN_SERVICE" });
    expect(nails.services).toHaveLength(4);
    expect(await call("check_availability", { service: color, staff: "Leo" })).toMatchObject({
      ok: false, error: "STAFF_DOES_NOT_PERFORM", performedBy: [{ name: "Maya Chen" }],
    });
  });

  it("books only slot ids it gave out, asks for a name first, and books once per slot", async () => {
    const db = database().prisma;
    const { call, mens, businessId, callerPhone } = await setUp(db);
    const invented = encodeSlotId({ serviceId: mens, startMs: Date.parse("2026-12-09T20:00:00Z"), staffId: null });
    expect(await call("book_appointment", { slotId: invented, customerName: "Sam" })).toMatchObject({ ok: false, error: "UNKNOWN_SLOT" });

    const { exactMatch } = await call("check_availability", { service: mens, date: "2026-12-09", time: "15:00" });
    expect(await call("book_appointment", { slotId: exactMatch.slotId })).toMatchObject({ ok: false, error: "NAME_REQUIRED" });
    expect(await db.appointment.count({ where: { businessId, customer: { phone: callerPhone } } })).toBe(0);

    const booked = await call("book_appointment", { slotId: exactMatch.slotId, customerName: "Sam Lee" });
    expect(booked).toMatchObject({ ok: true, customerName: "Sam Lee", appointment: { date: "2026-12-09", weekday: "Wednesday", time: "15:00", status: "booked" } });
    const again = await call("book_appointment", { slotId: exactMatch.slotId, customerName: "Sam Lee" });
    expect(again.appointment.appointmentId).toBe(booked.appointment.appointmentId);
    expect(await db.appointment.count({ where: { businessId, customer: { phone: callerPhone } } })).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: booked.appointment.appointmentId, action: "appointment.book" } });
    expect([audit.actorType, audit.channel]).toEqual(["caller", "phone"]);
  });

  it("answers a slot taken since it was offered with alternatives the agent may book", async () => {
    const db = database().prisma;
    const first = await setUp(db);
    const second = await setUp(db);
    const a = await first.call("check_availability", { service: first.mens, staff: "Maya", date: "2026-12-02", time: "15:00" });
    const b = await second.call("check_availability", { service: second.mens, staff: "Maya", date: "2026-12-02", time: "15:00" });
    expect((await first.call("book_appointment", { slotId: a.exactMatch.slotId, customerName: "First" })).ok).toBe(true);
    const taken = await second.call("book_appointment", { slotId: b.exactMatch.slotId, customerName: "Second" });
    expect(taken).toMatchObject({ ok: false, error: "SLOT_TAKEN" });
    expect(taken.alternatives.length).toBeGreaterThan(0);
    expect((await second.call("book_appointment", { slotId: taken.alternatives[0].slotId, customerName: "Second" })).ok).toBe(true);
  });

  it("finds, moves and cancels only the caller's own appointments, within the business's policy", async () => {
    const db = database().prisma;
    const owner = await setUp(db);
    const stranger = await setUp(db);
    const slots = await owner.call("check_availability", { service: owner.mens, date: "2026-11-27", time: "10:00" });
    const booked = await owner.call("book_appointment", { slotId: slots.exactMatch.slotId, customerName: "Owner" });
    const appointmentId = booked.appointment.appointmentId;

    expect((await stranger.call("find_my_appointments", {})).appointments).toEqual([]);
    expect(await stranger.call("cancel_appointment", { appointmentId })).toMatchObject({ ok: false, error: "NOT_FOUND" });
    expect((await owner.call("find_my_appointments", {})).appointments).toMatchObject([{ appointmentId, date: "2026-11-27", time: "10:00" }]);

    const colorSlots = await owner.call("check_availability", { service: owner.color, date: "2026-11-28" });
    const colorSlot = colorSlots.nextAvailable ?? colorSlots.slots[0];
    expect(await owner.call("reschedule_appointment", { appointmentId, slotId: colorSlot.slotId })).toMatchObject({ ok: false, error: "SERVICE_MISMATCH" });
    const saturday = await owner.call("check_availability", { service: owner.mens, date: "2026-11-28", time: "11:00" });
    const moved = await owner.call("reschedule_appointment", { appointmentId, slotId: saturday.exactMatch.slotId });
    expect(moved).toMatchObject({ ok: true, previous: { date: "2026-11-27" }, appointment: { date: "2026-11-28", time: "11:00" } });
    expect(await owner.call("cancel_appointment", { appointmentId: moved.appointment.appointmentId })).toMatchObject({ ok: true, appointment: { status: "cancelled" } });
  });

  it("refuses a caller's cancellation inside the cancellation window and keeps the appointment", async () => {
    const db = database().prisma;
    const { call, mens, businessId } = await setUp(db);
    const today = await call("check_availability", { service: mens, date: "2026-11-24", time: "15:00" });
    const booked = await call("book_appointment", { slotId: today.exactMatch.slotId, customerName: "Late" });
    expect(await call("cancel_appointment", { appointmentId: booked.appointment.appointmentId })).toMatchObject({ ok: false, error: "FORBIDDEN" });
    expect((await db.appointment.findFirstOrThrow({ where: { id: booked.appointment.appointmentId, businessId } })).status).toBe("booked");
  });

  it("puts the caller on the waitlist for a day", async () => {
    const db = database().prisma;
    const { call, mens, businessId, callerPhone } = await setUp(db);
    expect(await call("join_waitlist", { service: mens, date: "2026-11-28" })).toMatchObject({ ok: false, error: "NAME_REQUIRED" });
    const joined = await call("join_waitlist", { service: mens, date: "2026-11-28", customerName: "Wait Ing" });
    expect(joined).toMatchObject({ ok: true, created: true, entry: { fromDate: "2026-11-28", toDate: "2026-11-28" } });
    const entry = await db.waitlistEntry.findFirstOrThrow({ where: { businessId, customer: { phone: callerPhone } } });
    expect([entry.earliest.toISOString(), entry.latest.toISOString()]).toEqual(["2026-11-28T05:00:00.000Z", "2026-11-29T05:00:00.000Z"]);
  });

  it("answers from the FAQ when there is one, and says so when there is none", async () => {
    const db = database().prisma;
    const { call, businessId } = await setUp(db);
    expect((await call("business_info", { topic: "faq", question: "is there parking?" })).faq).toEqual({ match: null, questions: [] });
    const business = await db.business.findUniqueOrThrow({ where: { id: businessId }, select: { settings: true } });
    await db.business.update({
      where: { id: businessId },
      data: { settings: { ...(business.settings as object), faq: [{ question: "Is there parking nearby?", answer: "Behind the salon." }, { nonsense: true }] } },
    });
    expect((await call("business_info", { topic: "faq", question: "where can I park" })).faq).toEqual({
      match: { question: "Is there parking nearby?", answer: "Behind the salon." },
      questions: ["Is there parking nearby?"],
    });
    const hours = await call("business_info", { topic: "hours" });
    expect(hours.hours[0]).toEqual({ weekday: "Sunday", ranges: [] });
    expect(hours.hours[6]).toEqual({ weekday: "Saturday", ranges: [{ start: "09:00", end: "16:00" }] });
    await db.business.update({ where: { id: businessId }, data: { settings: business.settings as object } });
  });

  it("transfers phone calls but not texts, takes messages into the audit log, and ends conversations", async () => {
    const db = database().prisma;
    const phone = await setUp(db);
    expect(await phone.call("transfer_to_human", { reason: "asked" })).toEqual({ ok: true, to: "+15555550199" });
    expect(phone.ctx.effects.transfer).toEqual({ reason: "asked", to: "+15555550199" });
    const sms = await setUp(db, { channel: "sms" });
    expect(await sms.call("transfer_to_human", { reason: "asked" })).toMatchObject({ ok: false, error: "TRANSFER_UNAVAILABLE" });
    expect(sms.ctx.effects.transfer).toBeUndefined();
    expect(await sms.call("take_message", { message: "Running late", callerName: "Kim" })).toEqual({ ok: true });
    expect(sms.ctx.effects.message).toEqual({ text: "Running late", callerName: "Kim", callbackPhone: sms.callerPhone });
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "message.take", entityId: sms.ctx.sessionId } });
    expect([row.actorType, row.channel]).toEqual(["caller", "sms"]);
    expect(await sms.call("end_conversation", {})).toEqual({ ok: true });
    expect(sms.ctx.effects.end).toBe(true);
  });
});
