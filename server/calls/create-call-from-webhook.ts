// A call arrives (Twilio's voice webhook, already authenticated): find the business by the number
// that was called, create its Call row with a fresh one-time stream token, and recognise the
// caller as an existing customer when the caller ID matches one. A webhook retried by Twilio for
// the same CallSid reuses the row and replaces the token.
import type { Db } from "../db";
import { newStreamToken, STREAM_TOKEN_TTL_MS } from "./stream-token";

const E164 = /^\+[1-9]\d{6,14}$/;

export interface IncomingCall {
  callSid: string;
  /** Caller ID as Twilio reports it: E.164, or words such as "anonymous" when withheld. */
  from: string;
  to: string;
}

export type CreateCallResult =
  | { kind: "unknown-number" }
  | { kind: "created"; callId: string; businessId: string; businessName: string; token: string };

export async function createCallFromWebhook(db: Db, call: IncomingCall, { now }: { now: Date }): Promise<CreateCallResult> {
  const number = await db.phoneNumber.findUnique({
    where: { e164: call.to },
    select: { businessId: true, business: { select: { name: true } } },
  });
  if (!number) return { kind: "unknown-number" };
  const businessId = number.businessId;
  const customer = E164.test(call.from)
    ? await db.customer.findUnique({ where: { businessId_phone: { businessId, phone: call.from } }, select: { id: true } })
    : null;
  const { token, hash } = newStreamToken();
  const streamTokenExpires = new Date(now.getTime() + STREAM_TOKEN_TTL_MS);
  const row = await db.call.upsert({
    where: { twilioCallSid: call.callSid },
    create: {
      businessId,
      customerId: customer?.id ?? null,
      twilioCallSid: call.callSid,
      fromNumber: call.from.slice(0, 64),
      toNumber: call.to,
      status: "ringing",
      startedAt: now,
      streamTokenHash: hash,
      streamTokenExpires,
    },
    update: { streamTokenHash: hash, streamTokenExpires },
    select: { id: true },
  });
  return { kind: "created", callId: row.id, businessId, businessName: number.business.name, token };
}
