// POST /api/v1/businesses/{slug}/bookings and GET …/bookings/{id} on the demo salon, clock on
// Tuesday 2026-11-24 09:00 New York. Every refused request is checked to have written nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { bookingResource } from "../../server/api/v1/schemas";
import { createApiKey } from "../../server/businesses/create-api-key";
import { encodeSlotId } from "../../server/scheduling/slot-id";
import { createBusinessFixture } from "../helpers/fixtures";
import { engines, useTestDatabase } from "../helpers/test-database";
import { apiClient, demoSalon, expectNothingWritten, expectProblem, local, namedFields, newCustomer, type Salon } from "./support";

describe.each(engines)("booking API on %s", (engine) => {
  const database = useTestDatabase(engine);
  let salon: Salon;
  let call: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    salon = await demoSalon(database().prisma);
    call = apiClient(database().prisma);
  });
  const bookings = () => `/api/v1/businesses/${salon.slug}/bookings`;
  const book = (body: unknown, headers?: Record<string, string>) => call("POST", bookings(), { key: salon.key, body, headers });

  it("books a slot from availability: 201, Location, the booking, and an audit entry for the key", async () => {
    const db = database().prisma;
    const slots = await call("GET", `/api/v1/businesses/${salon.slug}/availability?${new URLSearchParams({ service: salon.mensCut, from: local("2026-12-01T09:00"), to: local("2026-12-01T12:00") })}`);
    const slot = (slots.body.slots as { slotId: string; startsAt: string }[])[0]!;
    const reply = await book({ serviceId: salon.mensCut, slotId: slot.slotId, customer: { phone: "+15557770001", name: "Robin" }, notes: "First visit" });
    expect(reply.status).toBe(201);
    const booking = bookingResource.parse(reply.body);
    expect(booking).toMatchObject({ status: "booked", startsAt: slot.startsAt, startLocal: "2026-12-01T09:00:00-05:00", notes: "First visit", service: { id: salon.mensCut } });
    expect(booking.customer).toMatchObject({ phone: "+15557770001", name: "Robin" });
    expect(reply.headers.get("location")).toBe(`${bookings()}/${booking.id}`);

    const apiKey = await db.apiKey.findFirstOrThrow({ where: { businessId: salon.businessId, name: "Demo key" }, select: { id: true } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: booking.id, action: "appointment.book" } });
    expect(audit).toMatchObject({ actorType: "api", actorId: apiKey.id, channel: "api" });
    expect((await db.appointment.findUniqueOrThrow({ where: { id: booking.id } })).channel).toBe("api");

    const read = await call("GET", `${bookings()}/${booking.id}`, { key: salon.key });
    expect(read.status).toBe(200);
    expect(bookingResource.parse(read.body)).toEqual(booking);
  });

  it("books by startsAt with a chosen staff member", async () => {
    const reply = await book({ serviceId: salon.mensCut, startsAt: local("2026-12-01T11:00"), staffId: salon.leo, customer: newCustomer() });
    expect(reply.status).toBe(201);
    expect(bookingResource.parse(reply.body).staff.id).toBe(salon.leo);
  });

  it("returns the same booking for a retry with the same Idempotency-Key: 200, replayed, one row", async () => {
    const db = database().prisma;
    const body = { serviceId: salon.mensCut, startsAt: local("2026-12-01T14:00"), customer: newCustomer() };
    const first = await book(body, { "idempotency-key": "order-1001" });
    expect(first.status).toBe(201);
    const before = await db.auditLog.count();
    const retry = await expectNothingWritten(db, () => book(body, { "idempotency-key": "order-1001" }));
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body.id).toBe(first.body.id);
    expect(await db.appointment.count({ where: { businessId: salon.businessId, idempotencyKey: "order-1001" } })).toBe(1);
    expect(await db.auditLog.count()).toBe(before);
  });

  it("refuses an Idempotency-Key reused for a different booking with 422, writing nothing", async () => {
    const db = database().prisma;
    await book({ serviceId: salon.mensCut, startsAt: local("2026-12-01T15:00"), customer: newCustomer() }, { "idempotency-key": "order-2002" });
    const reply = await expectNothingWritten(db, () =>
      book({ serviceId: salon.mensCut, startsAt: local("2026-12-01T16:00"), customer: newCustomer() }, { "idempotency-key": "order-2002" }),
    );
    expect(expectProblem(reply, 422, "idempotency-key-reused").detail).toMatch(/new key/);
  });

  it("answers a taken slot with 409 and the three nearest free times, which can be booked", async () => {
    const db = database().prisma;
    // Wednesday: only Maya works. 10:00 blocks her until 10:40 (30 minutes + 5 + 5 buffer).
    expect((await book({ serviceId: salon.mensCut, startsAt: local("2026-11-25T10:00"), customer: newCustomer() })).status).toBe(201);
    const reply = await expectNothingWritten(db, () => book({ serviceId: salon.mensCut, startsAt: local("2026-11-25T10:00"), customer: newCustomer() }));
    const problem = expectProblem(reply, 409, "slot-taken");
    expect(namedFields(problem)).toEqual(["startsAt"]);
    expect(problem.detail).toMatch(/alternatives/);
    // 09:30 would end at 10:00 and its own 5-minute after-buffer would touch the 10:00 booking.
    expect(problem.alternatives!.map((a) => a.startLocal)).toEqual(["2026-11-25T10:45:00-05:00", "2026-11-25T09:00:00-05:00", "2026-11-25T11:15:00-05:00"]);
    for (const alternative of problem.alternatives!) {
      expect(Object.keys(alternative).sort()).toEqual(["endsAt", "slotId", "staffIds", "startLocal", "startsAt"]);
    }
    const after = problem.alternatives![0]!; // 10:45, after the taken appointment and its buffer
    const rebook = await book({ serviceId: salon.mensCut, slotId: after.slotId, customer: newCustomer() });
    expect(rebook.status).toBe(201);
    expect(rebook.body.startsAt).toBe(after.startsAt);
  });

  // Regression: the slot engine once widened an existing appointment by the new service's
  // before-buffer at its start, so 14:30 (ending 15:00, blocked until 15:05) was offered before a
  // 15:00 booking and then refused by the database's exclusion constraint.
  it("offers only times whose own buffers clear the next booking, and each offered time books", async () => {
    expect((await book({ serviceId: salon.mensCut, startsAt: local("2026-12-02T15:00"), staffId: salon.maya, customer: newCustomer() })).status).toBe(201);
    const slots = await call("GET", `/api/v1/businesses/${salon.slug}/availability?${new URLSearchParams({ service: salon.mensCut, staff: salon.maya, from: local("2026-12-02T14:00"), to: local("2026-12-02T15:00") })}`);
    const offered = slots.body.slots as { slotId: string; startLocal: string }[];
    expect(offered.map((o) => o.startLocal)).toEqual(["2026-12-02T14:00:00-05:00"]);
    const reply = await book({ serviceId: salon.mensCut, slotId: offered[0]!.slotId, customer: newCustomer() });
    expect(reply.status).toBe(201);
  });

  it("answers a time the business does not offer with 422 and alternatives", async () => {
    const reply = await expectNothingWritten(database().prisma, () =>
      book({ serviceId: salon.mensCut, startsAt: local("2026-11-29T10:00"), customer: newCustomer() }), // Sunday: closed
    );
    const problem = expectProblem(reply, 422, "outside-hours");
    expect(namedFields(problem)).toEqual(["startsAt"]);
    expect(problem.alternatives!.length).toBeGreaterThan(0);
  });

  describe("bad input gets a clear 4xx naming the problem, and writes nothing", () => {
    const valid = () => ({ serviceId: salon.mensCut, startsAt: local("2026-12-02T10:00"), customer: newCustomer() });
    const cases: [string, () => unknown, number, string, string | null, RegExp][] = [
      ["an unknown service", () => ({ ...valid(), serviceId: "svc_nope" }), 400, "invalid-request", "serviceId", /No service "svc_nope"/],
      ["an unknown staff member", () => ({ ...valid(), staffId: "staff_nope" }), 400, "invalid-request", "staffId", /No staff member/],
      ["staff who do not perform the service", () => ({ ...valid(), serviceId: salon.color, staffId: salon.leo }), 400, "invalid-request", "staffId", /does not perform Color/],
      ["a time in the past", () => ({ ...valid(), startsAt: "2026-11-23T15:00:00Z" }), 400, "invalid-request", "startsAt", /already passed/],
      ["a time inside the minimum notice", () => ({ ...valid(), startsAt: local("2026-11-24T09:30") }), 422, "outside-hours", "startsAt", /notice/],
      ["a time beyond the booking horizon", () => ({ ...valid(), startsAt: local("2027-03-02T10:00") }), 422, "outside-hours", "startsAt", /at most 60 days ahead/],
      ["a malformed date", () => ({ ...valid(), startsAt: "tomorrow at ten" }), 400, "invalid-request", "startsAt", /ISO 8601/],
      ["a date without an offset", () => ({ ...valid(), startsAt: "2026-12-02T10:00:00" }), 400, "invalid-request", "startsAt", /offset/],
      ["neither slotId nor startsAt", () => ({ serviceId: salon.mensCut, customer: newCustomer() }), 400, "invalid-request", "startsAt", /exactly one of slotId \(from availability\) or startsAt/],
      ["both slotId and startsAt", () => ({ ...valid(), slotId: encodeSlotId({ serviceId: salon.mensCut, startMs: Date.parse("2026-12-02T15:00:00Z"), staffId: null }) }), 400, "invalid-request", "slotId", /exactly one/],
      ["a made-up slotId", () => ({ serviceId: salon.mensCut, slotId: "not-a-slot", customer: newCustomer() }), 400, "invalid-request", "slotId", /not one this system gave out/],
      ["a slotId for another service", () => ({ serviceId: salon.mensCut, slotId: encodeSlotId({ serviceId: salon.color, startMs: Date.parse("2026-12-02T15:00:00Z"), staffId: null }), customer: newCustomer() }), 400, "invalid-request", "slotId", /another service/],
      ["a phone number not in international format", () => ({ ...valid(), customer: { phone: "555-1234" } }), 400, "invalid-request", "customer.phone", /international format/],
      ["a missing customer", () => ({ serviceId: salon.mensCut, startsAt: local("2026-12-02T10:00") }), 400, "invalid-request", "customer", /required/],
      ["a misspelt field", () => ({ ...valid(), startAt: local("2026-12-02T11:00") }), 400, "invalid-request", "startAt", /not a field this API accepts/],
      ["a wrongly typed field", () => ({ ...valid(), serviceId: 42 }), 400, "invalid-request", "serviceId", /Expected a string, got number 42/],
      ["notes that are too long", () => ({ ...valid(), notes: "x".repeat(2001) }), 400, "invalid-request", "notes", /at most 2000/],
      ["a JSON array instead of an object", () => [valid()], 400, "invalid-request", "(body)", /JSON object/],
    ];
    it.each(cases)("%s", async (_name, body, status, type, field, detail) => {
      const reply = await expectNothingWritten(database().prisma, () => book(body()));
      const problem = expectProblem(reply, status, type);
      if (field) expect(namedFields(problem)).toContain(field);
      const named = problem.errors?.find((e) => e.field === field);
      expect(named?.detail ?? problem.detail).toMatch(detail);
      if (named?.in === "body") expect(named.pointer).toBe(`/${field!.replace("(body)", "").replaceAll(".", "/")}`.replace(/\/$/, ""));
    });

    it("malformed JSON → 400 malformed-json", async () => {
      const reply = await expectNothingWritten(database().prisma, () =>
        call("POST", bookings(), { key: salon.key, rawBody: '{"serviceId": "x",}', headers: { "content-type": "application/json" } }),
      );
      expect(expectProblem(reply, 400, "malformed-json").detail).toMatch(/not valid JSON/);
    });

    it("a body that is not UTF-8 → 400 malformed-json", async () => {
      const reply = await expectNothingWritten(database().prisma, () =>
        call("POST", bookings(), { key: salon.key, rawBody: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), headers: { "content-type": "application/json" } }),
      );
      expect(expectProblem(reply, 400, "malformed-json").detail).toMatch(/UTF-8/);
    });

    it("a form body → 415 naming the content type", async () => {
      const reply = await expectNothingWritten(database().prisma, () =>
        call("POST", bookings(), { key: salon.key, rawBody: "serviceId=x", headers: { "content-type": "application/x-www-form-urlencoded" } }),
      );
      expect(expectProblem(reply, 415, "unsupported-media-type").detail).toMatch(/application\/x-www-form-urlencoded/);
    });

    it("an empty body → 400", async () => {
      const reply = await expectNothingWritten(database().prisma, () => call("POST", bookings(), { key: salon.key, headers: { "content-type": "application/json" } }));
      expect(namedFields(expectProblem(reply, 400, "invalid-request"))).toEqual(["(body)"]);
    });

    it("an oversize body → 413, by Content-Length before reading anything", async () => {
      // A valid small body that declares a huge length: refused on the header alone.
      const body = JSON.stringify(valid());
      const reply = await expectNothingWritten(database().prisma, () =>
        call("POST", bookings(), { key: salon.key, rawBody: body, headers: { "content-type": "application/json", "content-length": "1048576" } }),
      );
      expect(expectProblem(reply, 413, "payload-too-large").detail).toMatch(/16 KiB/);
    });

    it("an oversize body → 413, by its actual size", async () => {
      const reply = await expectNothingWritten(database().prisma, () => book({ ...valid(), notes: "x".repeat(20_000) }));
      expectProblem(reply, 413, "payload-too-large");
    });

    it("an oversize body streamed without Content-Length → 413, reading stops at the limit", async () => {
      let pulled = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          if (pulled > 1000) controller.close();
          else controller.enqueue(new TextEncoder().encode(" ".repeat(1024)));
        },
      });
      const reply = await expectNothingWritten(database().prisma, () =>
        call("POST", bookings(), { key: salon.key, rawBody: stream, headers: { "content-type": "application/json" } }),
      );
      expectProblem(reply, 413, "payload-too-large");
      expect(pulled).toBeLessThan(40); // ~16 chunks of 1 KiB, not the whole megabyte
    });

    it("an Idempotency-Key that is too long → 400 naming the header", async () => {
      const reply = await expectNothingWritten(database().prisma, () => book(valid(), { "idempotency-key": "k".repeat(201) }));
      const problem = expectProblem(reply, 400, "invalid-request");
      expect(problem.errors).toEqual([expect.objectContaining({ field: "Idempotency-Key", in: "header" })]);
    });
  });

  it("refuses a booking without a key (401) and with another business's key (404), writing nothing", async () => {
    const db = database().prisma;
    const other = await createBusinessFixture(db);
    const otherKey = await createApiKey(db, { businessId: other.businessId, name: "other" });
    const body = { serviceId: salon.mensCut, startsAt: local("2026-12-03T10:00"), customer: newCustomer() };
    const anonymous = await expectNothingWritten(db, () => call("POST", bookings(), { body }));
    expectProblem(anonymous, 401, "unauthenticated");
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const foreign = await expectNothingWritten(db, () => call("POST", bookings(), { key: otherKey.key, body }));
    expectProblem(foreign, 404, "not-found");
    // …and the other business's own slug cannot reach the salon's service either.
    const otherSlug = (await db.business.findUniqueOrThrow({ where: { id: other.businessId }, select: { slug: true } })).slug;
    const crossService = await expectNothingWritten(db, () => call("POST", `/api/v1/businesses/${otherSlug}/bookings`, { key: otherKey.key, body }));
    expect(namedFields(expectProblem(crossService, 400, "invalid-request"))).toEqual(["serviceId"]);
  });

  it("answers 404 for a booking of another business, and for an unknown id", async () => {
    const db = database().prisma;
    const created = await book({ serviceId: salon.mensCut, startsAt: local("2026-12-03T11:00"), customer: newCustomer() });
    expect(created.status).toBe(201);
    const other = await createBusinessFixture(db);
    const otherKey = await createApiKey(db, { businessId: other.businessId, name: "other" });
    const otherSlug = (await db.business.findUniqueOrThrow({ where: { id: other.businessId }, select: { slug: true } })).slug;
    expectProblem(await call("GET", `/api/v1/businesses/${otherSlug}/bookings/${created.body.id as string}`, { key: otherKey.key }), 404, "not-found");
    expectProblem(await call("GET", `${bookings()}/${created.body.id as string}`, { key: otherKey.key }), 404, "not-found");
    expectProblem(await call("GET", `${bookings()}/appt_nope`, { key: salon.key }), 404, "not-found");
    expectProblem(await call("GET", `${bookings()}/${created.body.id as string}`), 401, "unauthenticated");
  });
});
