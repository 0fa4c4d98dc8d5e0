// Starts a test-console conversation: the owner plays a caller phoning from `callerPhone`. The
// agent greets as on a call (turn t0); the session's snapshot is stored so the next message carries
// on. One conversation per user and business: starting again replaces the last one (its bookings
// stay: they are real).
import { parseAgentSettings } from "../agent/context/agent-context";
import { createAgentSession } from "../agent/session/agent-session";
import type { AgentEngine, Language } from "../agent/types";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { Logger } from "../logger";
import type { ConsoleConversation } from "./console-schemas";
import { turnOf } from "./console-transcript";
import { listCallerAppointments } from "./list-caller-appointments";

const LANGUAGE_NAMES: Record<Language, string> = { en: "English", es: "Spanish" };

export async function startConsoleConversation(
  db: Db,
  { businessId, userId, callerPhone, language }: { businessId: string; userId: string | null; callerPhone: string; language?: Language },
  { now, engine, log }: { now: () => Date; engine: AgentEngine; log?: Logger },
): Promise<ConsoleConversation> {
  const business = await db.business.findUnique({ where: { id: businessId }, select: { settings: true } });
  if (!business) throw new AppError("NOT_FOUND", "No such business.");
  const { languages } = parseAgentSettings(business.settings);
  if (language && !languages.includes(language)) {
    throw new AppError("INVALID_INPUT", `The receptionist does not speak ${LANGUAGE_NAMES[language]} yet. Add it under Settings → Receptionist, or pick another language.`);
  }

  const session = createAgentSession({ db, businessId, callerPhone, channel: "console", now, engine, log });
  const greeting = await session.greet();
  const snapshot = session.snapshot();
  // The language the owner picked is the one the caller is expected to speak: the session starts
  // in it, and the caller's first words can still change it as on a call.
  if (language) snapshot.state.language = language;

  await db.$transaction(async (tx) => {
    if (userId) await tx.consoleSession.deleteMany({ where: { businessId, startedById: userId } });
    await tx.consoleSession.create({
      data: { id: session.id, businessId, startedById: userId, callerPhone, snapshot: snapshot as unknown as Prisma.InputJsonValue },
      select: { id: true },
    });
  });

  return {
    sessionId: session.id,
    callerPhone,
    callerName: snapshot.callerName,
    language: snapshot.state.language,
    ending: null,
    turns: [turnOf(null, greeting)],
    appointments: await listCallerAppointments(db, { businessId, callerPhone }, { now: now() }),
  };
}
