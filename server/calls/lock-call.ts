// The Call row is written by three parties that do not know about each other: the worker when the
// stream ends, Twilio's status callback and Twilio's recording callback. Each reads the outcome,
// decides, and writes; without a lock a slower writer puts back the outcome it read before the
// other's write landed. Every one of them takes this row lock first, inside its transaction.
import type { Tx } from "../db";

export async function lockCall(tx: Tx, where: { id: string } | { twilioCallSid: string }): Promise<string | null> {
  const rows =
    "id" in where
      ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Call" WHERE id = ${where.id} FOR UPDATE`
      : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Call" WHERE "twilioCallSid" = ${where.twilioCallSid} FOR UPDATE`;
  return rows[0]?.id ?? null;
}
