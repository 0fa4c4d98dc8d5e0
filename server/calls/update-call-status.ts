// Twilio's status callback: the call's lifecycle as the phone network saw it. Matched by CallSid,
// never by anything the request could choose freely.
import type { Db } from "../db";
import type { CallStatus } from "../generated/prisma/enums";
import { strongerOutcome } from "./finish-call";

const STATUS: Record<string, CallStatus> = {
  queued: "ringing",
  initiated: "ringing",
  ringing: "ringing",
  "in-progress": "in_progress",
  completed: "completed",
  busy: "busy",
  "no-answer": "no_answer",
  failed: "failed",
  canceled: "canceled",
};

export async function updateCallStatus(
  db: Db,
  input: { callSid: string; twilioStatus: string; durationSeconds?: number },
  { now }: { now: Date },
): Promise<{ updated: boolean }> {
  const status = STATUS[input.twilioStatus];
  if (!status) return { updated: false };
  const call = await db.call.findUnique({ where: { twilioCallSid: input.callSid }, select: { id: true, outcome: true, endedAt: true } });
  if (!call) return { updated: false };
  const ended = status !== "ringing" && status !== "in_progress";
  await db.call.update({
    where: { id: call.id },
    data: {
      status,
      ...(ended
        ? {
            endedAt: call.endedAt ?? now,
            ...(input.durationSeconds !== undefined ? { durationSeconds: input.durationSeconds } : {}),
            // Never answered by us (busy, no answer, failed before the stream): say so.
            outcome: strongerOutcome(call.outcome, status === "completed" ? null : "failed"),
          }
        : {}),
    },
  });
  return { updated: true };
}
