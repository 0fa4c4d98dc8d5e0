// POST …/bookings/{id}/reschedule and …/cancel on the demo salon, clock on Tuesday 2026-11-24
// 09:00 New York: a move either happens whole or leaves the booking where it was.
import { beforeAll, describe, expect, it } from "vitest";
import { bookingResource } from "../../server/api/v1/schemas";
import { createApiKey } from "../../server/businesses/create-api-key";
import { encodeSlotId } from "../../server/scheduling/slot-id";
import { createBusinessFixture } from "../helpers/fixtures";
import { engines, useTestDatabase } from "../helpers/test-database";
import { apiClient, demoSalon, expectNothingWritten, expectProblem, local, namedFields, newCustomer, type Salon } from "./support";

describe.each(engines)("reschedule and cancel API on %s", (engine) => {
  const database = useTestDatabase(engine);
  let salon: Salon;
  let call: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    salon = await demoSalon(database().prisma);
    call = apiClient(database().prisma);
  });
  const bookings = () => `/api/v1/businesses/${salon.slug}/bookings`;
  async function bookAt(startLocal: string, extra: Record<string, unknown> = {}) {
    const reply = await call("POST", bookings(), { key: salon.key, body: { serviceId: salon.mensCut, startsAt: local(startLocal), customer: newCustomer(), ...extra } });
    expect(reply.status).toBe(201);
    return bookingResource.parse(reply.body);
  }
  const snapshot = (id: string) =>
    database().prisma.appointment.findUniqueOrThrow({ where: { id }, select: { status: true, startsAt: true, staffId: true, cancelledAt: true, notes: true } });

  it("moves a booking: 200, a new booking that names the old one, and the old one cancelled", async () => {
    const original = await bookAt("2026-12-04T10:00");
    const reply = await call("POST", `${bookings()}/${original.id}/reschedule`, { key: salon.key, body: { startsAt: local("2026-12-04T15:00") } });
    expect(reply.status).toBe(200);
    const moved = bookingResource.parse(reply.body);
    expect(moved).toMatchObject({ status: "booked", startLocal: "2026-12-04T15:00:00-05:00", rescheduledFromId: original.id, staff: original.staff, customer: original.customer });
    expect(reply.headers.get("content-location")).toBe(`${bookings()}/${moved.id}`);
    const old = await call("GET", `${bookings()}/${original.id}`, { key: salon.key });
    expect(old.body.status).toBe("cancelled");
    const audit = await database().prisma.auditLog.findFirstOrThrow({ where: { entityId: moved.id, action: "appointment.reschedule" } });
    expect(audit).toMatchObject({ actorType: "api", channel: "api" });
  });

  it("moves to a slot from availability", async () => {
    const original = await bookAt("2026-12-04T10:30");
    const slots = await call("GET", `/api/v1/businesses/${salon.slug}/availability?${new URLSearchParams({ service: salon.mensCut, from: local("2026-12-04T16:00"), to: local("2026-12-04T17:00") })}`);
    const slot = (slots.body.slots as { slotId: string; startsAt: string }[])[0]!;
    const reply = await call("POST", `${bookings()}/${original.id}/reschedule`, { key: salon.key, body: { slotId: slot.slotId } });
    expect(reply.status).toBe(200);
    expect(reply.body.startsAt).toBe(slot.startsAt);
  });

  it("keeps the booking where it was when the new time is taken: 409 with alternatives, nothing written", async () => {
    const db = database().prisma;
    const original = await bookAt("2026-12-04T09:00"); // Friday 09:00: only Maya is in
    await bookAt("2026-12-04T14:00", { staffId: salon.maya });
    const before = await snapshot(original.id);
    const reply = await expectNothingWritten(db, () =>
      call("POST", `${bookings()}/${original.id}/reschedule`, { key: salon.key, body: { startsAt: local("2026-12-04T14:00") } }),
    );
    const problem = expectProblem(reply, 409, "slot-taken");
    expect(namedFields(problem)).toEqual(["startsAt"]);
    expect(problem.alternatives!.length).toBe(3);
    expect(await snapshot(original.id)).toEqual(before);
    expect(before.status).toBe("booked");
  });

  describe("a bad move gets a 4xx naming the problem and leaves the booking as it was", () => {
    const cases: [string, () => unknown, number, string, string][] = [
      ["a time in the past", () => ({ startsAt: "2026-11-20T15:00:00Z" }), 400, "invalid-request", "startsAt"],
      ["a closed day", () => ({ startsAt: local("2026-11-30T10:00") }), 422, "outside-hours", "startsAt"],
      ["beyond the booking horizon", () => ({ startsAt: local("2027-03-05T10:00") }), 422, "outside-hours", "startsAt"],
      ["a malformed date", () => ({ startsAt: "2026-12-04 10:00" }), 400, "invalid-request", "startsAt"],
      ["an unknown staff member", () => ({ startsAt: local("2026-12-04T11:00"), staffId: "staff_nope" }), 400, "invalid-request", "staffId"],
      ["a slot of another service", () => ({ slotId: encodeSlotId({ serviceId: salon.color, startMs: Date.parse(local("2026-12-04T11:00")), staffId: null }) }), 400, "invalid-request", "slotId"],
      ["no time at all", () => ({}), 400, "invalid-request", "startsAt"],
    ];
    it.each(cases)("%s", async (_name, body, status, type, field) => {
      const original = await bookAt("2026-12-04T11:30");
      const before = await snapshot(original.id);
      const reply = await expectNothingWritten(database().prisma, () => call("POST", `${bookings()}/${original.id}/reschedule`, { key: salon.key, body: body() }));
      expect(namedFields(expectProblem(reply, status, type))).toContain(field);
      expect(await snapshot(original.id)).toEqual(before);
      // Free the time for the next case.
      expect((await call("POST", `${bookings()}/${original.id}/cancel`, { key: salon.key })).status).toBe(200);
    });
  });

  it("refuses to move a cancelled booking with 409 conflict", async () => {
    const original = await bookAt("2026-12-04T12:00");
    await call("POST", `${bookings()}/${original.id}/cancel`, { key: salon.key, body: {} });
    const reply = await expectNothingWritten(database().prisma, () =>
      call("POST", `${bookings()}/${original.id}/reschedule`, { key: salon.key, body: { startsAt: local("2026-12-04T16:30") } }),
    );
    expect(expectProblem(reply, 409, "conflict").detail).toMatch(/cancelled/);
  });

  it("cancels with a reason, frees the time, and answers a second cancel with the same booking", async () => {
    const original = await bookAt("2026-12-04T12:30");
    const reply = await call("POST", `${bookings()}/${original.id}/cancel`, { key: salon.key, body: { reason: "Customer is ill" } });
    expect(reply.status).toBe(200);
    const cancelled = bookingResource.parse(reply.body);
    expect(cancelled).toMatchObject({ id: original.id, status: "cancelled", notes: "Cancelled: Customer is ill" });
    const again = await expectNothingWritten(database().prisma, () => call("POST", `${bookings()}/${original.id}/cancel`, { key: salon.key }));
    expect(again.status).toBe(200);
    expect(again.body.status).toBe("cancelled");
    expect((await bookAt("2026-12-04T12:30", { staffId: original.staff.id })).startsAt).toBe(original.startsAt);
  });

  it("refuses a cancel body that is not JSON, or has unknown fields, without cancelling", async () => {
    const original = await bookAt("2026-12-03T13:00");
    const form = await call("POST", `${bookings()}/${original.id}/cancel`, { key: salon.key, rawBody: "reason=x", headers: { "content-type": "text/plain" } });
    expectProblem(form, 415, "unsupported-media-type");
    const unknown = await call("POST", `${bookings()}/${original.id}/cancel`, { key: salon.key, body: { reason: "x", refund: true } });
    expect(namedFields(expectProblem(unknown, 400, "invalid-request"))).toEqual(["refund"]);
    expect((await snapshot(original.id)).status).toBe("booked");
  });

  it("answers 404 to another business's key and to unknown ids, changing nothing", async () => {
    const db = database().prisma;
    const original = await bookAt("2026-12-04T16:00");
    const before = await snapshot(original.id);
    const other = await createBusinessFixture(db);
    const otherKey = await createApiKey(db, { businessId: other.businessId, name: "other" });
    const otherSlug = (await db.business.findUniqueOrThrow({ where: { id: other.businessId }, select: { slug: true } })).slug;
    const attempts = [
      () => call("POST", `${bookings()}/${original.id}/cancel`, { key: otherKey.key }),
      () => call("POST", `${bookings()}/${original.id}/reschedule`, { key: otherKey.key, body: { startsAt: local("2026-12-04T17:00") } }),
      () => call("POST", `/api/v1/businesses/${otherSlug}/bookings/${original.id}/cancel`, { key: otherKey.key }),
      () => call("POST", `/api/v1/businesses/${otherSlug}/bookings/${original.id}/reschedule`, { key: otherKey.key, body: { startsAt: local("2026-12-04T17:00") } }),
      () => call("POST", `${bookings()}/appt_nope/cancel`, { key: salon.key }),
      () => call("POST", `${bookings()}/appt_nope/reschedule`, { key: salon.key, body: { startsAt: local("2026-12-04T17:00") } }),
    ];
    for (const attempt of attempts) expectProblem(await expectNothingWritten(db, attempt), 404, "not-found");
    expectProblem(await expectNothingWritten(db, () => call("POST", `${bookings()}/${original.id}/cancel`)), 401, "unauthenticated");
    expect(await snapshot(original.id)).toEqual(before);
  });
});
