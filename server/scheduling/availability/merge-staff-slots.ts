// Combines staff members' slot starts into the answer: one slot per distinct start instant,
// listing everyone free for it ("anyone" is the union), in staff order. A k-way merge over
// already-sorted lists: with a handful of staff, scanning every head per step beats a heap.
import type { BookableSlot } from "./types";

export function mergeStaffSlots(
  staffIds: readonly string[],
  startsByStaff: readonly (readonly number[])[],
  durationMs: number,
): BookableSlot[] {
  const slots: BookableSlot[] = [];
  const heads = new Int32Array(startsByStaff.length);
  for (;;) {
    let earliest = Infinity;
    for (let s = 0; s < startsByStaff.length; s++) {
      const start = startsByStaff[s]![heads[s]!];
      if (start !== undefined && start < earliest) earliest = start;
    }
    if (earliest === Infinity) return slots;
    const free: string[] = [];
    for (let s = 0; s < startsByStaff.length; s++) {
      if (startsByStaff[s]![heads[s]!] === earliest) {
        free.push(staffIds[s]!);
        heads[s]!++;
      }
    }
    slots.push({ startMs: earliest, endMs: earliest + durationMs, staffIds: free });
  }
}
