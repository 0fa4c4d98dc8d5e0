import { describe, expect, it } from "vitest";
import { hashApiKey } from "../server/businesses/create-api-key";
import { engines, useTestDatabase } from "../tests/helpers/test-database";
import { DEMO, seedDemo } from "./seed";

describe.each(engines)("demo seed on %s", (engine) => {
  const database = useTestDatabase(engine);

  it("creates a salon with services, hours, two staff, a phone number, an owner and an API key", async () => {
    const db = database().prisma;
    const result = await seedDemo(db);
    expect(result.created).toBe(true);
    const business = await db.business.findUniqueOrThrow({
      where: { slug: DEMO.slug },
      select: {
        timezone: true,
        phoneNumbers: { select: { e164: true } },
        memberships: { select: { role: true, user: { select: { email: true } } } },
        _count: { select: { services: true, staff: true, weeklyHours: true } },
      },
    });
    expect(business.phoneNumbers).toEqual([{ e164: DEMO.phone }]);
    expect(business.memberships).toEqual([{ role: "owner", user: { email: DEMO.email } }]);
    expect(business._count.services).toBe(4);
    expect(business._count.staff).toBe(2);
    expect(business._count.weeklyHours).toBeGreaterThan(5);
    expect(result.apiKey).toMatch(/^sk_/);
    const key = await db.apiKey.findUnique({ where: { hash: hashApiKey(result.apiKey!) }, select: { businessId: true } });
    expect(key?.businessId).toBe(result.businessId);
  });

  it("changes nothing when run again", async () => {
    const db = database().prisma;
    const before = await db.service.count();
    const again = await seedDemo(db);
    expect(again.created).toBe(false);
    expect(again.apiKey).toBeUndefined();
    expect(await db.service.count()).toBe(before);
    expect(await db.user.count()).toBe(1);
  });
});
