// What the test console page needs before the first message: which engine and voice answer,
// the business's languages, numbers of known customers to call as, and the user's last console
// conversation here (so a reload carries on where it was).
import { parseAgentSettings } from "../agent/context/agent-context";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { ConsoleConversation } from "./console-schemas";
import { endingOf, transcriptOf } from "./console-transcript";
import { listCallerAppointments } from "./list-caller-appointments";
import { loadConsoleSession } from "./load-console-session";

const KNOWN_CALLERS = 25;

export async function getConsoleSetup(
  db: Db,
  { businessId, userId }: { businessId: string; userId: string },
  { now, engineLabel, voice }: { now: Date; engineLabel: string; voice: string | null },
) {
  const business = await db.business.findUnique({ where: { id: businessId }, select: { name: true, timezone: true, settings: true } });
  if (!business) throw new AppError("NOT_FOUND", "No such business.");
  const [callers, latest] = await Promise.all([
    db.customer.findMany({ where: { businessId }, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: KNOWN_CALLERS, select: { phone: true, name: true } }),
    db.consoleSession.findFirst({ where: { businessId, startedById: userId }, orderBy: { updatedAt: "desc" }, select: { id: true } }),
  ]);
  return {
    businessName: business.name,
    timezone: business.timezone,
    languages: parseAgentSettings(business.settings).languages,
    engine: engineLabel,
    voice,
    callers,
    conversation: latest ? await conversationOf(db, { businessId, sessionId: latest.id }, { now }) : null,
  };
}

async function conversationOf(db: Db, { businessId, sessionId }: { businessId: string; sessionId: string }, { now }: { now: Date }): Promise<ConsoleConversation | null> {
  const row = await loadConsoleSession(db, { businessId, sessionId }).catch((error: unknown) => {
    if (error instanceof AppError) return null; // saved in an older shape: the page offers a new one
    throw error;
  });
  if (!row) return null;
  return {
    sessionId: row.id,
    callerPhone: row.callerPhone,
    callerName: row.snapshot.callerName,
    language: row.snapshot.state.language,
    ending: endingOf(row.snapshot),
    turns: transcriptOf(row.snapshot.state.history),
    appointments: await listCallerAppointments(db, { businessId, callerPhone: row.callerPhone }, { now }),
  };
}
