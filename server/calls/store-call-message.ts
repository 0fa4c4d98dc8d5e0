// A message the caller left: stored on the Call (text when we have it, the recording's URL when
// there is audio), the call's outcome set to "message", and the owner told through the outbox
// (a Message row the notification jobs deliver): email to the business address or the owner's
// login, else a text to the business's contact phone (unless that phone texted STOP to the
// business). A repeated callback for the same recording does not notify twice.
import type { Db } from "../db";
import { queueSms } from "../sms/queue-sms";
import { localDateTimeOf } from "../time/local-calendar";
import { strongerOutcome } from "./finish-call";
import { lockCall } from "./lock-call";

export interface CallMessageInput {
  callId: string;
  text?: string | null;
  recordingUrl?: string | null;
  durationSeconds?: number;
}

export async function storeCallMessage(db: Db, input: CallMessageInput, { now }: { now: Date }): Promise<{ stored: boolean; notified: boolean }> {
  return db.$transaction(async (tx) => {
    if (!(await lockCall(tx, { id: input.callId }))) return { stored: false, notified: false };
    const call = await tx.call.findUnique({
      where: { id: input.callId },
      select: {
        id: true,
        businessId: true,
        customerId: true,
        fromNumber: true,
        outcome: true,
        messageText: true,
        recordingUrl: true,
        business: {
          select: {
            name: true,
            email: true,
            contactPhone: true,
            timezone: true,
            memberships: { where: { role: "owner" }, take: 1, orderBy: { createdAt: "asc" }, select: { user: { select: { email: true } } } },
          },
        },
      },
    });
    if (!call) return { stored: false, notified: false };
    const text = input.text?.trim() || null;
    const duplicate = (input.recordingUrl ?? null) === call.recordingUrl && (text ?? null) === call.messageText && call.outcome === "message";
    await tx.call.update({
      where: { id: call.id },
      data: {
        messageText: text ?? call.messageText,
        recordingUrl: input.recordingUrl ?? call.recordingUrl,
        outcome: strongerOutcome(call.outcome, "message"),
      },
    });
    if (duplicate) return { stored: true, notified: false };

    const business = call.business;
    const email = business.email ?? business.memberships[0]?.user.email ?? null;
    const to = email ?? business.contactPhone;
    if (!to) return { stored: true, notified: false };
    const local = localDateTimeOf(now, business.timezone);
    const when = `${local.date} ${String(local.time.hour).padStart(2, "0")}:${String(local.time.minute).padStart(2, "0")}`;
    const lines = [
      `New phone message for ${business.name} from ${call.fromNumber} (${when}).`,
      text ? `Message: ${text}` : "The caller left a voice message.",
      ...(input.recordingUrl ? [`Recording: ${input.recordingUrl}`] : []),
      ...(input.durationSeconds !== undefined ? [`Length: ${input.durationSeconds} s`] : []),
    ];
    if (!email) {
      // queue-sms.ts refuses a contact phone that texted STOP to the business's number.
      const queued = await queueSms(tx, { businessId: call.businessId, kind: "call_message", to, body: lines.join("\n") });
      return { stored: true, notified: queued !== null };
    }
    await tx.message.create({
      data: { businessId: call.businessId, channel: "email", kind: "call_message", to, subject: `New message from ${call.fromNumber}`, body: lines.join("\n") },
    });
    return { stored: true, notified: true };
  });
}
