// A call as the call simulator prints it at the end: status, outcome, transcript, latency, usage,
// cost, message. (The dashboard has its own queries.)
import type { Db } from "../db";
import type { CallUsage, TranscriptTurn, TurnLatency } from "./call-record-types";

export async function getCallSummary(db: Db, { callId }: { callId: string }) {
  const call = await db.call.findUnique({
    where: { id: callId },
    select: {
      id: true,
      status: true,
      outcome: true,
      fromNumber: true,
      toNumber: true,
      durationSeconds: true,
      transcript: true,
      latency: true,
      usage: true,
      estimatedCostMicros: true,
      summary: true,
      messageText: true,
      recordingUrl: true,
      endedAt: true,
    },
  });
  if (!call) return null;
  return {
    ...call,
    transcript: call.transcript as unknown as TranscriptTurn[],
    latency: call.latency as unknown as TurnLatency[],
    usage: call.usage as unknown as CallUsage,
  };
}

export type CallSummary = NonNullable<Awaited<ReturnType<typeof getCallSummary>>>;
