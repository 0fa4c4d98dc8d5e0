// Clear answers for times outside the service's booking window, before any slot search:
// in the past, too soon (minimum notice) or too far ahead (booking horizon).
import { AppError } from "../errors";
import type { ServiceRules } from "./availability/types";

/** Takes a SchedulingContext, or the SchedulingRules a booking reads before its transaction. */
export function checkBookingWindow(
  context: { service: { name: string }; query: { service: Pick<ServiceRules, "minNoticeMinutes" | "bookingHorizonDays"> } },
  startMs: number,
  now: Date,
): void {
  const rules = context.query.service;
  if (startMs <= now.getTime()) throw new AppError("INVALID_INPUT", "That time has already passed.");
  if (startMs < now.getTime() + rules.minNoticeMinutes * 60_000) {
    throw new AppError("OUTSIDE_HOURS", `${context.service.name} needs at least ${describeMinutes(rules.minNoticeMinutes)} notice.`, { alternatives: [] });
  }
  // Generous bound here; the slot engine applies the exact end-of-local-day horizon.
  if (startMs > now.getTime() + (rules.bookingHorizonDays + 1) * 86_400_000) {
    throw new AppError("OUTSIDE_HOURS", `${context.service.name} can be booked at most ${rules.bookingHorizonDays} days ahead.`, { alternatives: [] });
  }
}

/** "1 hour's", "2 hours'", "90 minutes'": the possessive English needs before "notice". */
function describeMinutes(minutes: number): string {
  const [amount, unit] = minutes % 1440 === 0 ? [minutes / 1440, "day"] : minutes % 60 === 0 ? [minutes / 60, "hour"] : [minutes, "minute"];
  return amount === 1 ? `1 ${unit}'s` : `${amount} ${unit}s'`;
}
