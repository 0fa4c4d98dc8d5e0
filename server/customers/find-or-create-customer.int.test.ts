// Customers by phone number: created on first contact, filled in later, never overwritten, and
// one row however many first contacts race.
import { describe, expect, it } from "vitest";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import { findOrCreateCustomer, requireCustomer } from "./find-or-create-customer";

describe.each(engines)("findOrCreateCustomer on %s", (engine) => {
  const database = useTestDatabase(engine);

  async function business() {
    const db = database().prisma;
    const { id } = await db.business.create({ data: { name: "Shop", slug: `shop-${Math.random().toString(36).slice(2)}`, timezone: "UTC" }, select: { id: true } });
    return id;
  }

  it("creates a customer on first contact and answers with what was stored", async () => {
    const db = database().prisma;
    const businessId = await business();
    const created = await findOrCreateCustomer(db, { businessId, details: { phone: "+15550000001", name: "Ada", email: "ada@example.com" } });
    expect(created).toEqual({ id: expect.any(String), name: "Ada", phone: "+15550000001", email: "ada@example.com" });
    expect(await requireCustomer(db, { businessId, customerId: created.id })).toEqual(created);
  });

  it("fills in a missing name or email but never overwrites a known one", async () => {
    const db = database().prisma;
    const businessId = await business();
    const first = await findOrCreateCustomer(db, { businessId, details: { phone: "+15550000002" } });
    const filled = await findOrCreateCustomer(db, { businessId, details: { phone: "+15550000002", name: "Grace", email: "grace@example.com" } });
    expect(filled).toEqual({ id: first.id, name: "Grace", phone: "+15550000002", email: "grace@example.com" });
    const again = await findOrCreateCustomer(db, { businessId, details: { phone: "+15550000002", name: "Someone Else" } });
    expect(again).toEqual(filled);
    expect(await db.customer.findUniqueOrThrow({ where: { id: first.id }, select: { name: true, email: true } })).toEqual({ name: "Grace", email: "grace@example.com" });
  });

  it("keeps one row when first contacts from one number race", async () => {
    const db = database().prisma;
    const businessId = await business();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => db.$transaction((tx) => findOrCreateCustomer(tx, { businessId, details: { phone: "+15550000003", name: "Racer" } }))),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.customer.count({ where: { businessId, phone: "+15550000003" } })).toBe(1);
  });
});
