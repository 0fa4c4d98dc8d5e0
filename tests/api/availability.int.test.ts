// GET /api/v1/businesses/{slug}/services and …/availability on the demo salon (America/New_York;
// Maya works Tue–Fri 9–13 & 14–18, Leo Tue/Thu/Fri 11–18 and Sat 9–16), clock on Tuesday
// 2026-11-24 09:00 local: public reads, private reads with a key, and every bad parameter.
import { beforeAll, describe, expect, it } from "vitest";
import { availabilityResponse, servicesResponse } from "../../server/api/v1/schemas";
import { createApiKey } from "../../server/businesses/create-api-key";
import { createBusinessFixture } from "../helpers/fixtures";
import { engines, useTestDatabase } from "../helpers/test-database";
import { apiClient, demoSalon, expectProblem, namedFields, NOW, type Salon } from "./support";

describe.each(engines)("public availability API on %s", (engine) => {
  const database = useTestDatabase(engine);
  let salon: Salon;
  let call: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    salon = await demoSalon(database().prisma);
    call = apiClient(database().prisma);
  });

  const availability = (params: Record<string, string>) => `/api/v1/businesses/${salon.slug}/availability?${new URLSearchParams(params)}`;
  const thursday = () => ({ service: salon.mensCut, from: "2026-11-26T05:00:00Z", to: "2026-11-27T05:00:00Z" });

  it("lists the services with duration, price and who performs them, without a key", async () => {
    const reply = await call("GET", `/api/v1/businesses/${salon.slug}/services`);
    expect(reply.status).toBe(200);
    const body = servicesResponse.parse(reply.body);
    expect(body.services.map((s) => [s.name, s.durationMinutes, s.priceCents])).toEqual([
      ["Women's haircut", 60, 6500],
      ["Men's haircut", 30, 3500],
      ["Color", 120, 12000],
      ["Blow-dry", 45, 4000],
    ]);
    expect(body.services.find((s) => s.name === "Color")!.staff.map((s) => s.name)).toEqual(["Maya Chen"]);
  });

  it("answers a day's slots with UTC instants, local times and who is free, without a key", async () => {
    const reply = await call("GET", availability(thursday()));
    expect(reply.status).toBe(200);
    expect(reply.headers.get("cache-control")).toBe("no-store");
    const body = availabilityResponse.parse(reply.body);
    expect(body.timezone).toBe("America/New_York");
    const first = body.slots[0]!;
    expect(first).toMatchObject({ startsAt: "2026-11-26T14:00:00.000Z", endsAt: "2026-11-26T14:30:00.000Z", startLocal: "2026-11-26T09:00:00-05:00", staffIds: [salon.maya] });
    const eleven = body.slots.find((s) => s.startLocal === "2026-11-26T11:00:00-05:00")!;
    expect(new Set(eleven.staffIds)).toEqual(new Set([salon.maya, salon.leo]));
    // Maya's lunch break (13–14) leaves no slot for her alone; Leo covers it.
    expect(body.slots.find((s) => s.startLocal === "2026-11-26T13:00:00-05:00")!.staffIds).toEqual([salon.leo]);
    expect(body.slots.at(-1)!.startLocal).toBe("2026-11-26T17:30:00-05:00");
  });

  it("gives one person's slots for staff=…, and local times in a requested time zone", async () => {
    const reply = await call("GET", availability({ ...thursday(), staff: salon.leo, timezone: "Europe/Berlin" }));
    expect(reply.status).toBe(200);
    const body = availabilityResponse.parse(reply.body);
    expect(body.timezone).toBe("Europe/Berlin");
    expect(body.slots.every((s) => s.staffIds.length === 1 && s.staffIds[0] === salon.leo)).toBe(true);
    expect(body.slots[0]!.startLocal).toBe("2026-11-26T17:00:00+01:00"); // Leo starts 11:00 New York
  });

  it("starts a window that reaches into the past at now (plus notice)", async () => {
    const reply = await call("GET", availability({ service: salon.mensCut, from: "2026-11-23T00:00:00Z", to: "2026-11-24T23:00:00Z" }));
    expect(reply.status).toBe(200);
    const body = availabilityResponse.parse(reply.body);
    expect(body.slots[0]!.startLocal).toBe("2026-11-24T10:00:00-05:00"); // 09:00 now + 1 hour's notice
  });

  it("needs the business's key when availability is private, and then answers", async () => {
    const db = database().prisma;
    const { settings } = await db.business.findUniqueOrThrow({ where: { id: salon.businessId }, select: { settings: true } });
    await db.business.update({ where: { id: salon.businessId }, data: { settings: { ...(settings as object), publicAvailability: false } } });
    try {
      const anonymous = await call("GET", availability(thursday()));
      const problem = expectProblem(anonymous, 401, "unauthenticated");
      expect(problem.detail).toMatch(/API key/);
      expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expectProblem(await call("GET", `/api/v1/businesses/${salon.slug}/services`), 401, "unauthenticated");
      const withKey = await call("GET", availability(thursday()), { key: salon.key });
      expect(withKey.status).toBe(200);
      expect(availabilityResponse.parse(withKey.body).slots.length).toBeGreaterThan(0);
    } finally {
      await db.business.update({ where: { id: salon.businessId }, data: { settings: settings as object } });
    }
  });

  it("answers 404 alike for an unknown slug and for a key of another business", async () => {
    const db = database().prisma;
    const other = await createBusinessFixture(db);
    const otherKey = await createApiKey(db, { businessId: other.businessId, name: "other" });
    const unknown = expectProblem(await call("GET", `/api/v1/businesses/no-such-salon/availability?${new URLSearchParams(thursday())}`), 404, "not-found");
    const foreign = expectProblem(await call("GET", availability(thursday()), { key: otherKey.key }), 404, "not-found");
    expect(foreign.detail.replace(salon.slug, "…")).toBe(unknown.detail.replace("no-such-salon", "…"));
    expect(JSON.stringify(foreign)).not.toContain("Bloom");
  });

  it("refuses unknown and revoked keys with 401, even on public reads", async () => {
    const db = database().prisma;
    const revoked = await createApiKey(db, { businessId: salon.businessId, name: "old" });
    await db.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: NOW } });
    expectProblem(await call("GET", availability(thursday()), { key: revoked.key }), 401, "unauthenticated");
    expectProblem(await call("GET", availability(thursday()), { key: "sk_made_up" }), 401, "unauthenticated");
    expectProblem(await call("GET", availability(thursday()), { headers: { authorization: "Basic abc" } }), 401, "unauthenticated");
  });

  it("records when a key was last used, at most once a minute", async () => {
    const db = database().prisma;
    const fresh = await createApiKey(db, { businessId: salon.businessId, name: "touch" });
    const lastUsed = async () => (await db.apiKey.findUniqueOrThrow({ where: { id: fresh.id }, select: { lastUsedAt: true } })).lastUsedAt?.toISOString();
    await call("GET", availability(thursday()), { key: fresh.key, now: NOW });
    expect(await lastUsed()).toBe(NOW.toISOString());
    await call("GET", availability(thursday()), { key: fresh.key, now: new Date(NOW.getTime() + 30_000) });
    expect(await lastUsed()).toBe(NOW.toISOString());
    const later = new Date(NOW.getTime() + 61_000);
    await call("GET", availability(thursday()), { key: fresh.key, now: later });
    expect(await lastUsed()).toBe(later.toISOString());
  });

  describe("bad parameters get a 400 naming the parameter", () => {
    const cases: [string, () => Record<string, string>, string, RegExp][] = [
      ["an unknown service", () => ({ ...thursday(), service: "svc_nope" }), "service", /No service "svc_nope"/],
      ["a missing service", () => ({ from: thursday().from, to: thursday().to }), "service", /required/],
      ["an unknown staff member", () => ({ ...thursday(), staff: "staff_nope" }), "staff", /No staff member/],
      ["staff who do not perform the service", () => ({ ...thursday(), service: salon.color, staff: salon.leo }), "staff", /Leo Alvarez does not perform Color/],
      ["to before from", () => ({ ...thursday(), to: "2026-11-25T05:00:00Z" }), "to", /after from/],
      ["a window longer than 62 days", () => ({ ...thursday(), to: "2027-02-01T05:00:00Z" }), "to", /62 days/],
      ["a window wholly in the past", () => ({ ...thursday(), from: "2026-11-20T05:00:00Z", to: "2026-11-21T05:00:00Z" }), "to", /already passed/],
      ["a window beyond the booking horizon", () => ({ ...thursday(), from: "2027-03-01T05:00:00Z", to: "2027-03-02T05:00:00Z" }), "from", /at most 60 days ahead/],
      ["an unknown time zone", () => ({ ...thursday(), timezone: "Mars/Olympus_Mons" }), "timezone", /Unknown time zone "Mars\/Olympus_Mons"/],
      ["a fixed-offset time zone", () => ({ ...thursday(), timezone: "+05:30" }), "timezone", /Unknown time zone/],
      ["a malformed date", () => ({ ...thursday(), from: "next thursday" }), "from", /ISO 8601/],
      ["a date without an offset", () => ({ ...thursday(), from: "2026-11-26T09:00:00" }), "from", /offset/],
      ["an impossible date", () => ({ ...thursday(), to: "2026-11-31T05:00:00Z" }), "to", /ISO 8601/],
      ["an unknown parameter", () => ({ ...thursday(), serviceId: salon.mensCut }), "serviceId", /not a field this API accepts/],
    ];
    it.each(cases)("%s", async (_name, params, field, detail) => {
      const problem = expectProblem(await call("GET", availability(params())), 400, "invalid-request");
      expect(namedFields(problem)).toContain(field);
      const error = problem.errors!.find((e) => e.field === field)!;
      expect(error.in).toBe("query");
      expect(error.detail).toMatch(detail);
    });

    it("a parameter given twice", async () => {
      const problem = expectProblem(await call("GET", `${availability(thursday())}&from=2026-11-27T05:00:00Z`), 400, "invalid-request");
      expect(namedFields(problem)).toEqual(["from"]);
    });
  });
});
