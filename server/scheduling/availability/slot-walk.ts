// Turns one staff member's open time minus busy time into slot starts: free ranges are walked by
// the slot interval, each start aligned to round minutes on the LOCAL clock, kept while
// start + duration fits. The inner loop touches only numbers: no Date, no objects.
import { DAY_MS } from "./local-calendar";
import type { OffsetTimeline } from "./offset-timeline";

/**
 * Slot starts sit on local-clock multiples of this many minutes (counted from local midnight).
 * Intervals that are multiples of 15 align to quarter hours, so an hourly service still offers
 * 09:30 when the business opens at 09:30 and 10:15 after a meeting ending at 10:07. Other
 * intervals align to their largest divisor of the hour (20 → :00/:20/:40, 50 → 10-minute marks).
 */
export function alignmentMinutesFor(intervalMinutes: number): number {
  const divisorOfHour = greatestCommonDivisor(intervalMinutes, 60);
  return divisorOfHour % 15 === 0 ? 15 : divisorOfHour;
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

export interface SlotWalk {
  readonly timeline: OffsetTimeline;
  readonly durationMs: number;
  readonly stepMs: number;
  readonly alignMs: number;
  readonly earliestStartMs: number;
  /** Exclusive. */
  readonly latestStartMs: number;
  /** Local days (index = day number − firstDayNumber) on which this staff member takes no more bookings. */
  readonly fullDays: Uint8Array | null;
  readonly firstDayNumber: number;
}

/**
 * Appends to `out` the slot starts of one staff member, increasing. `open` holds sorted disjoint
 * [start, end, …] pairs (openPairs of them); `busy` likewise (busyPairs).
 */
export function walkStaffSlots(
  open: readonly number[],
  busy: Float64Array,
  busyPairs: number,
  walk: SlotWalk,
  out: number[],
): void {
  const openPairs = open.length / 2;
  let busyIndex = 0;
  for (let o = 0; o < openPairs; o++) {
    let freeStart = open[2 * o]!;
    const openEnd = open[2 * o + 1]!;
    // Busy time ending before this open range can never matter again: both lists are sorted.
    while (busyIndex < busyPairs && busy[2 * busyIndex + 1]! <= freeStart) busyIndex++;
    let scan = busyIndex;
    while (freeStart < openEnd) {
      const busyStart = scan < busyPairs ? busy[2 * scan]! : Infinity;
      const freeEnd = Math.min(openEnd, busyStart);
      if (freeStart < freeEnd) walkFreeRange(freeStart, freeEnd, walk, out);
      if (busyStart >= openEnd) break;
      freeStart = busy[2 * scan + 1]!;
      scan++;
    }
  }
}

function walkFreeRange(freeStart: number, freeEnd: number, walk: SlotWalk, out: number[]): void {
  const { starts, offsetsMs } = walk.timeline;
  const lastSegment = starts.length - 1;
  const { durationMs, stepMs, alignMs, latestStartMs, fullDays, firstDayNumber } = walk;
  let segment = 0;
  let start = Math.max(freeStart, walk.earliestStartMs);
  for (;;) {
    while (segment < lastSegment && starts[segment + 1]! <= start) segment++;
    const offset = offsetsMs[segment]!;
    const remainder = (((start + offset) % alignMs) + alignMs) % alignMs;
    if (remainder !== 0) {
      const aligned = start + alignMs - remainder;
      // The offset changes before the next round minute (e.g. a 30-minute shift): align again on
      // the new local clock from the moment of the change.
      if (segment < lastSegment && aligned >= starts[segment + 1]!) {
        start = starts[segment + 1]!;
        continue;
      }
      start = aligned;
    }
    if (start >= latestStartMs || start + durationMs > freeEnd) return;
    if (!fullDays || fullDays[Math.floor((start + offset) / DAY_MS) - firstDayNumber] !== 1) out.push(start);
    start += stepMs;
  }
}
