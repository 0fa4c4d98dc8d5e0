// Ends a test-console conversation: the agent forgets it. What it booked, moved or cancelled
// stays as it is; those were real changes to the calendar.
import type { Db } from "../db";
import { AppError } from "../errors";

export async function resetConsoleConversation(db: Db, { businessId, sessionId }: { businessId: string; sessionId: string }): Promise<{ sessionId: string }> {
  const { count } = await db.consoleSession.deleteMany({ where: { id: sessionId, businessId } });
  if (count === 0) throw new AppError("NOT_FOUND", "This test conversation is gone. Start a new one.");
  return { sessionId };
}
