// Domain results as the public API shows them: instants as ISO strings in UTC plus the local
// wall-clock time, and only the fields the API documents (schemas.ts).
import type { AvailableSlot } from "../../scheduling/find-available-slots";
import type { AppointmentView } from "../../scheduling/appointment-view";
import { formatLocal, localFormatter } from "./local-time";
import type { BookingResource, SlotResource } from "./schemas";

/** Slots as the API shows them, sorted or not; the zone's offset changes are looked up once. */
export function toSlotResources(slots: readonly AvailableSlot[], timeZone: string): SlotResource[] {
  if (slots.length === 0) return [];
  const starts = slots.map((s) => s.startsAt.getTime());
  const local = localFormatter(timeZone, Math.min(...starts), Math.max(...starts));
  return slots.map((slot, i) => ({
    slotId: slot.slotId,
    startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(),
    startLocal: local(starts[i]!),
    staffIds: slot.staffIds,
  }));
}

export function toBookingResource(a: AppointmentView, timeZone: string): BookingResource {
  return {
    id: a.id,
    status: a.status,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    startLocal: formatLocal(a.startsAt.getTime(), timeZone),
    timezone: timeZone,
    service: { id: a.service.id, name: a.service.name, durationMinutes: a.service.durationMinutes, priceCents: a.service.priceCents },
    staff: { id: a.staff.id, name: a.staff.name },
    customer: { id: a.customer.id, name: a.customer.name, phone: a.customer.phone, email: a.customer.email },
    notes: a.notes,
    rescheduledFromId: a.rescheduledFromId,
    createdAt: a.createdAt.toISOString(),
  };
}
