// Bookable slots for a service in a window: the query every channel asks before booking. The
// rules come from the short-lived scheduling cache; the appointments are always read fresh.
import type { Db, Tx } from "../db";
import { AppError } from "../errors";
import { computeBookableSlots } from "./availability/compute-bookable-slots";
import { isOutsideTransaction, loadSchedulingContext, type SchedulingContext } from "./load-scheduling-context";
import { cachedSchedulingRules } from "./scheduling-cache";
import { encodeSlotId } from "./slot-id";

export const MAX_RANGE_DAYS = 62;

export interface AvailableSlot {
  slotId: string;
  startsAt: Date;
  endsAt: Date;
  staffIds: string[];
}

export interface FindAvailableSlotsInput {
  businessId: string;
  serviceId: string;
  staffId?: string;
  from: Date;
  to: Date;
}

export function validateRange(from: Date, to: Date): void {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw new AppError("INVALID_INPUT", "from and to must be valid ISO 8601 date-times.");
  }
  if (to <= from) throw new AppError("INVALID_INPUT", "to must be after from.");
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw new AppError("INVALID_INPUT", `Ask for at most ${MAX_RANGE_DAYS} days at a time.`);
  }
}

export async function findAvailableSlots(
  db: Db | Tx,
  input: FindAvailableSlotsInput,
  now: Date,
): Promise<{ timezone: string; service: SchedulingContext["service"]; slots: AvailableSlot[] }> {
  validateRange(input.from, input.to);
  // Inside a transaction everything is read in it, uncached.
  const rules = isOutsideTransaction(db) ? await cachedSchedulingRules(db, input, now.getTime()) : undefined;
  const context = await loadSchedulingContext(
    db,
    { businessId: input.businessId, serviceId: input.serviceId, staffId: input.staffId, fromMs: input.from.getTime(), toMs: input.to.getTime() },
    { rules },
  );
  return {
    timezone: context.business.timezone,
    service: context.service,
    slots: slotsFrom(context, { fromMs: input.from.getTime(), toMs: input.to.getTime(), staffId: input.staffId, nowMs: now.getTime() }),
  };
}

export function slotsFrom(
  context: SchedulingContext,
  request: { fromMs: number; toMs: number; staffId?: string; nowMs: number },
): AvailableSlot[] {
  return computeBookableSlots({ ...context.query, request }).map((s) => ({
    slotId: encodeSlotId({ serviceId: context.service.id, startMs: s.startMs, staffId: request.staffId ?? null }),
    startsAt: new Date(s.startMs),
    endsAt: new Date(s.endMs),
    staffIds: s.staffIds,
  }));
}
