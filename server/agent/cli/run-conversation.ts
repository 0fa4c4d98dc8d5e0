/**
 * Runs a scripted conversation through a real AgentSession and describes it as the lines
 * `npm run converse` prints (docs/CONVERSE.md): the greeting (caller null), one line per caller
 * utterance, then the caller's appointments. The evaluation suite reads the same shapes.
 */
import type { Db } from "../../db";
import { localDateTimeOf } from "../../time/local-calendar";
import { clockOf } from "../context/agent-context";
import { createAgentSession, type AgentSession } from "../session/agent-session";
import type { AgentChannel, AgentEngine, AgentTurn } from "../types";

export interface TurnLine {
  caller: string | null;
  agent: string;
  tools: Array<{ name: string; args: unknown; ok: boolean; result: unknown }>;
  language: string;
  end?: true;
  transfer?: AgentTurn["transfer"];
  message?: AgentTurn["message"];
}

export interface AppointmentLine {
  id: string;
  status: string;
  service: string;
  staff: string;
  /** Local wall time in the business's zone, "2026-11-25T15:00". */
  start: string;
  startsAt: string;
  timezone: string;
  rescheduledFromId: string | null;
}

export async function runConversation(
  args: { db: Db; businessId: string; callerPhone: string; channel: AgentChannel; now: () => Date; engine: AgentEngine; utterances: readonly string[] },
  /** Called after each turn, before the next utterance (awaited, so a test can change the world in between). */
  onLine: (line: TurnLine) => void | Promise<void> = () => {},
): Promise<{ session: AgentSession; lines: TurnLine[] }> {
  const session = createAgentSession({
    db: args.db, businessId: args.businessId, callerPhone: args.callerPhone, channel: args.channel, now: args.now, engine: args.engine,
  });
  const lines: TurnLine[] = [];
  const emit = async (caller: string | null, turn: AgentTurn) => {
    const line: TurnLine = {
      caller,
      agent: turn.text,
      tools: turn.tools.map((t) => ({ name: t.name, args: t.args, ok: t.ok, result: t.result })),
      language: turn.language,
      ...(turn.end ? { end: true as const } : {}),
      ...(turn.transfer ? { transfer: turn.transfer } : {}),
      ...(turn.message ? { message: turn.message } : {}),
    };
    lines.push(line);
    await onLine(line);
  };
  await emit(null, await session.greet());
  for (const utterance of args.utterances) {
    const turn = await session.respond(utterance);
    await emit(utterance, turn);
    // A call the agent ended (or handed to a person) takes no more caller turns.
    if (turn.end || turn.transfer) break;
  }
  return { session, lines };
}

/** Every appointment of the caller at this business, any status, oldest first. */
export async function callerAppointments(db: Db, { businessId, callerPhone }: { businessId: string; callerPhone: string }): Promise<AppointmentLine[]> {
  const business = await db.business.findUniqueOrThrow({ where: { id: businessId }, select: { timezone: true } });
  const rows = await db.appointment.findMany({
    where: { businessId, customer: { phone: callerPhone } },
    orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
    select: { id: true, status: true, startsAt: true, rescheduledFromId: true, service: { select: { name: true } }, staff: { select: { name: true } } },
  });
  return rows.map((a) => {
    const local = localDateTimeOf(a.startsAt, business.timezone);
    return {
      id: a.id,
      status: a.status,
      service: a.service.name,
      staff: a.staff.name,
      start: `${local.date}T${clockOf(local.time.hour * 60 + local.time.minute)}`,
      startsAt: a.startsAt.toISOString(),
      timezone: business.timezone,
      rescheduledFromId: a.rescheduledFromId,
    };
  });
}
