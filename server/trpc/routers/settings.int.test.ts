// The settings router against a real database, on the demo salon: each change is saved, audited
// with before and after, and refused with an error on the field when the domain says no.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { DEMO, seedDemo } from "../../../prisma/seed";
import { hashApiKey } from "../../businesses/create-api-key";
import { DEFAULT_TEMPLATES } from "../../businesses/notification-settings-input";
import { apiClient } from "../../../tests/api/support";
import { createBusinessFixture } from "../../../tests/helpers/fixtures";
import { engines, useTestDatabase } from "../../../tests/helpers/test-database";
import { createCaller } from "../root";

const now = new Date("2026-11-24T14:00:00Z"); // Tue 09:00 in New York
const issuesOf = (error: unknown) => ((error as TRPCError).cause as ZodError | undefined)?.issues;
const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : String(error));

const serviceFields = {
  description: null,
  synonyms: [],
  durationMinutes: 40,
  priceCents: 5000,
  bufferBeforeMinutes: 5,
  bufferAfterMinutes: 10,
  minNoticeMinutes: 120,
  bookingHorizonDays: 30,
  slotIntervalMinutes: 20,
  maxPerDay: 6,
  active: true,
};

describe.each(engines)("settings router on %s", (engine) => {
  const database = useTestDatabase(engine);
  let run = 0;

  async function setup() {
    run += 1;
    const db = database().prisma;
    const { businessId } = await seedDemo(db);
    const owner = await db.user.findUniqueOrThrow({ where: { email: DEMO.email }, select: { id: true } });
    const staff = await db.staffMember.findMany({ where: { businessId }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true } });
    const services = await db.service.findMany({ where: { businessId }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true } });
    const api = createCaller({ db, userId: owner.id, now: () => now }).settings;
    const audit = (action: string) =>
      db.auditLog.findMany({ where: { businessId, action }, orderBy: { createdAt: "desc" }, take: 1, select: { actorId: true, channel: true, before: true, after: true } });
    return { db, businessId, ownerId: owner.id, api, audit, maya: staff[0]!.id, leo: staff[1]!.id, womensCut: services[0]!.id, mensCut: services[1]!.id };
  }

  it("updates the profile, keeps the slug, and audits before and after", async () => {
    const s = await setup();
    const before = await s.api.profile({ businessId: s.businessId });
    const after = await s.api.updateProfile({ businessId: s.businessId, name: "Bloom Hair & Beauty", timezone: "America/New_York", contactPhone: "+1 555 555 0111", email: "", address: "14 Main Street" });
    expect(after).toEqual({ name: "Bloom Hair & Beauty", timezone: "America/New_York", contactPhone: "+15555550111", email: null, address: "14 Main Street" });
    expect((await s.api.profile({ businessId: s.businessId })).slug).toBe(before.slug);
    const [row] = await s.audit("business.update");
    expect(row).toMatchObject({ actorId: s.ownerId, channel: "dashboard", before: { name: before.name, email: "hello@bloom.example" }, after: { name: "Bloom Hair & Beauty", email: null } });
    await s.api.updateProfile({ businessId: s.businessId, name: before.name, timezone: before.timezone, contactPhone: before.contactPhone, email: before.email, address: before.address });
  });

  it("refuses a number another business has, with the error on the number field", async () => {
    const s = await setup();
    const other = await createBusinessFixture(s.db);
    await s.db.phoneNumber.create({ data: { businessId: other.businessId, e164: `+1555444${String(1000 + run)}` } });
    const error = await s.api.addPhoneNumber({ businessId: s.businessId, e164: `+1555444${String(1000 + run)}`, label: null }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe("CONFLICT");
    expect(issuesOf(error)).toEqual([expect.objectContaining({ path: ["e164"] })]);

    const added = await s.api.addPhoneNumber({ businessId: s.businessId, e164: "+1 (555) 444-2000", label: "Second line" });
    expect(added).toMatchObject({ e164: "+15554442000", label: "Second line" });
    await s.api.removePhoneNumber({ businessId: s.businessId, phoneNumberId: added.id });
    expect((await s.api.profile({ businessId: s.businessId })).phoneNumbers.map((p) => p.e164)).toEqual([DEMO.phone]);
    expect((await s.audit("phone_number.remove"))[0]).toMatchObject({ before: { e164: "+15554442000" } });
  });

  it("replaces the opening hours and one staff member's hours, and availability follows", async () => {
    const s = await setup();
    const hours = [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 20 * 60 }));
    const before = await s.api.hours({ businessId: s.businessId });
    await s.api.setWeeklyHours({ businessId: s.businessId, staffId: null, hours });
    expect((await s.api.hours({ businessId: s.businessId })).weekly).toEqual(hours);
    const [row] = await s.audit("business.hours.set");
    expect(row).toMatchObject({ before: { hours: before.weekly }, after: { hours } });

    // Leo gets Monday 08:00–10:00 only; the salon's Monday is now open too. (A 30-minute cut may
    // start at 09:30: its 5-minute buffer may run past closing.)
    await s.api.setWeeklyHours({ businessId: s.businessId, staffId: s.leo, hours: [{ weekday: 1, startMinute: 480, endMinute: 600 }] });
    const owner = createCaller({ db: s.db, userId: s.ownerId, now: () => now }).appointments;
    const monday = await owner.availability({ businessId: s.businessId, serviceId: s.mensCut, staffId: s.leo, date: "2026-11-30" });
    expect(monday.slots.map((x) => x.startsAt.toISOString())).toEqual(["2026-11-30T13:00:00.000Z", "2026-11-30T13:30:00.000Z", "2026-11-30T14:00:00.000Z", "2026-11-30T14:30:00.000Z"]);

    const overlap = await s.api
      .setWeeklyHours({ businessId: s.businessId, staffId: null, hours: [{ weekday: 1, startMinute: 480, endMinute: 720 }, { weekday: 1, startMinute: 600, endMinute: 900 }] })
      .catch((e: unknown) => e);
    expect(codeOf(overlap)).toBe("BAD_REQUEST");
    expect(issuesOf(overlap)?.[0]?.path).toEqual(["hours", 1, "startMinute"]);
    await s.api.setWeeklyHours({ businessId: s.businessId, staffId: null, hours: before.weekly });
  });

  it("sets, replaces and removes a holiday", async () => {
    const s = await setup();
    await s.api.upsertDateOverride({ businessId: s.businessId, staffId: null, date: "2026-12-26", closed: false, startMinute: 600, endMinute: 840, reason: "Boxing Day" });
    await s.api.upsertDateOverride({ businessId: s.businessId, staffId: null, date: "2026-12-26", closed: true, reason: "Closed after all" });
    const hours = await s.api.hours({ businessId: s.businessId });
    expect(hours.overrides.filter((o) => o.date === "2026-12-26")).toEqual([
      { staffId: null, date: "2026-12-26", closed: true, startMinute: null, endMinute: null, reason: "Closed after all" },
    ]);
    expect(hours.today).toBe("2026-11-24");
    const owner = createCaller({ db: s.db, userId: s.ownerId, now: () => now }).appointments;
    expect((await owner.availability({ businessId: s.businessId, serviceId: s.mensCut, staffId: null, date: "2026-12-26" })).slots).toEqual([]);

    await s.api.deleteDateOverride({ businessId: s.businessId, staffId: null, date: "2026-12-26" });
    expect((await s.api.hours({ businessId: s.businessId })).overrides.some((o) => o.date === "2026-12-26")).toBe(false);
    expect(codeOf(await s.api.deleteDateOverride({ businessId: s.businessId, staffId: null, date: "2026-12-26" }).catch((e: unknown) => e))).toBe("NOT_FOUND");
    expect((await s.audit("date_override.delete"))[0]?.before).toEqual([expect.objectContaining({ date: "2026-12-26", closed: true })]);
  });

  it("creates and edits a service with its booking rules and performers, and refuses a duplicate name on the name field", async () => {
    const s = await setup();
    const created = await s.api.upsertService({ businessId: s.businessId, name: `Beard trim ${run}`, ...serviceFields, staffIds: [s.leo] });
    expect(created).toMatchObject({ name: `Beard trim ${run}`, ...serviceFields, staffIds: [s.leo] });
    const edited = await s.api.upsertService({ businessId: s.businessId, id: created.id, name: `Beard trim ${run}`, ...serviceFields, durationMinutes: 25, active: false, staffIds: [s.maya, s.leo] });
    expect(edited).toMatchObject({ durationMinutes: 25, active: false, staffIds: [s.maya, s.leo].sort() });
    const [row] = await s.audit("service.update");
    expect(row).toMatchObject({ before: { durationMinutes: 40, active: true, staffIds: [s.leo] }, after: { durationMinutes: 25, active: false } });
    expect((await s.api.services({ businessId: s.businessId })).find((x) => x.id === created.id)).toMatchObject({ active: false });

    const duplicate = await s.api.upsertService({ businessId: s.businessId, name: "MEN'S HAIRCUT", ...serviceFields, staffIds: [] }).catch((e: unknown) => e);
    expect(codeOf(duplicate)).toBe("CONFLICT");
    expect(issuesOf(duplicate)).toEqual([expect.objectContaining({ path: ["name"], message: "There is already a service with this name." })]);

    const negative = await s.api.upsertService({ businessId: s.businessId, name: "Free", ...serviceFields, priceCents: -1, staffIds: [] }).catch((e: unknown) => e);
    expect(issuesOf(negative)).toEqual([expect.objectContaining({ path: ["priceCents"], message: "The price cannot be negative." })]);
  });

  it("adds a staff member who starts on the opening hours, and edits their services", async () => {
    const s = await setup();
    const added = await s.api.upsertStaffMember({ businessId: s.businessId, name: `Noor ${run}`, email: "Noor@Example.com", phone: "", color: "#0D9488", active: true, serviceIds: [s.mensCut] });
    expect(added).toMatchObject({ email: "noor@example.com", phone: null, color: "#0d9488", serviceIds: [s.mensCut] });
    const listed = (await s.api.staff({ businessId: s.businessId })).staff.find((m) => m.id === added.id)!;
    expect(listed.weeklyHours).toEqual((await s.api.hours({ businessId: s.businessId })).weekly);

    await s.api.upsertStaffMember({ businessId: s.businessId, id: added.id, name: `Noor ${run}`, email: null, phone: null, color: null, active: false, serviceIds: [s.mensCut, s.womensCut] });
    const [row] = await s.audit("staff.update");
    expect(row).toMatchObject({ before: { active: true, serviceIds: [s.mensCut] }, after: { active: false } });

    await s.api.upsertDateOverride({ businessId: s.businessId, staffId: added.id, date: "2026-12-01", closed: true, reason: "Day off" });
    expect((await s.api.staff({ businessId: s.businessId })).staff.find((m) => m.id === added.id)!.overrides).toEqual([
      expect.objectContaining({ staffId: added.id, date: "2026-12-01", closed: true, reason: "Day off" }),
    ]);
  });

  it("saves each settings section on its own, keeping the others, and audits the section", async () => {
    const s = await setup();
    const start = await s.api.get({ businessId: s.businessId });
    expect(start.agent.greeting).toContain("Bloom Hair Studio");

    await s.api.updateBookingPolicy({ businessId: s.businessId, cancellationWindowHours: 12, callersMayReschedule: true, callersMayCancel: false, waitlistHoldMinutes: 20 });
    await s.api.updateAgentSettings({
      businessId: s.businessId,
      greeting: "Bloom Hair Studio, how can I help?",
      persona: "Cheerful.",
      voice: "bright",
      languages: ["es", "en"],
      transferNumber: "+1 555 555 0142",
      transferHours: "custom",
      transferRanges: [{ weekday: 2, startMinute: 600, endMinute: 720 }],
      afterHours: "message",
      afterHoursMessage: "We're closed right now.",
      recordCalls: true,
    });
    await s.api.updateFaq({ businessId: s.businessId, entries: [{ question: "Do you do kids' cuts?", answer: "Yes, under 12s are $20." }] });
    await s.api.updateNotificationSettings({ businessId: s.businessId, sms: true, email: false, templates: DEFAULT_TEMPLATES, reminderOffsetsMinutes: [120, 1440] });

    const saved = await s.api.get({ businessId: s.businessId });
    expect(saved.booking).toEqual({ cancellationWindowHours: 12, callersMayReschedule: true, callersMayCancel: false, waitlistHoldMinutes: 20 });
    expect(saved.agent).toMatchObject({ voice: "bright", languages: ["es", "en"], transferNumber: "+15555550142", transferHours: "custom", afterHours: "message", recordCalls: true });
    expect(saved.faq).toHaveLength(1);
    expect(saved.notifications).toMatchObject({ email: false, reminderOffsetsMinutes: [1440, 120] });
    const raw = await s.db.business.findUniqueOrThrow({ where: { id: s.businessId }, select: { settings: true } });
    expect(raw.settings).toMatchObject({ publicAvailability: true });

    const [agentRow] = await s.audit("settings.agent.update");
    expect(agentRow).toMatchObject({ before: { agent: { voice: start.agent.voice } }, after: { agent: { voice: "bright" } } });

    const badTemplate = await s.api
      .updateNotificationSettings({ businessId: s.businessId, sms: true, email: true, templates: { ...DEFAULT_TEMPLATES, confirmation: "Hi {name}" }, reminderOffsetsMinutes: [] })
      .catch((e: unknown) => e);
    expect(issuesOf(badTemplate)?.[0]).toMatchObject({ path: ["templates", "confirmation"] });
  });

  it("creates an API key shown once, lists it by prefix, and revokes it", async () => {
    const s = await setup();
    const created = await s.api.createApiKey({ businessId: s.businessId, name: "Website" });
    expect(created.key).toMatch(/^sk_/);
    expect(created.prefix).toBe(created.key.slice(0, 7));
    const listed = await s.api.apiKeys({ businessId: s.businessId });
    expect(listed.find((k) => k.id === created.id)).toEqual({ id: created.id, name: "Website", prefix: created.prefix, createdAt: expect.any(Date), lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    const audit = await s.audit("api_key.create");
    expect(JSON.stringify(audit)).not.toContain(created.key);

    const revoked = await s.api.revokeApiKey({ businessId: s.businessId, apiKeyId: created.id });
    expect(revoked.revokedAt).toEqual(now);
    const row = await s.db.apiKey.findUniqueOrThrow({ where: { hash: hashApiKey(created.key) }, select: { revokedAt: true } });
    expect(row.revokedAt).toEqual(now);
    expect((await s.audit("api_key.revoke"))[0]).toMatchObject({ after: { revokedAt: now.toISOString() } });
  });
  it("turns public availability off and on: anonymous reads are refused at once, audited each time", async () => {
    const s = await setup();
    const call = apiClient(s.db);
    const slug = (await s.api.profile({ businessId: s.businessId })).slug;
    const anonymousServices = async () => (await call("GET", `/api/v1/businesses/${slug}/services`)).status;
    expect((await s.api.get({ businessId: s.businessId })).publicAvailability).toBe(true);
    expect(await anonymousServices()).toBe(200);

    await s.api.updatePublicAvailability({ businessId: s.businessId, publicAvailability: false });
    expect((await s.api.get({ businessId: s.businessId })).publicAvailability).toBe(false);
    expect(await anonymousServices()).toBe(401);
    expect((await s.audit("settings.public_availability.update"))[0]).toMatchObject({ actorId: s.ownerId, before: { publicAvailability: true }, after: { publicAvailability: false } });

    await s.api.updatePublicAvailability({ businessId: s.businessId, publicAvailability: true });
    expect(await anonymousServices()).toBe(200);
    const error = await s.api.updatePublicAvailability({ businessId: s.businessId, publicAvailability: "yes" as unknown as boolean }).catch((e: unknown) => e);
    expect(codeOf(error)).toBe("BAD_REQUEST");
  });
});
