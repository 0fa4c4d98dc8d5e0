// A console conversation's row, found by its id inside the business (never fetched first and
// compared afterwards), with its agent-session snapshot checked for the shape this code writes.
import type { SessionSnapshot } from "../agent/session/agent-session";
import type { Db } from "../db";
import { AppError } from "../errors";

export interface ConsoleSessionRow {
  id: string;
  callerPhone: string;
  version: number;
  snapshot: SessionSnapshot;
}

export async function loadConsoleSession(db: Db, { businessId, sessionId }: { businessId: string; sessionId: string }): Promise<ConsoleSessionRow> {
  const row = await db.consoleSession.findFirst({
    where: { id: sessionId, businessId },
    select: { id: true, callerPhone: true, version: true, snapshot: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "This test conversation is gone. Start a new one.");
  const snapshot = row.snapshot as unknown as SessionSnapshot | null;
  if (snapshot?.version !== 1 || !Array.isArray(snapshot.state?.history)) {
    throw new AppError("CONFLICT", "This test conversation was saved in an older format. Start a new one.");
  }
  return { ...row, snapshot };
}
