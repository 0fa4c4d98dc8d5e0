// The booking's single write statement against a real database: the customer is found or created
// by phone and filled in only where unknown (as findOrCreateCustomer does), first contacts racing
// from one new number make one customer, and a write the database refuses (overlap, reused
// idempotency key, unknown customer) leaves nothing behind, not even a new customer.
import { describe, expect, it } from "vitest";
import { createBusinessFixture } from "../../tests/helpers/fixtures";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import type { Actor } from "../audit";
import type { Db } from "../db";
import { EXCLUSION_VIOLATION, postgresErrorCode, UNIQUE_VIOLATION } from "../db-errors";
import { AppError } from "../errors";
import { newRowId } from "../new-row-id";
import { writeBooking, type BookingRow } from "./write-booking";

const actor: Actor = { type: "api", id: "key-1", channel: "api" };
const at = (hour: number) => new Date(Date.UTC(2027, 1, 1, hour));

describe.each(engines)("writeBooking on %s", (engine) => {
  const database = useTestDatabase(engine);

  function row(f: { businessId: string; serviceId: string; staffId: string }, hour: number, extra: Partial<BookingRow> = {}): BookingRow {
    return { id: newRowId(), businessId: f.businessId, serviceId: f.serviceId, staffId: f.staffId, startsAt: at(hour), endsAt: at(hour + 1), blockedFrom: at(hour), blockedUntil: at(hour + 1), ...extra };
  }
  const counts = async (db: Db, businessId: string) => ({
    appointments: await db.appointment.count({ where: { businessId } }),
    customers: await db.customer.count({ where: { businessId } }),
    audits: await db.auditLog.count({ where: { businessId } }),
  });

  it("creates the customer on first contact, then fills in only what is unknown, and audits each booking", async () => {
    const db = database().prisma;
    const f = await createBusinessFixture(db);
    const first = await writeBooking(db, row(f, 9), { phone: "+15554440001" }, actor, { note: "first" });
    expect(first.customer).toEqual({ id: expect.any(String), name: null, phone: "+15554440001", email: null });

    const second = await writeBooking(db, row(f, 11), { phone: "+15554440001", name: "Ada", email: "ada@example.com" }, actor, {});
    expect(second.customer).toEqual({ id: first.customer.id, name: "Ada", phone: "+15554440001", email: "ada@example.com" });
    const third = await writeBooking(db, row(f, 13), { phone: "+15554440001", name: "Not Ada" }, actor, {});
    expect(third.customer.name).toBe("Ada");
    expect(await db.customer.findUniqueOrThrow({ where: { id: first.customer.id }, select: { name: true, email: true } })).toEqual({ name: "Ada", email: "ada@example.com" });

    const audit = await db.auditLog.findMany({ where: { businessId: f.businessId, action: "appointment.book" }, orderBy: { createdAt: "asc" }, select: { after: true, actorType: true, actorId: true, channel: true } });
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({ actorType: "api", actorId: "key-1", channel: "api", after: { note: "first", createdAt: first.createdAt.toISOString(), customer: first.customer } });
  });

  it("books an existing customer by id, and refuses an id of another business with nothing written", async () => {
    const db = database().prisma;
    const f = await createBusinessFixture(db);
    const other = await createBusinessFixture(db);
    const written = await writeBooking(db, row(f, 9), { id: f.customerId }, actor, {});
    expect(written.customer.id).toBe(f.customerId);
    const before = await counts(db, f.businessId);
    const error = await writeBooking(db, row(f, 11), { id: other.customerId }, actor, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
    expect(await counts(db, f.businessId)).toEqual(before);
  });

  it("leaves nothing behind, not even a new customer, when the exclusion constraint or the idempotency key refuses the row", async () => {
    const db = database().prisma;
    const f = await createBusinessFixture(db);
    await writeBooking(db, row(f, 9, { idempotencyKey: "once" }), { phone: "+15554440002" }, actor, {});
    const before = await counts(db, f.businessId);

    const overlap = await writeBooking(db, row(f, 9), { phone: "+15554440003" }, actor, {}).catch((e: unknown) => e);
    expect(postgresErrorCode(overlap)).toBe(EXCLUSION_VIOLATION);
    const reused = await writeBooking(db, row(f, 15, { idempotencyKey: "once" }), { phone: "+15554440004" }, actor, {}).catch((e: unknown) => e);
    expect(postgresErrorCode(reused)).toBe(UNIQUE_VIOLATION);
    expect(await counts(db, f.businessId)).toEqual(before);
  });

  it("makes one customer of first bookings racing from one new number, and books every one of them", async () => {
    const db = database().prisma;
    const f = await createBusinessFixture(db);
    const results = await Promise.all([8, 10, 12, 14, 16, 18].map((hour) => writeBooking(db, row(f, hour), { phone: "+15554440005", name: "Racer" }, actor, {})));
    expect(new Set(results.map((r) => r.customer.id)).size).toBe(1);
    expect(await db.customer.count({ where: { businessId: f.businessId, phone: "+15554440005" } })).toBe(1);
    expect(await db.appointment.count({ where: { businessId: f.businessId, customerId: results[0]!.customer.id } })).toBe(6);
  });
});
