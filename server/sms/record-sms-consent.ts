// Who has opted out of a business's texts. The record is Customer.smsOptOut, per business and phone
// (the customer row is created for a stranger who texts STOP, so the refusal is remembered before
// they ever book). Every writer of SMS outbox rows checks it: queue-sms.ts, and the waitlist's
// offer, which reads the same column and falls back to email.
import type { Db, Tx } from "../db";

export async function recordSmsOptOut(db: Db | Tx, { businessId, phone }: { businessId: string; phone: string }): Promise<void> {
  await db.customer.upsert({
    where: { businessId_phone: { businessId, phone } },
    create: { businessId, phone, smsOptOut: true },
    update: { smsOptOut: true },
    select: { id: true },
  });
}

/** START: texts may be queued to this phone again (a phone that never opted out is left alone). */
export async function recordSmsOptIn(db: Db | Tx, { businessId, phone }: { businessId: string; phone: string }): Promise<void> {
  await db.customer.updateMany({ where: { businessId, phone, smsOptOut: true }, data: { smsOptOut: false } });
}

export async function isSmsOptedOut(db: Db | Tx, { businessId, phone }: { businessId: string; phone: string }): Promise<boolean> {
  const customer = await db.customer.findUnique({ where: { businessId_phone: { businessId, phone } }, select: { smsOptOut: true } });
  return customer?.smsOptOut ?? false;
}
