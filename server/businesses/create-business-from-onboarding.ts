// The onboarding wizard's one command: creates the business with its owner membership, opening
// hours, number, services, staff (with hours and services), settings and audit rows in ONE
// transaction, so a failure at any step leaves nothing behind. The number callers dial is
// written last: a number already taken by another business rolls everything back.
import type { z } from "zod";
import { recordAudit, type Actor } from "../audit";
import type { Db, Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { assertValidTimeZone } from "../scheduling/availability/assert-time-zone";
import { NUMBER_TAKEN, isUniqueViolation } from "./add-phone-number";
import { agentSettings } from "./agent-settings-input";
import { bookingPolicy, type BusinessSettings } from "./business-settings";
import { uniqueSlug } from "./business-slug";
import { fieldError } from "./field-error";
import { notificationSettings } from "./notification-settings-input";
import type { onboardingInput } from "./onboarding-input";

type Input = z.output<typeof onboardingInput>;

/** Two people creating a business of the same name at the same moment: try the next slug. */
class SlugTaken extends Error {}
const SLUG_ATTEMPTS = 3;

export async function createBusinessFromOnboarding(db: Db, { userId, input }: { userId: string; input: Input }) {
  try {
    assertValidTimeZone(input.timezone);
  } catch {
    throw fieldError("INVALID_INPUT", "timezone", "Choose a time zone from the list, such as America/New_York.");
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => createAll(tx, userId, input), { maxWait: 10_000, timeout: 30_000 });
    } catch (error) {
      if (error instanceof SlugTaken && attempt < SLUG_ATTEMPTS) continue;
      throw error;
    }
  }
}

async function createAll(tx: Tx, userId: string, input: Input) {
  const actor: Actor = { type: "user", id: userId, channel: "dashboard" };
  const settings: BusinessSettings = {
    booking: bookingPolicy.parse({}),
    agent: agentSettings.parse({ greeting: input.agent.greeting, voice: input.agent.voice, languages: input.agent.languages }),
    faq: input.faq,
    notifications: notificationSettings.parse({}),
    publicAvailability: true,
  };

  const slug = await uniqueSlug(tx, input.name);
  let businessId: string;
  try {
    const business = await tx.business.create({
      data: { name: input.name, slug, timezone: input.timezone, contactPhone: input.phone, settings: settings as unknown as Prisma.InputJsonObject },
      select: { id: true },
    });
    businessId = business.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new SlugTaken();
    throw error;
  }
  await tx.membership.create({ data: { userId, businessId, role: "owner" } });
  await recordAudit(tx, {
    businessId,
    actor,
    action: "business.create",
    entityType: "Business",
    entityId: businessId,
    after: { name: input.name, slug, timezone: input.timezone, contactPhone: input.phone, settings, owner: userId },
  });

  const hours = input.hours.map((h) => ({ weekday: h.weekday, startMinute: h.startMinute, endMinute: h.endMinute }));
  await tx.weeklyHours.createMany({ data: hours.map((h) => ({ ...h, businessId })) });
  await recordAudit(tx, { businessId, actor, action: "business.hours.set", entityType: "Business", entityId: businessId, after: { hours } });

  const serviceIds: string[] = [];
  for (const [sortOrder, s] of input.services.entries()) {
    const service = await tx.service.create({
      data: { businessId, sortOrder, name: s.name, durationMinutes: s.durationMinutes, priceCents: s.priceCents, bufferAfterMinutes: s.bufferAfterMinutes, synonyms: s.synonyms },
      select: { id: true },
    });
    serviceIds.push(service.id);
    await recordAudit(tx, { businessId, actor, action: "service.create", entityType: "Service", entityId: service.id, after: s });
  }

  for (const [sortOrder, member] of input.staff.entries()) {
    const staff = await tx.staffMember.create({ data: { businessId, sortOrder, name: member.name }, select: { id: true } });
    // Staff work the opening hours until someone sets their own.
    await tx.weeklyHours.createMany({ data: hours.map((h) => ({ ...h, businessId, staffId: staff.id })) });
    const performs = [...new Set(member.serviceIndexes)].map((i) => serviceIds[i]!);
    if (performs.length > 0) {
      await tx.staffService.createMany({ data: performs.map((serviceId) => ({ businessId, staffId: staff.id, serviceId })) });
    }
    await recordAudit(tx, {
      businessId,
      actor,
      action: "staff.create",
      entityType: "StaffMember",
      entityId: staff.id,
      after: { name: member.name, serviceIds: performs, hours },
    });
  }

  try {
    const number = await tx.phoneNumber.create({ data: { businessId, e164: input.phone, label: "Main line" }, select: { id: true, e164: true, label: true } });
    await recordAudit(tx, { businessId, actor, action: "phone_number.add", entityType: "PhoneNumber", entityId: number.id, after: number });
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError("CONFLICT", "phone", NUMBER_TAKEN);
    throw error;
  }
  return { businessId, slug, phone: input.phone };
}
