// The span in which slots may start: the request's [from, to) clamped to
// [now + minimum notice, end of the last bookable local day]. Computed from the caller's clock,
// never the system's, so tests can stand on a daylight-saving day.
import { DAY_MS, MINUTE_MS } from "./local-calendar";
import { buildOffsetTimeline, offsetMsAt } from "./offset-timeline";
import type { ServiceRules, SlotRequest } from "./types";
import { firstInstantAtOrAfterWall } from "./wall-time-to-instants";

export interface BookingWindow {
  /** Earliest allowed slot start (inclusive). */
  readonly earliestStartMs: number;
  /** Slot starts must be before this (exclusive). */
  readonly latestStartMs: number;
}

export function bookingWindow(
  timeZone: string,
  service: Pick<ServiceRules, "minNoticeMinutes" | "bookingHorizonDays">,
  request: Pick<SlotRequest, "fromMs" | "toMs" | "nowMs">,
): BookingWindow | null {
  // Notice is real elapsed time, so it is added to the instant, not to the wall clock: three
  // hours' notice at 23:00 on the eve of spring-forward reaches 03:00 EDT, not 02:00.
  const earliestStartMs = Math.max(request.fromMs, request.nowMs + service.minNoticeMinutes * MINUTE_MS);
  const latestStartMs = Math.min(request.toMs, horizonEndMs(timeZone, request.nowMs, service.bookingHorizonDays));
  return earliestStartMs < latestStartMs ? { earliestStartMs, latestStartMs } : null;
}

/** Local midnight that ends the day `horizonDays` after today's local date. */
function horizonEndMs(timeZone: string, nowMs: number, horizonDays: number): number {
  const today = Math.floor((nowMs + offsetMsAt(timeZone, nowMs)) / DAY_MS);
  const endWallMs = (today + horizonDays + 1) * DAY_MS;
  // Scanning two days either side of the wall time covers every real offset (|offset| < 15 h).
  const timeline = buildOffsetTimeline(timeZone, endWallMs - 2 * DAY_MS, endWallMs + 2 * DAY_MS);
  return firstInstantAtOrAfterWall(timeline, endWallMs);
}
