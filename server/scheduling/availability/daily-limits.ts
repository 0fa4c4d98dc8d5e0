// The per-day booking limit (ServiceRules.maxPerDay): local days on which a staff member already
// holds that many active appointments of the requested service take no further bookings of it.
// Only the same service counts, because the limit exists to cap one kind of work (say, two
// colour treatments a day), not the person's whole day, which their hours already bound.
import { localDayNumberAt } from "./local-calendar";
import type { OffsetTimeline } from "./offset-timeline";
import type { ExistingAppointment } from "./types";

/**
 * For each staff member (indexed as in `staffIndexById`), a flag per local day from
 * firstDayNumber to lastDayNumber: 1 when the day is full. Days are those of appointment starts.
 */
export function findFullDays(
  staffIndexById: ReadonlyMap<string, number>,
  appointments: readonly ExistingAppointment[],
  serviceId: string,
  maxPerDay: number,
  timeline: OffsetTimeline,
  { firstDayNumber, lastDayNumber }: { firstDayNumber: number; lastDayNumber: number },
): Uint8Array[] {
  const dayCount = lastDayNumber - firstDayNumber + 1;
  const counts: Uint16Array[] = [];
  for (let s = 0; s < staffIndexById.size; s++) counts.push(new Uint16Array(dayCount));
  for (const appointment of appointments) {
    if (appointment.serviceId !== serviceId) continue;
    const staffIndex = staffIndexById.get(appointment.staffId);
    if (staffIndex === undefined) continue;
    const day = localDayNumberAt(timeline, appointment.startMs) - firstDayNumber;
    if (day >= 0 && day < dayCount) counts[staffIndex]![day]!++;
  }
  return counts.map((perDay) => Uint8Array.from(perDay, (count) => (count >= maxPerDay ? 1 : 0)));
}
