// The worker's first act on a new Media Streams socket: trade the one-time token for the call.
// One conditional UPDATE does the whole check (right call, right Twilio CallSid, right token, not
// expired) and burns the token, so two sockets presenting the same token cannot both win.
import type { Db } from "../db";
import { hashStreamToken } from "./stream-token";

export interface ClaimedCall {
  id: string;
  businessId: string;
  customerId: string | null;
  fromNumber: string;
  toNumber: string;
  twilioCallSid: string | null;
  business: { name: string; timezone: string; settings: unknown; contactPhone: string | null };
}

export async function claimStreamToken(
  db: Db,
  input: { callId: string; callSid: string; token: string },
  { now }: { now: Date },
): Promise<ClaimedCall | null> {
  if (!input.callId || !input.token || input.token.length > 200 || input.callId.length > 100) return null;
  const { count } = await db.call.updateMany({
    where: {
      id: input.callId,
      twilioCallSid: input.callSid,
      streamTokenHash: hashStreamToken(input.token),
      streamTokenExpires: { gt: now },
    },
    data: { streamTokenHash: null, streamTokenExpires: null, status: "in_progress", answeredAt: now },
  });
  if (count !== 1) return null;
  return db.call.findUnique({
    where: { id: input.callId },
    select: {
      id: true,
      businessId: true,
      customerId: true,
      fromNumber: true,
      toNumber: true,
      twilioCallSid: true,
      business: { select: { name: true, timezone: true, settings: true, contactPhone: true } },
    },
  });
}
