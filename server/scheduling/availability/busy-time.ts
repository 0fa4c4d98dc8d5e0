// Busy time per staff member, as the engine subtracts it from open hours.
// Every appointment occupies its span widened by its own buffers, and the database's exclusion
// constraint keeps those widened spans apart. So a new slot [s, e) with buffers (before, after)
// fits only if [s − before, e + after) misses each existing widened span: the existing
// appointment blocks bare starts in [its start − its before-buffer − THIS service's AFTER-buffer,
// its end + its after-buffer + THIS service's BEFORE-buffer). External calendar blocks are widened
// the same way by this service's buffers. Widening busy time like this is what lets the slot walk
// test only the bare appointment span against it.
//
// Starts and ends are kept in two separately sorted typed arrays: the union of intervals depends
// only on how many have started and how many have ended at each point, not on which start pairs
// with which end, so a native numeric sort of each array replaces sorting objects.
import { MINUTE_MS } from "./local-calendar";
import type { ExistingAppointment, ExternalBusyBlock, ServiceRules } from "./types";

export interface StaffBusyTime {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
}

type Buffers = Pick<ServiceRules, "bufferBeforeMinutes" | "bufferAfterMinutes">;

/**
 * Busy time for each staff member (indexed as in `staffIndexById`) that overlaps
 * [windowStartMs, windowEndMs); everything else is dropped before sorting.
 */
export function collectBusyTime(
  staffIndexById: ReadonlyMap<string, number>,
  appointments: readonly ExistingAppointment[],
  busyBlocks: readonly ExternalBusyBlock[],
  service: Buffers,
  windowStartMs: number,
  windowEndMs: number,
): StaffBusyTime[] {
  const staffCount = staffIndexById.size;
  const beforeMs = service.bufferBeforeMinutes * MINUTE_MS;
  const afterMs = service.bufferAfterMinutes * MINUTE_MS;
  // Two passes (count, then fill) so each staff member gets exactly-sized arrays.
  const staffOfAppointment = new Int32Array(appointments.length);
  const staffOfBlock = new Int32Array(busyBlocks.length);
  const counts = new Int32Array(staffCount);
  for (let i = 0; i < appointments.length; i++) {
    const appointment = appointments[i]!;
    const staffIndex = staffIndexById.get(appointment.staffId) ?? -1;
    const start = appointment.startMs - appointment.bufferBeforeMinutes * MINUTE_MS - afterMs;
    const end = appointment.endMs + appointment.bufferAfterMinutes * MINUTE_MS + beforeMs;
    const relevant = staffIndex >= 0 && start < windowEndMs && end > windowStartMs && start < end;
    staffOfAppointment[i] = relevant ? staffIndex : -1;
    if (relevant) counts[staffIndex]!++;
  }
  for (let i = 0; i < busyBlocks.length; i++) {
    const block = busyBlocks[i]!;
    const staffIndex = staffIndexById.get(block.staffId) ?? -1;
    const start = block.startMs - afterMs;
    const end = block.endMs + beforeMs;
    const relevant = staffIndex >= 0 && start < windowEndMs && end > windowStartMs && start < end;
    staffOfBlock[i] = relevant ? staffIndex : -1;
    if (relevant) counts[staffIndex]!++;
  }

  const busy: StaffBusyTime[] = [];
  for (let s = 0; s < staffCount; s++) {
    busy.push({ starts: new Float64Array(counts[s]!), ends: new Float64Array(counts[s]!) });
  }
  const filled = new Int32Array(staffCount);
  for (let i = 0; i < appointments.length; i++) {
    const staffIndex = staffOfAppointment[i]!;
    if (staffIndex < 0) continue;
    const appointment = appointments[i]!;
    const at = filled[staffIndex]!++;
    busy[staffIndex]!.starts[at] = appointment.startMs - appointment.bufferBeforeMinutes * MINUTE_MS - afterMs;
    busy[staffIndex]!.ends[at] = appointment.endMs + appointment.bufferAfterMinutes * MINUTE_MS + beforeMs;
  }
  for (let i = 0; i < busyBlocks.length; i++) {
    const staffIndex = staffOfBlock[i]!;
    if (staffIndex < 0) continue;
    const block = busyBlocks[i]!;
    const at = filled[staffIndex]!++;
    busy[staffIndex]!.starts[at] = block.startMs - afterMs;
    busy[staffIndex]!.ends[at] = block.endMs + beforeMs;
  }
  for (const { starts, ends } of busy) {
    starts.sort();
    ends.sort();
  }
  return busy;
}

/**
 * Writes the union of one staff member's busy time into `out` as disjoint, sorted
 * [start, end, …] pairs and returns the number of pairs. Touching intervals merge, because a
 * start at the same instant as an end is counted first.
 */
export function unionBusyTime(busy: StaffBusyTime, out: Float64Array): number {
  const { starts, ends } = busy;
  const count = starts.length;
  let pairs = 0;
  let startIndex = 0;
  let endIndex = 0;
  while (startIndex < count) {
    const unionStart = starts[startIndex]!;
    let depth = 0;
    do {
      if (startIndex < count && starts[startIndex]! <= ends[endIndex]!) {
        depth++;
        startIndex++;
      } else {
        depth--;
        endIndex++;
      }
    } while (depth > 0);
    out[2 * pairs] = unionStart;
    out[2 * pairs + 1] = ends[endIndex - 1]!;
    pairs++;
  }
  return pairs;
}
