// A staff member's open hours over a run of local days, as instants: each day's wall-minute
// ranges converted once per range edge (never per slot), then sorted and merged so that hours
// touching across midnight or across a daylight-saving change form one range.
import { DAY_MS, MINUTE_MS } from "./local-calendar";
import type { OffsetTimeline } from "./offset-timeline";
import type { DayHours } from "./opening-hours";
import type { LocalDate, Weekday } from "./types";
import { appendInstantsOfWallRange } from "./wall-time-to-instants";

/** The local days a query spans, named once and shared by every staff member. */
export interface LocalDays {
  readonly firstDayNumber: number;
  readonly dates: readonly LocalDate[];
  readonly weekdays: readonly Weekday[];
}

/** Sorted, disjoint, non-touching [start, end, …] instant pairs. */
export function openTime(dayHours: DayHours, days: LocalDays, timeline: OffsetTimeline): number[] {
  const raw: number[] = [];
  for (let d = 0; d < days.dates.length; d++) {
    const wallMidnight = (days.firstDayNumber + d) * DAY_MS;
    for (const range of dayHours(days.dates[d]!, days.weekdays[d]!)) {
      appendInstantsOfWallRange(
        timeline,
        wallMidnight + range.startMinute * MINUTE_MS,
        wallMidnight + range.endMinute * MINUTE_MS,
        raw,
      );
    }
  }
  return mergePairs(raw);
}

function mergePairs(raw: number[]): number[] {
  let sorted = true;
  for (let i = 2; i < raw.length && sorted; i += 2) sorted = raw[i]! >= raw[i - 2]!;
  // Only a fall-back day interleaves the two occurrences of its repeated hour between ranges.
  const pairs = sorted ? raw : sortPairs(raw);
  const merged: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const start = pairs[i]!;
    const end = pairs[i + 1]!;
    const last = merged.length - 1;
    if (last > 0 && start <= merged[last]!) {
      if (end > merged[last]!) merged[last] = end;
    } else {
      merged.push(start, end);
    }
  }
  return merged;
}

function sortPairs(raw: number[]): number[] {
  const order = Array.from({ length: raw.length / 2 }, (_, i) => i).sort((a, b) => raw[2 * a]! - raw[2 * b]!);
  return order.flatMap((i) => [raw[2 * i]!, raw[2 * i + 1]!]);
}
