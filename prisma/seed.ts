// The demo business created on first start: a hair salon with services, hours, two staff and a
// phone number, and an owner account to sign in with. Running it again changes nothing.
import type { Db } from "../server/db";
import { hashPassword } from "../server/auth/password";
import { createApiKey } from "../server/businesses/create-api-key";

export const DEMO = {
  email: "owner@demo.salon",
  password: "demo-salon-2026",
  slug: "bloom-hair-studio",
  phone: "+15555550100",
} as const;

const hours = (from: string, to: string) => {
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return { startMinute: toMinutes(from), endMinute: toMinutes(to) };
};

export interface SeedResult {
  created: boolean;
  businessId: string;
  apiKey?: string;
}

export async function seedDemo(db: Db): Promise<SeedResult> {
  const existing = await db.business.findUnique({ where: { slug: DEMO.slug }, select: { id: true } });
  if (existing) return { created: false, businessId: existing.id };

  const passwordHash = await hashPassword(DEMO.password);
  return db.$transaction(async (tx) => {
    const owner = await tx.user.create({
      data: { email: DEMO.email, name: "Dana Owner", passwordHash, emailVerified: new Date() },
      select: { id: true },
    });
    const business = await tx.business.create({
      data: {
        name: "Bloom Hair Studio",
        slug: DEMO.slug,
        timezone: "America/New_York",
        contactPhone: "+15555550199",
        email: "hello@bloom.example",
        address: "12 Main Street, Springfield",
        settings: {
          agent: {
            greeting: "Thanks for calling Bloom Hair Studio, this is the virtual receptionist. How can I help?",
            voice: "warm",
            languages: ["en", "es"],
          },
          booking: { cancellationWindowHours: 24, callersMayReschedule: true, callersMayCancel: true },
          publicAvailability: true,
        },
        phoneNumbers: { create: { e164: DEMO.phone, label: "Main line" } },
        memberships: { create: { userId: owner.id, role: "owner" } },
      },
      select: { id: true },
    });
    const businessId = business.id;

    const services = await Promise.all(
      [
        { name: "Women's haircut", synonyms: ["haircut", "cut", "trim", "corte de pelo"], durationMinutes: 60, priceCents: 6500, bufferAfterMinutes: 10 },
        { name: "Men's haircut", synonyms: ["haircut", "cut", "trim", "corte"], durationMinutes: 30, priceCents: 3500, bufferAfterMinutes: 5 },
        { name: "Color", synonyms: ["colour", "dye", "highlights", "tinte"], durationMinutes: 120, priceCents: 12000, bufferBeforeMinutes: 10, bufferAfterMinutes: 15 },
        { name: "Blow-dry", synonyms: ["blowout", "blow dry", "secado"], durationMinutes: 45, priceCents: 4000, slotIntervalMinutes: 15 },
      ].map((s, sortOrder) => tx.service.create({ data: { ...s, businessId, sortOrder }, select: { id: true, name: true } })),
    );

    // Tuesday to Saturday; the salon is closed Sunday and Monday.
    const businessWeek = [2, 3, 4, 5].map((weekday) => ({ weekday, ...hours("09:00", "18:00") }));
    businessWeek.push({ weekday: 6, ...hours("09:00", "16:00") });
    await tx.weeklyHours.createMany({ data: businessWeek.map((h) => ({ ...h, businessId })) });

    const staff = [
      { name: "Maya Chen", color: "#db2777", week: [...businessWeek.slice(0, 4).map((h) => ({ ...h, ...hours("09:00", "13:00") })), ...businessWeek.slice(0, 4).map((h) => ({ ...h, ...hours("14:00", "18:00") }))] },
      { name: "Leo Alvarez", color: "#2563eb", week: [2, 4, 5, 6].map((weekday) => ({ weekday, ...hours(weekday === 6 ? "09:00" : "11:00", weekday === 6 ? "16:00" : "18:00") })) },
    ];
    for (const [sortOrder, s] of staff.entries()) {
      const member = await tx.staffMember.create({
        data: { businessId, name: s.name, color: s.color, sortOrder },
        select: { id: true },
      });
      await tx.weeklyHours.createMany({ data: s.week.map((h) => ({ ...h, businessId, staffId: member.id })) });
      await tx.staffService.createMany({
        data: services
          .filter((svc) => sortOrder === 0 || svc.name !== "Color") // Leo does not do colour
          .map((svc) => ({ businessId, staffId: member.id, serviceId: svc.id })),
      });
    }

    const apiKey = await createApiKey(tx, { businessId, name: "Demo key" });
    await tx.auditLog.create({
      data: { businessId, actorType: "system", action: "business.seed", entityType: "Business", entityId: businessId },
    });
    return { created: true, businessId, apiKey: apiKey.key };
  });
}
