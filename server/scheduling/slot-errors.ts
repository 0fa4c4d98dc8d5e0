// Why a requested time cannot be booked, and the nearest times that can: the "slot taken"
// answer every channel gives (the REST API as 409 problem+json, the agent in words).
import type { Db, Tx } from "../db";
import { AppError } from "../errors";
import { computeBookableSlots } from "./availability/compute-bookable-slots";
import { slotsFrom, type AvailableSlot } from "./find-available-slots";
import { loadSchedulingContext, type SchedulingContext, type SchedulingRules } from "./load-scheduling-context";

const DAY_MS = 86_400_000;

export interface SlotAlternative {
  slotId: string;
  startsAt: Date;
  endsAt: Date;
  staffIds: string[];
}

/**
 * Up to `count` bookable slots nearest to `startMs` (earlier ones included), nearest first.
 * `rules`: already-read rules for this service and staff filter (then only appointments are read).
 */
export async function nearestAlternatives(
  db: Db | Tx,
  args: { businessId: string; serviceId: string; staffId?: string; startMs: number; nowMs: number; count?: number },
  options: { rules?: SchedulingRules } = {},
): Promise<SlotAlternative[]> {
  const fromMs = Math.max(args.nowMs, args.startMs - DAY_MS);
  const toMs = args.startMs + 7 * DAY_MS;
  const context = await loadSchedulingContext(db, { businessId: args.businessId, serviceId: args.serviceId, staffId: args.staffId, fromMs, toMs }, options);
  const slots: AvailableSlot[] = slotsFrom(context, { fromMs, toMs, staffId: args.staffId, nowMs: args.nowMs });
  return slots
    .filter((s) => s.startsAt.getTime() !== args.startMs)
    .sort((a, b) => Math.abs(a.startsAt.getTime() - args.startMs) - Math.abs(b.startsAt.getTime() - args.startMs) || a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, args.count ?? 3);
}

/**
 * The error for a time that is not bookable: SLOT_TAKEN when only existing appointments stand in
 * the way, OUTSIDE_HOURS when the business does not offer that time at all; both carry the
 * nearest alternatives.
 */
export async function unavailableSlotError(
  db: Db | Tx,
  context: SchedulingContext,
  args: { businessId: string; serviceId: string; staffId?: string; startMs: number; nowMs: number },
  options: { rules?: SchedulingRules } = {},
): Promise<AppError<{ alternatives: SlotAlternative[] }>> {
  const alternatives = await nearestAlternatives(db, args, options);
  const request = { fromMs: args.startMs, toMs: args.startMs + 1, staffId: args.staffId, nowMs: args.nowMs };
  const offeredWhenEmpty = computeBookableSlots({ ...context.query, appointments: [], busyBlocks: [], request }).some(
    (s) => s.startMs === args.startMs,
  );
  return offeredWhenEmpty
    ? new AppError("SLOT_TAKEN", "That time was just taken.", { alternatives })
    : new AppError("OUTSIDE_HOURS", "That time is not bookable for this service.", { alternatives });
}
