// The onboarding command against a real database: everything in one transaction, nothing left
// behind when a step fails, slugs made unique, and the new owner able to book at once.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { engines, useTestDatabase } from "../../tests/helpers/test-database";
import { createCaller } from "../trpc/root";
import { createBusinessFromOnboarding } from "./create-business-from-onboarding";
import { onboardingInput, type OnboardingInput } from "./onboarding-input";

const now = new Date("2026-11-24T15:00:00Z");
/** The validation issues a tRPC error carries to the browser (as `zodIssues`). */
const issuesOf = (error: unknown) => ((error as TRPCError).cause as ZodError).issues;
let counter = 0;

function wizard(overrides: Partial<OnboardingInput> = {}): OnboardingInput {
  counter += 1;
  return {
    name: "Sunny Smiles Dental",
    timezone: "America/Denver",
    phone: `+1 555 777 ${String(1000 + counter)}`,
    hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 17 * 60 })),
    template: "dental",
    services: [
      { name: "Check-up and cleaning", durationMinutes: 60, priceCents: 15000, bufferAfterMinutes: 10, synonyms: ["cleaning"] },
      { name: "Filling", durationMinutes: 45, priceCents: 18000 },
    ],
    staff: [
      { name: "Dr. Ana Ruiz", serviceIndexes: [0, 1] },
      { name: "Sam Hygienist", serviceIndexes: [0] },
    ],
    agent: { greeting: "Thanks for calling Sunny Smiles!", voice: "calm", languages: ["en", "es"] },
    faq: [{ question: "Do you accept insurance?", answer: "Most plans, yes." }],
    ...overrides,
  };
}

describe.each(engines)("createBusinessFromOnboarding on %s", (engine) => {
  const database = useTestDatabase(engine);

  async function newUser() {
    counter += 1;
    return database().prisma.user.create({ data: { email: `onboarding-${counter}@example.com` }, select: { id: true } });
  }

  it("creates the business, owner, number, hours, services, staff and settings, each audited", async () => {
    const db = database().prisma;
    const user = await newUser();
    const input = wizard();
    const result = await createBusinessFromOnboarding(db, { userId: user.id, input: onboardingInput.parse(input) });
    const { businessId } = result;

    const business = await db.business.findUniqueOrThrow({ where: { id: businessId }, select: { name: true, slug: true, timezone: true, contactPhone: true, settings: true } });
    expect(business).toMatchObject({ name: "Sunny Smiles Dental", slug: result.slug, timezone: "America/Denver", contactPhone: result.phone });
    expect(result.phone).toMatch(/^\+1555777\d{4}$/);
    expect(business.settings).toMatchObject({
      agent: { greeting: "Thanks for calling Sunny Smiles!", voice: "calm", languages: ["en", "es"] },
      faq: [{ question: "Do you accept insurance?", answer: "Most plans, yes." }],
      booking: { cancellationWindowHours: 24 },
    });
    expect(await db.membership.findMany({ where: { businessId }, select: { userId: true, role: true } })).toEqual([{ userId: user.id, role: "owner" }]);
    expect(await db.phoneNumber.findMany({ where: { businessId }, select: { e164: true, label: true } })).toEqual([{ e164: result.phone, label: "Main line" }]);
    expect(await db.weeklyHours.count({ where: { businessId, staffId: null } })).toBe(5);

    const services = await db.service.findMany({ where: { businessId }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, bufferAfterMinutes: true, synonyms: true } });
    expect(services.map((s) => [s.name, s.bufferAfterMinutes, s.synonyms])).toEqual([["Check-up and cleaning", 10, ["cleaning"]], ["Filling", 0, []]]);
    const staff = await db.staffMember.findMany({
      where: { businessId },
      orderBy: { sortOrder: "asc" },
      select: { name: true, services: { select: { serviceId: true } }, weeklyHours: { select: { weekday: true } } },
    });
    expect(staff.map((m) => [m.name, m.services.length, m.weeklyHours.length])).toEqual([["Dr. Ana Ruiz", 2, 5], ["Sam Hygienist", 1, 5]]);

    const actions = await db.auditLog.findMany({ where: { businessId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, channel: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(
      ["business.create", "business.hours.set", "phone_number.add", "service.create", "service.create", "staff.create", "staff.create"].sort(),
    );
    expect(actions.every((a) => a.actorId === user.id && a.channel === "dashboard")).toBe(true);

    // The new owner can book straight away: staff work the opening hours and perform the services.
    const owner = createCaller({ db, userId: user.id, now: () => now });
    const slots = await owner.appointments.availability({ businessId, serviceId: services[1]!.id, staffId: null, date: "2026-11-30" });
    expect(slots.slots.length).toBeGreaterThan(0);
    expect((await owner.business.mine()).map((m) => [m.business.id, m.role])).toEqual([[businessId, "owner"]]);
  });

  it("gives a second business of the same name the next free slug", async () => {
    const db = database().prisma;
    const first = await createBusinessFromOnboarding(db, { userId: (await newUser()).id, input: onboardingInput.parse(wizard({ name: "Joe's Garage" })) });
    const second = await createBusinessFromOnboarding(db, { userId: (await newUser()).id, input: onboardingInput.parse(wizard({ name: "Joe’s  Garage!" })) });
    expect(first.slug).toBe("joes-garage");
    expect(second.slug).toBe("joes-garage-2");
  });

  it("refuses a number another business already has and leaves nothing behind", async () => {
    const db = database().prisma;
    const user = await newUser();
    const taken = await createBusinessFromOnboarding(db, { userId: (await newUser()).id, input: onboardingInput.parse(wizard({ name: "First Owner" })) });
    const counts = () => Promise.all([db.business.count(), db.service.count(), db.staffMember.count(), db.weeklyHours.count(), db.auditLog.count(), db.membership.count(), db.staffService.count()]);
    const before = await counts();

    const api = createCaller({ db, userId: user.id, now: () => now });
    const error = await api.onboarding.complete(wizard({ name: "Copycat Dental", phone: taken.phone })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("CONFLICT");
    // The edge turns the domain's field error into an issue on "phone", for the wizard to show there.
    expect(issuesOf(error)).toEqual([expect.objectContaining({ path: ["phone"], message: expect.stringContaining("already connected") })]);

    expect(await counts()).toEqual(before);
    expect(await db.business.findFirst({ where: { name: "Copycat Dental" } })).toBeNull();
    expect(await api.business.mine()).toEqual([]);
  });

  it("refuses a time zone that does not exist, and a service nobody performs", async () => {
    const db = database().prisma;
    const user = await newUser();
    const api = createCaller({ db, userId: user.id, now: () => now });
    const badZone = await api.onboarding.complete(wizard({ timezone: "Mars/Olympus_Mons" })).catch((e: unknown) => e);
    expect((badZone as TRPCError).code).toBe("BAD_REQUEST");
    expect(issuesOf(badZone)).toEqual([expect.objectContaining({ path: ["timezone"] })]);

    const orphan = await api.onboarding.complete(wizard({ staff: [{ name: "Solo", serviceIndexes: [0] }] })).catch((e: unknown) => e);
    expect((orphan as TRPCError).code).toBe("BAD_REQUEST");
    expect(issuesOf(orphan)).toEqual([expect.objectContaining({ path: ["staff"], message: expect.stringContaining("Filling") })]);
    expect(await api.business.mine()).toEqual([]);
  });
});
