// check_availability: the only source of bookable times. Answers with opaque slot ids (which
// book_appointment and reschedule_appointment accept, and nothing else), each with its weekday,
// date and time in the business's zone, plus why a day has nothing (closed, full, past…).
import { z } from "zod";
import { loadSchedulingContext } from "../../scheduling/load-scheduling-context";
import type { AvailableSlot } from "../../scheduling/find-available-slots";
import { addDays, daysBetween, localDateTimeOf } from "../../time/local-calendar";
import { minutesOf } from "../context/agent-context";
import { dayAvailability, dayBounds, type DayStatus } from "./day-availability";
import { resolveService, resolveStaff } from "./resolve-catalogue";
import { defineTool, failure, localParts, type SlotJson, slotJson, staffNamesOf } from "./tool-kit";

const MAX_DAYS = 31;
const LOOK_AHEAD_DAYS = 21;
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dates look like 2026-11-24");
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "times look like 15:30 (24-hour, business time)");

export const checkAvailabilityInput = z.object({
  service: z.string().min(1).describe("Service id from the context (an exact service name is also accepted)."),
  staff: z.string().min(1).optional().describe("Staff member id or name; omit for anyone."),
  date: localDate.optional().describe("One day, YYYY-MM-DD in the business's zone."),
  fromDate: localDate.optional().describe("First day of a range (instead of date). Default: today."),
  toDate: localDate.optional().describe("Last day of a range, inclusive. Default: fromDate + 6 days."),
  after: clock.optional().describe("Only slots starting at or after this local time."),
  before: clock.optional().describe("Only slots starting before this local time."),
  time: clock.optional().describe("The start time the caller asked for: answers exactMatch, or the nearest times."),
  limit: z.number().int().min(1).max(100).default(30).describe("Most slots to list."),
});

export type CheckAvailabilityResult = {
  ok: true;
  service: { id: string; name: string; durationMinutes: number; priceCents: number; currency: string };
  staff: { id: string; name: string } | null;
  timezone: string;
  today: string;
  fromDate: string;
  toDate: string;
  days: Array<{ date: string; weekday: string; status: DayStatus; freeSlots: number }>;
  slots: SlotJson[];
  /** The earliest slot in the range starting exactly at `time`. */
  exactMatch?: SlotJson;
  /** No exact match: up to 3 slots nearest to `time` on the first day that has any. */
  nearest?: SlotJson[];
  /** Nothing in the range: the first matching slot in the following three weeks. */
  nextAvailable?: SlotJson;
};

export const checkAvailabilityTool = defineTool({
  name: "check_availability",
  description:
    "Find bookable times for a service. Returns slot ids (the only thing book_appointment and reschedule_appointment accept) with weekday, date and time in the business's time zone, and each day's status (available, closed, staff_off, not_offered: open but nobody who does the service works that day, full, past, too_far).",
  input: checkAvailabilityInput,
  writes: false,
  async run(ctx, input): Promise<CheckAvailabilityResult> {
    const service = await resolveService(ctx, input.service);
    const staff = input.staff ? await resolveStaff(ctx, input.staff, service) : null;
    const business = await ctx.db.business.findUniqueOrThrow({ where: { id: ctx.businessId }, select: { timezone: true } });
    const zone = business.timezone;
    const now = ctx.now();
    const today = localDateTimeOf(now, zone).date;

    const fromDate = input.date ?? input.fromDate ?? today;
    const toDate = input.date ?? input.toDate ?? addDays(fromDate, 6);
    if (toDate < fromDate) failure("INVALID_INPUT", "toDate is before fromDate.");
    if (daysBetween(fromDate, toDate) >= MAX_DAYS) failure("INVALID_INPUT", `Ask for at most ${MAX_DAYS} days at a time.`);
    if (toDate < today) failure("PAST_DATE", `That date has already passed; today is ${today}.`, { today });

    const names = await staffNamesOf(ctx);
    const view = (slot: AvailableSlot) => slotJson(ctx, slot, zone, names);
    const matches = (slot: AvailableSlot) => {
      const minutes = minutesOf(localParts(slot.startsAt, zone).time);
      return (!input.after || minutes >= minutesOf(input.after)) && (!input.before || minutes < minutesOf(input.before));
    };

    const days = await daysIn(ctx, { serviceId: service.id, staffId: staff?.id, zone, fromDate, toDate, nowMs: now.getTime() });
    const free = days.flatMap((d) => d.slots.filter(matches));
    const result: CheckAvailabilityResult = {
      ok: true,
      service: { id: service.id, name: service.name, durationMinutes: service.durationMinutes, priceCents: service.priceCents, currency: service.currency },
      staff: staff ? { id: staff.id, name: staff.name } : null,
      timezone: zone,
      today,
      fromDate,
      toDate,
      days: days.map((d) => ({ date: d.date, weekday: localParts(dayBounds(d.date, zone).fromMs, zone).weekday, status: d.status, freeSlots: d.slots.length })),
      slots: free.slice(0, input.limit).map(view),
    };

    if (input.time) {
      const exact = free.find((s) => localParts(s.startsAt, zone).time === input.time);
      if (exact) result.exactMatch = view(exact);
      else {
        const firstDay = days.find((d) => d.slots.some(matches));
        if (firstDay) result.nearest = nearestTo(firstDay.slots.filter(matches), input.time, zone).map(view);
      }
    }
    if (free.length === 0) {
      const later = await daysIn(ctx, {
        serviceId: service.id, staffId: staff?.id, zone, fromDate: addDays(toDate, 1), toDate: addDays(toDate, LOOK_AHEAD_DAYS), nowMs: now.getTime(),
      });
      const day = later.find((d) => d.slots.some(matches));
      if (day) {
        const candidates = day.slots.filter(matches);
        result.nextAvailable = view((input.time ? nearestTo(candidates, input.time, zone)[0] : candidates[0])!);
      }
    }
    return result;
  },
});

async function daysIn(
  ctx: Parameters<typeof checkAvailabilityTool.run>[0],
  a: { serviceId: string; staffId?: string; zone: string; fromDate: string; toDate: string; nowMs: number },
) {
  const context = await loadSchedulingContext(ctx.db, {
    businessId: ctx.businessId,
    serviceId: a.serviceId,
    staffId: a.staffId,
    fromMs: dayBounds(a.fromDate, a.zone).fromMs,
    toMs: dayBounds(a.toDate, a.zone).toMs,
  });
  const count = daysBetween(a.fromDate, a.toDate) + 1;
  return Array.from({ length: count }, (_, i) => dayAvailability(context, { date: addDays(a.fromDate, i), staffId: a.staffId, nowMs: a.nowMs }));
}

function nearestTo(slots: AvailableSlot[], time: string, zone: string): AvailableSlot[] {
  const target = minutesOf(time);
  const distance = (s: AvailableSlot) => Math.abs(minutesOf(localParts(s.startsAt, zone).time) - target);
  return [...slots].sort((a, b) => distance(a) - distance(b) || a.startsAt.getTime() - b.startsAt.getTime()).slice(0, 3);
}
