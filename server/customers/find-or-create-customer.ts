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

const customerView = { id: true, name: true, phone: true, email: true } as const;

export interface CustomerView {
  id: string;
  name: string | null;
  phone: string;
  email: string | null;
}

/** The customer as it stands after this call (booking builds its answer from it). */
export async function findOrCreateCustomer(db: Db | Tx, { businessId, details }: { businessId: string; details: CustomerDetails }): Promise<CustomerView> {
  // INSERT … ON CONFLICT DO NOTHING RETURNING (skipDuplicates), so two first bookings from the
  // same new number cannot race into a unique-violation that would abort the caller's
  // transaction, and a new customer costs one statement: a row comes back only if inserted.
  // (One object rather than an array of one: Prisma prepares that shape faster.)
  const [created] = await db.customer.createManyAndReturn({ data: { businessId, ...details }, skipDuplicates: true, select: customerView });
  if (created) return created;
  const customer = await db.customer.findUniqueOrThrow({
    where: { businessId_phone: { businessId, phone: details.phone } },
    select: customerView,
  });
  const fill = {
    ...(details.name && !customer.name ? { name: details.name } : {}),
    ...(details.email && !customer.email ? { email: details.email } : {}),
  };
  if (Object.keys(fill).length === 0) return customer;
  await db.customer.update({ where: { id: customer.id }, data: fill });
  return { ...customer, ...fill };
}

export async function requireCustomer(db: Db | Tx, { businessId, customerId }: { businessId: string; customerId: string }): Promise<CustomerView> {
  const customer = await db.customer.findFirst({ where: { id: customerId, businessId }, select: customerView });
  if (!customer) throw new AppError("NOT_FOUND", "No such customer.");
  return customer;
}
