// Chooses ONE staff member for an "anyone" booking, fairly and deterministically, so that the
// phone agent, the web flow and the tests all agree on who gets the appointment.
//
// Strategy, among the slot's free staff:
// 1. fewest existing appointments (any service) on the slot's local day, spreading the day's load;
// 2. then least recently booked: the one whose latest `bookedAtMs` is oldest (someone never booked
//    counts as oldest), the round-robin rule that rotates work across the week;
// 3. then the smallest id by plain code-unit order (locale-independent, so stable everywhere).
import { assertValidTimeZone } from "./assert-time-zone";
import { DAY_MS, localDayNumberAt } from "./local-calendar";
import { buildOffsetTimeline } from "./offset-timeline";
import type { BookableSlot, ExistingAppointment } from "./types";

export interface FairPickInput {
  readonly slot: Pick<BookableSlot, "startMs" | "staffIds">;
  readonly timeZone: string;
  /** Active appointments of the candidates; at least those of the slot's local day. */
  readonly appointments: readonly ExistingAppointment[];
}

/** The chosen staff id, or null when the slot lists nobody. */
export function pickStaffFairly({ slot, timeZone, appointments }: FairPickInput): string | null {
  assertValidTimeZone(timeZone);
  if (slot.staffIds.length === 0) return null;
  const timeline = buildOffsetTimeline(timeZone, slot.startMs - 2 * DAY_MS, slot.startMs + 2 * DAY_MS);
  const slotDay = localDayNumberAt(timeline, slot.startMs);

  const dayCounts = new Map<string, number>(slot.staffIds.map((id) => [id, 0]));
  const lastBooked = new Map<string, number>(slot.staffIds.map((id) => [id, -Infinity]));
  for (const appointment of appointments) {
    const count = dayCounts.get(appointment.staffId);
    if (count === undefined) continue;
    if (localDayNumberAt(timeline, appointment.startMs) === slotDay) dayCounts.set(appointment.staffId, count + 1);
    const bookedAt = appointment.bookedAtMs;
    if (bookedAt !== undefined && bookedAt > lastBooked.get(appointment.staffId)!) {
      lastBooked.set(appointment.staffId, bookedAt);
    }
  }

  const fairer = (a: string, b: string): boolean => {
    const countA = dayCounts.get(a)!;
    const countB = dayCounts.get(b)!;
    if (countA !== countB) return countA < countB;
    const bookedA = lastBooked.get(a)!;
    const bookedB = lastBooked.get(b)!;
    if (bookedA !== bookedB) return bookedA < bookedB;
    return a < b;
  };
  let best = slot.staffIds[0]!;
  for (const candidate of slot.staffIds) if (fairer(candidate, best)) best = candidate;
  return best;
}
