// A business's customer by phone number (E.164), created on first contact. Name and email fill
// in when given and not yet known; an existing name is never overwritten by a channel's guess.
import { z } from "zod";
import type { Db, Tx } from "../db";
import { AppError } from "../errors";

export const e164 = z.string().trim().regex(/^\+[1-9]\d{6,14}$/, "Phone numbers must be in international format, e.g. +15551234567");

export const customerDetails = z.object({
  phone: e164,
  name: z.string().trim().min(1).max(120).optional(),
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254).optional(),
});

export type CustomerDetails = z.infer<typeof customerDetails>;

export async function findOrCreateCustomer(db: Db | Tx, { businessId, details }: { businessId: string; details: CustomerDetails }) {
  // INSERT … ON CONFLICT DO NOTHING (skipDuplicates), so two first bookings from the same new
  // number cannot race into a unique-violation that would abort the caller's transaction.
  await db.customer.createMany({ data: [{ businessId, ...details }], skipDuplicates: true });
  const customer = await db.customer.findUniqueOrThrow({
    where: { businessId_phone: { businessId, phone: details.phone } },
    select: { id: true, name: true, email: true },
  });
  const fill = {
    ...(details.name && !customer.name ? { name: details.name } : {}),
    ...(details.email && !customer.email ? { email: details.email } : {}),
  };
  if (Object.keys(fill).length > 0) await db.customer.update({ where: { id: customer.id }, data: fill });
  return { id: customer.id };
}

export async function requireCustomer(db: Db | Tx, { businessId, customerId }: { businessId: string; customerId: string }) {
  const customer = await db.customer.findFirst({ where: { id: customerId, businessId }, select: { id: true } });
  if (!customer) throw new AppError("NOT_FOUND", "No such customer.");
  return customer;
}
