// One turn of a test-console conversation: the simulated caller's message goes through the same
// agent session as a phone call's words (channel "console", so its bookings say where they came
// from), and the page gets the reply, the tool calls it made and the caller's appointments after it.
//
// Two tabs sending at once: the turn takes a lease on the row first, so only one of them runs on
// the stored snapshot; the other is told to reload before anything was done. The lease is given
// back when the turn is saved (or fails), and lapses on its own if the process dies mid-turn.
import { randomUUID } from "node:crypto";
import { createAgentSession, type SessionSnapshot } from "../agent/session/agent-session";
import type { AgentEngine, AgentTurn } from "../agent/types";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { Logger } from "../logger";
import type { CallerAppointment, ConsoleEnding, ConsoleTurn } from "./console-schemas";
import { endingOf, turnOf } from "./console-transcript";
import { listCallerAppointments } from "./list-caller-appointments";
import { loadConsoleSession } from "./load-console-session";

/** A test conversation longer than this is almost certainly stuck in a loop; start a new one. */
export const MAX_CALLER_TURNS = 60;
/** Longer than any agent turn. */
const LEASE_MS = 60_000;

export async function sendConsoleUtterance(
  db: Db,
  { businessId, sessionId, text }: { businessId: string; sessionId: string; text: string },
  { now, engine, log }: { now: () => Date; engine: AgentEngine; log?: Logger },
): Promise<{ turn: ConsoleTurn; callerName: string | null; ending: ConsoleEnding; appointments: CallerAppointment[] }> {
  const row = await loadConsoleSession(db, { businessId, sessionId });
  const ending = endingOf(row.snapshot);
  if (ending) {
    const why = ending === "transferred" ? "handed the caller to a person" : "ended the conversation";
    throw new AppError("CONFLICT", `The receptionist ${why}. Start a new conversation to go on testing.`);
  }
  if (row.snapshot.counters.callerTurns >= MAX_CALLER_TURNS) {
    throw new AppError("INVALID_INPUT", `This test conversation has reached ${MAX_CALLER_TURNS} messages. Start a new one.`);
  }

  // Only from the version just loaded, and only when no other turn holds the lease: a tab that
  // loaded before another tab's turn was saved, or while it runs, is refused here.
  const token = randomUUID();
  const at = now();
  const claimed = await db.consoleSession.updateMany({
    where: { id: row.id, businessId, version: row.version, OR: [{ lockedUntil: null }, { lockedUntil: { lte: at } }] },
    data: { lockToken: token, lockedUntil: new Date(at.getTime() + LEASE_MS) },
  });
  if (claimed.count === 0) {
    throw new AppError("CONFLICT", "This conversation is answering another message (open in another tab?). Nothing was sent: reload the page and try again.");
  }

  let turn: AgentTurn;
  let snapshot: SessionSnapshot;
  try {
    const session = createAgentSession({ db, businessId, callerPhone: row.callerPhone, channel: "console", now, engine, resume: row.snapshot, log });
    turn = await session.respond(text);
    snapshot = session.snapshot();
    await db.consoleSession.updateMany({
      where: { id: row.id, businessId, lockToken: token },
      data: { snapshot: snapshot as unknown as Prisma.InputJsonValue, version: { increment: 1 }, lockToken: null, lockedUntil: null },
    });
  } catch (error) {
    await db.consoleSession.updateMany({ where: { id: row.id, businessId, lockToken: token }, data: { lockToken: null, lockedUntil: null } });
    throw error;
  }

  return {
    turn: turnOf(text, turn),
    callerName: snapshot.callerName,
    ending: endingOf(snapshot),
    appointments: await listCallerAppointments(db, { businessId, callerPhone: row.callerPhone }, { now: now() }),
  };
}
