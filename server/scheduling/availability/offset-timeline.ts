// Where a time zone's UTC offset changes over a span of instants, found once per query through
// @date-fns/tz. Between two changes the offset is constant, so converting local wall-clock times
// to instants is exact arithmetic there; the engine never asks the library per slot.
import { tzOffset } from "@date-fns/tz";

const MINUTE_MS = 60_000;
// Offsets are probed a day apart and each difference is then pinned down by bisection. Changes in
// the tz database are months (at least weeks) apart, so two changes that cancel out within one
// probe step, the only thing this would miss, do not occur.
const PROBE_STEP_MS = 86_400_000;

/**
 * Piecewise-constant UTC offset. Segment i covers instants [starts[i], starts[i + 1]); the first
 * segment reaches back to -∞ and the last forward to +∞, extrapolating beyond the scanned span,
 * so callers scan a little wider than they look.
 */
export interface OffsetTimeline {
  readonly starts: readonly number[];
  /** Local wall time minus UTC, in milliseconds (New York in winter: -18_000_000). */
  readonly offsetsMs: readonly number[];
}

export function offsetMsAt(timeZone: string, instantMs: number): number {
  // tzOffset answers in minutes, with historical second-level offsets as fractions.
  return Math.round(tzOffset(timeZone, new Date(instantMs)) * MINUTE_MS);
}

// Timelines are remembered per zone and whole UTC days, widened by a day each side: requests a
// few milliseconds apart (every availability read and booking builds several) then share one,
// instead of formatting dozens of dates through Intl each time. Answers inside [fromMs, toMs]
// are the same; outside it a wider scan only extrapolates less.
const MEMO_DAY_MS = 86_400_000;
const MEMO_MAX_ENTRIES = 256;
const memo = new Map<string, OffsetTimeline>();

export function buildOffsetTimeline(timeZone: string, fromMs: number, toMs: number): OffsetTimeline {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) return scanOffsetTimeline(timeZone, fromMs, toMs);
  const dayFrom = Math.floor(fromMs / MEMO_DAY_MS) * MEMO_DAY_MS - MEMO_DAY_MS;
  const dayTo = Math.ceil(toMs / MEMO_DAY_MS) * MEMO_DAY_MS + MEMO_DAY_MS;
  const key = `${timeZone}|${dayFrom}|${dayTo}`;
  let timeline = memo.get(key);
  if (!timeline) {
    timeline = scanOffsetTimeline(timeZone, dayFrom, dayTo);
    // Only known zones are remembered (an unknown one yields NaN offsets, and must not be kept).
    if (timeline.offsetsMs.every(Number.isFinite)) {
      if (memo.size >= MEMO_MAX_ENTRIES) memo.delete(memo.keys().next().value!);
      memo.set(key, timeline);
    }
  }
  return timeline;
}

function scanOffsetTimeline(timeZone: string, fromMs: number, toMs: number): OffsetTimeline {
  let previousMs = fromMs;
  let previousOffset = offsetMsAt(timeZone, fromMs);
  const starts = [-Infinity];
  const offsetsMs = [previousOffset];
  for (let probe = fromMs; probe < toMs; ) {
    probe = Math.min(probe + PROBE_STEP_MS, toMs);
    const probeOffset = offsetMsAt(timeZone, probe);
    // A loop rather than an if: two changes between probes are each recorded.
    while (probeOffset !== previousOffset) {
      const changeMs = firstInstantWithOtherOffset(timeZone, previousMs, probe, previousOffset);
      previousOffset = offsetMsAt(timeZone, changeMs);
      previousMs = changeMs;
      starts.push(changeMs);
      offsetsMs.push(previousOffset);
    }
    previousMs = probe;
  }
  return { starts, offsetsMs };
}

/** Index of the segment holding `instantMs`. Timelines hold a handful of segments, so a scan wins. */
export function segmentIndexAt(timeline: OffsetTimeline, instantMs: number): number {
  const { starts } = timeline;
  let index = starts.length - 1;
  while (index > 0 && starts[index]! > instantMs) index--;
  return index;
}

export function offsetAt(timeline: OffsetTimeline, instantMs: number): number {
  return timeline.offsetsMs[segmentIndexAt(timeline, instantMs)]!;
}

// Binary search to the millisecond: offset(lowMs) === lowOffset and offset(highMs) differs.
function firstInstantWithOtherOffset(
  timeZone: string,
  lowMs: number,
  highMs: number,
  lowOffset: number,
): number {
  let low = lowMs;
  let high = highMs;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetMsAt(timeZone, middle) === lowOffset) low = middle;
    else high = middle;
  }
  return high;
}
