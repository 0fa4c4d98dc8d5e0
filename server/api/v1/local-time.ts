// Instants shown as wall-clock time in a zone, with the offset that applied then
// ("2026-11-26T11:00:00-05:00"): unambiguous, sortable per zone, and readable.
import { assertValidTimeZone } from "../../scheduling/availability/assert-time-zone";
import { buildOffsetTimeline, offsetAt, offsetMsAt } from "../../scheduling/availability/offset-timeline";

const MINUTE_MS = 60_000;

export function formatLocal(ms: number, timeZone: string): string {
  return withOffset(ms, offsetMsAt(timeZone, ms));
}

/**
 * A formatter for many instants in [fromMs, toMs]: the zone's offset changes are found once
 * (a probe a day) instead of asking the time-zone library for every slot.
 */
export function localFormatter(timeZone: string, fromMs: number, toMs: number): (ms: number) => string {
  const timeline = buildOffsetTimeline(timeZone, fromMs, toMs);
  return (ms) => withOffset(ms, offsetAt(timeline, ms));
}

// "+05:30" for each offset seen: a response formats dozens of instants with one or two offsets.
const offsetSuffixes = new Map<number, string>();

function withOffset(ms: number, offsetMs: number): string {
  const wall = new Date(ms + offsetMs).toISOString().slice(0, 19);
  let suffix = offsetSuffixes.get(offsetMs);
  if (suffix === undefined) {
    const offsetMinutes = Math.round(offsetMs / MINUTE_MS);
    const abs = Math.abs(offsetMinutes);
    suffix = `${offsetMinutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
    if (offsetSuffixes.size < 1_000) offsetSuffixes.set(offsetMs, suffix);
  }
  return wall + suffix;
}

/** Whether the runtime knows this IANA zone name (fixed offsets such as "+05:30" are refused). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    assertValidTimeZone(timeZone);
    return true;
  } catch {
    return false;
  }
}
