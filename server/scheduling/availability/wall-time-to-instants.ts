// The daylight-saving rule of the slot engine: how local wall-clock opening hours become instants.
//
// Rule: an opening range [start, end) on a local date covers exactly the instants whose local
// wall-clock reading on that date lies in [start, end). Consequences, by design:
// - Spring forward: wall times in the gap do not exist, so no instant maps to them and no slot can
//   start there. A range crossing the gap (01:00–04:00 in New York) is shortened by the gap to two
//   real hours, not shifted; a range edge inside the gap lands on the moment of the change
//   (02:30–05:00 opens at 03:00 EDT).
// - Fall back: the repeated hour happens twice, and both occurrences are open if the wall time is
//   inside hours. 00:00–03:00 is four real hours; 01:30 EDT and 01:30 EST are two distinct slots.
//   We never offer an instant whose wall clock reads outside the stated hours: with 01:30–05:00,
//   01:00–01:30 EST is closed although 01:30–02:00 EDT was open just before.
// - Ordinary days (09:00–17:00 far from the change) are unaffected: the day is simply shorter or
//   longer only when the hours include the change.
// @date-fns/tz's TZDate constructor resolves a gap time by shifting it forward (02:30 → 03:30 EDT),
// which would move range edges and open wall times outside the rule, hence this explicit mapping.
import type { OffsetTimeline } from "./offset-timeline";

/**
 * Appends to `out`, as flat [start, end, start, end, …] pairs, the instants whose wall-clock time
 * lies in [wallStartMs, wallEndMs) (wall milliseconds: instant + offset). Pairs come out in
 * increasing order; with a fall-back inside the range there can be two of them.
 */
export function appendInstantsOfWallRange(
  timeline: OffsetTimeline,
  wallStartMs: number,
  wallEndMs: number,
  out: number[],
): void {
  const { starts, offsetsMs } = timeline;
  const last = starts.length - 1;
  if (last === 0) {
    // No offset change anywhere near: the common case, one subtraction per edge.
    const offset = offsetsMs[0]!;
    out.push(wallStartMs - offset, wallEndMs - offset);
    return;
  }
  for (let index = 0; index <= last; index++) {
    const offset = offsetsMs[index]!;
    const low = Math.max(starts[index]!, wallStartMs - offset);
    const high = Math.min(index < last ? starts[index + 1]! : Infinity, wallEndMs - offset);
    if (low < high) out.push(low, high);
  }
}

/**
 * The first instant whose wall clock reads `wallMs` or later; for a time inside a spring-forward
 * gap that is the moment of the change, for a repeated time its first occurrence.
 */
export function firstInstantAtOrAfterWall(timeline: OffsetTimeline, wallMs: number): number {
  const { starts, offsetsMs } = timeline;
  const last = starts.length - 1;
  let best = Infinity;
  for (let index = 0; index <= last; index++) {
    const candidate = Math.max(starts[index]!, wallMs - offsetsMs[index]!);
    const segmentEnd = index < last ? starts[index + 1]! : Infinity;
    if (candidate < segmentEnd && candidate < best) best = candidate;
  }
  return best;
}
