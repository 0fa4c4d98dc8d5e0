// Closes a Call when its Media Stream ends: outcome, end time, duration, provider usage and cost.
// An outcome recorded earlier by a more specific event (a booking, a message left through the
// recording callback) is not downgraded to "abandoned" or "failed".
import type { Db } from "../db";
import type { CallOutcome } from "../generated/prisma/enums";
import type { CallUsage } from "./call-record-types";
import { lockCall } from "./lock-call";

/** Higher wins when two parts of the system report different outcomes for one call. */
const OUTCOME_RANK: Record<CallOutcome, number> = {
  failed: 0,
  abandoned: 1,
  information: 2,
  message: 3,
  transferred: 4,
  cancelled: 5,
  rescheduled: 6,
  booked: 7,
};

export function strongerOutcome(a: CallOutcome | null | undefined, b: CallOutcome | null | undefined): CallOutcome | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return OUTCOME_RANK[b] > OUTCOME_RANK[a] ? b : a;
}

export async function finishCall(
  db: Db,
  input: { callId: string; outcome: CallOutcome; usage: CallUsage; estimatedCostMicros: number; summary?: string },
  { now }: { now: Date },
): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await lockCall(tx, { id: input.callId }))) return;
    const call = await tx.call.findUniqueOrThrow({
      where: { id: input.callId },
      select: { answeredAt: true, startedAt: true, outcome: true, status: true, summary: true },
    });
    const since = call.answeredAt ?? call.startedAt;
    const terminal = ["completed", "busy", "no_answer", "failed", "canceled"].includes(call.status);
    await tx.call.update({
      where: { id: input.callId },
      data: {
        status: terminal ? undefined : "completed",
        endedAt: now,
        durationSeconds: Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000)),
        outcome: strongerOutcome(call.outcome, input.outcome),
        usage: JSON.parse(JSON.stringify(input.usage)),
        estimatedCostMicros: input.estimatedCostMicros,
        summary: input.summary ?? call.summary,
      },
    });
  });
}
