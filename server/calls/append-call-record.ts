// Appends transcript turns and latency entries to a Call as the conversation goes, so a call
// that ends abruptly (or a worker that dies) still leaves what was said. Appending is done in SQL
// (jsonb ||) so concurrent writers for one call never lose each other's entries.
import type { Db } from "../db";
import type { TranscriptTurn, TurnLatency } from "./call-record-types";

export async function appendCallRecord(
  db: Db,
  { callId, transcript = [], latency = [] }: { callId: string; transcript?: TranscriptTurn[]; latency?: TurnLatency[] },
): Promise<void> {
  if (transcript.length === 0 && latency.length === 0) return;
  await db.$executeRaw`
    UPDATE "Call"
       SET "transcript" = "transcript" || ${JSON.stringify(transcript)}::jsonb,
           "latency" = "latency" || ${JSON.stringify(latency)}::jsonb,
           "updatedAt" = CURRENT_TIMESTAMP
     WHERE "id" = ${callId}`;
}
