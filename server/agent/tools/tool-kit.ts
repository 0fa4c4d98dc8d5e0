/**
 * Shared pieces of the agent's tools: what every tool receives (ToolContext), how a tool is
 * declared (AgentTool), and the plain-JSON shapes tools answer with, so an engine reads slots and
 * appointments the same way whichever tool returned them. Weekday, date and time are always in
 * the business's zone: the engine never converts an instant itself.
 */
import type { z } from "zod";
import type { Actor } from "../../audit";
import type { Db } from "../../db";
import { AppError } from "../../errors";
import { localDateTimeOf } from "../../time/local-calendar";
import { clockOf } from "../context/agent-context";
import type { AgentChannel, TakenMessage, ToolFailure } from "../types";

export interface ToolContext {
  db: Db;
  businessId: string;
  callerPhone: string;
  channel: AgentChannel;
  now: () => Date;
  sessionId: string;
  /** Slot ids this session handed out; booking and moving accept only these. */
  issuedSlotIds: Set<string>;
  /** Side effects the session turns into AgentTurn fields. */
  effects: { end?: boolean; transfer?: { reason: string; to?: string }; message?: TakenMessage };
}

export interface AgentTool<Schema extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  input: Schema;
  writes: boolean;
  run(ctx: ToolContext, input: z.infer<Schema>): Promise<{ ok: true } & Record<string, unknown>>;
}

export function defineTool<Schema extends z.ZodType>(tool: AgentTool<Schema>): AgentTool<Schema> {
  return tool;
}

export const callerActor = (ctx: ToolContext): Actor => ({ type: "caller", id: null, channel: ctx.channel });

export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

export interface SlotJson {
  slotId: string;
  date: string;
  weekday: string;
  time: string;
  staff: Array<{ id: string; name: string }>;
}

export interface AppointmentJson {
  appointmentId: string;
  status: string;
  service: { id: string; name: string };
  staff: { id: string; name: string };
  date: string;
  weekday: string;
  time: string;
  startsAt: string;
}

export function localParts(instant: Date | number, timeZone: string): { date: string; weekday: string; time: string } {
  const local = localDateTimeOf(instant, timeZone);
  return { date: local.date, weekday: WEEKDAY_NAMES[local.weekday] ?? "", time: clockOf(local.time.hour * 60 + local.time.minute) };
}

/** A slot as tools return it; registers the id as issued by this session. */
export function slotJson(
  ctx: ToolContext,
  slot: { slotId: string; startsAt: Date; staffIds: string[] },
  timeZone: string,
  staffNames: ReadonlyMap<string, string>,
): SlotJson {
  ctx.issuedSlotIds.add(slot.slotId);
  return {
    slotId: slot.slotId,
    ...localParts(slot.startsAt, timeZone),
    staff: slot.staffIds.map((id) => ({ id, name: staffNames.get(id) ?? "" })),
  };
}

export function appointmentJson(
  a: { id: string; status: string; startsAt: Date; service: { id: string; name: string }; staff: { id: string; name: string } },
  timeZone: string,
): AppointmentJson {
  return {
    appointmentId: a.id,
    status: a.status,
    service: { id: a.service.id, name: a.service.name },
    staff: { id: a.staff.id, name: a.staff.name },
    ...localParts(a.startsAt, timeZone),
    startsAt: a.startsAt.toISOString(),
  };
}

export async function staffNamesOf(ctx: ToolContext): Promise<Map<string, string>> {
  const staff = await ctx.db.staffMember.findMany({ where: { businessId: ctx.businessId }, select: { id: true, name: true } });
  return new Map(staff.map((s) => [s.id, s.name]));
}

export async function businessZone(ctx: ToolContext): Promise<string> {
  const business = await ctx.db.business.findUnique({ where: { id: ctx.businessId }, select: { timezone: true } });
  if (!business) throw new AppError("NOT_FOUND", "No such business.");
  return business.timezone;
}

/** A domain error as a tool result; alternatives become slots the engine may offer (and book). */
export async function failureFromAppError(ctx: ToolContext, error: AppError): Promise<ToolFailure> {
  const failure: ToolFailure = { ok: false, error: error.code, message: error.message };
  const alternatives = (error.data as { alternatives?: Array<{ slotId: string; startsAt: Date; staffIds: string[] }> } | undefined)?.alternatives;
  if (alternatives) {
    const [zone, names] = await Promise.all([businessZone(ctx), staffNamesOf(ctx)]);
    failure.alternatives = alternatives.map((a) => slotJson(ctx, a, zone, names));
  }
  return failure;
}

export function failure(error: string, message: string, extra: Record<string, unknown> = {}): never {
  throw new ToolRefusal({ ok: false, error, message, ...extra });
}

/** Thrown inside a tool to answer with a failure that is not a domain AppError (NAME_REQUIRED, UNKNOWN_SLOT…). */
export class ToolRefusal extends Error {
  constructor(readonly result: ToolFailure) {
    super(result.message);
  }
}
