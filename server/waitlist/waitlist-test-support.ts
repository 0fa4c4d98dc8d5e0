// Builders for the waitlist's integration tests: a shop in New York (Alex and Sam cut hair,
// Mon-Sat 09:00-21:00; only Sam does colour), a fixed clock on Tuesday 2026-11-24 09:00 EST, and
// customers to put in line. Test support only; no production code imports it.
import { expect } from "vitest";
import { createBusinessFixture } from "../../tests/helpers/fixtures";
import type { Actor } from "../audit";
import type { Db } from "../db";
import { AppError } from "../errors";

export const now = new Date("2026-11-24T14:00:00Z"); // Tue 09:00 EST
export const minutesLater = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
/** Wall time in New York; EST (-05:00) holds for all of late November. */
export const local = (isoLocal: string) => new Date(`${isoLocal}-05:00`);
export const owner: Actor = { type: "user", id: "owner", channel: "dashboard" };
export const caller: Actor = { type: "caller", channel: "sms" };
export const system: Actor = { type: "system", channel: "system" };

export async function waitlistShop(db: Db, options: { settings?: object } = {}) {
  const f = await createBusinessFixture(db); // Haircut: 30 minutes, 10 after
  if (options.settings) await db.business.update({ where: { id: f.businessId }, data: { settings: options.settings } });
  const color = await db.service.create({ data: { businessId: f.businessId, name: "Color", durationMinutes: 60 }, select: { id: true } });
  await db.staffService.createMany({
    data: [
      { businessId: f.businessId, staffId: f.staffId, serviceId: f.serviceId },
      { businessId: f.businessId, staffId: f.otherStaffId, serviceId: f.serviceId },
      { businessId: f.businessId, staffId: f.otherStaffId, serviceId: color.id },
    ],
  });
  await db.weeklyHours.createMany({
    data: [f.staffId, f.otherStaffId].flatMap((staffId) =>
      [1, 2, 3, 4, 5, 6].map((weekday) => ({ businessId: f.businessId, staffId, weekday, startMinute: 9 * 60, endMinute: 21 * 60 })),
    ),
  });
  const business = await db.business.findUniqueOrThrow({ where: { id: f.businessId }, select: { name: true } });
  return { businessId: f.businessId, name: business.name, alex: f.staffId, sam: f.otherStaffId, haircut: f.serviceId, color: color.id };
}

let phones = 0;
export async function person(db: Db, businessId: string, extra: { email?: string; smsOptOut?: boolean; name?: string } = {}) {
  const phone = `+1555777${String(++phones).padStart(4, "0")}`;
  return db.customer.create({ data: { businessId, phone, name: extra.name ?? `Waiter ${phones}`, ...extra }, select: { id: true, phone: true } });
}

export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
