// Twilio's status callback: the call's lifecycle as the phone network saw it. Matched by CallSid,
// never by anything the request could choose freely.
import type { Db } from "../db";
import type { CallStatus } from "../generated/prisma/enums";
import { strongerOutcome } from "./finish-call";
import { lockCall } from "./lock-call";

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
  return db.$transaction(async (tx) => {
    const id = await lockCall(tx, { twilioCallSid: input.callSid });
    if (!id) return { updated: false };
    const call = await tx.call.findUniqueOrThrow({ where: { id }, select: { outcome: true, endedAt: true } });
    const ended = status !== "ringing" && status !== "in_progress";
    await tx.call.update({
      where: { id },
      data: {
        status,
        ...(ended
          ? {
              endedAt: call.endedAt ?? now,
              ...(input.durationSeconds !== undefined ? { durationSeconds: input.durationSeconds } : {}),
              // A completed call's outcome is the worker's to write; only a call we never answered
              // (busy, no answer, failed before the stream) is marked failed here.
              ...(status === "completed" ? {} : { outcome: strongerOutcome(call.outcome, "failed") }),
            }
          : {}),
      },
    });
    return { updated: true };
  });
}
