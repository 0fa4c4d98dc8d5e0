// The one way to put a text in the outbox (a Message row with channel "sms" that the delivery job
// sends). A phone that texted STOP to the business gets nothing queued: Twilio would refuse the
// send anyway (error 21610), and the opt-out is the texter's decision, not a delivery failure.
import type { Db, Tx } from "../db";
import { isSmsOptedOut } from "./record-sms-consent";

export interface OutgoingSms {
  businessId: string;
  to: string;
  body: string;
  /** confirmation, reminder, call_message, … */
  kind: string;
  customerId?: string | null;
  appointmentId?: string | null;
  sendAfter?: Date;
}

/** The queued Message's id, or null when the recipient opted out of this business's texts. */
export async function queueSms(db: Db | Tx, sms: OutgoingSms): Promise<{ id: string } | null> {
  if (await isSmsOptedOut(db, { businessId: sms.businessId, phone: sms.to })) return null;
  return db.message.create({
    data: {
      businessId: sms.businessId,
      customerId: sms.customerId ?? null,
      appointmentId: sms.appointmentId ?? null,
      channel: "sms",
      kind: sms.kind,
      to: sms.to,
      body: sms.body,
      status: "queued",
      ...(sms.sendAfter ? { sendAfter: sms.sendAfter } : {}),
    },
    select: { id: true },
  });
}
