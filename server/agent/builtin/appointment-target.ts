/**
 * Which of the caller's appointments a move or cancellation is about. The list comes from
 * find_my_appointments (the caller's own, by phone number); the caller picks by day, time,
 * service or position, or it is the only one, or the one just booked ("actually, cancel that").
 * Also the business's policy, checked before asking anything else so the caller hears it first.
 */
import type { AppointmentJson } from "../tools/tool-kit";
import { resetFlow } from "./dialogue-state";
import { clock } from "./merge-when";
import type { Reading } from "./read-utterance";
import { slotLabel, serviceNoun } from "./speak-time";
import type { Turn } from "./turn";

export function appointmentLabel(t: Turn, a: Pick<AppointmentJson, "date" | "time"> & { service: { name: string } }): string {
  const slot = slotLabel(a.date, a.time, t.ctx.today.date, t.lang);
  const on = t.lang === "en" && !/^(?:today|tomorrow)\b/.test(slot) ? "on " : "";
  return `${serviceNoun(a.service.name, t.lang)} ${on}${slot}`;
}

/** The appointment the words point at, if exactly one. */
export function matchAppointment(r: Pick<Reading, "when" | "serviceId" | "ordinal">, list: readonly AppointmentJson[]): AppointmentJson | undefined {
  let hits = [...list];
  if (r.when?.date) hits = hits.filter((a) => a.date === r.when!.date);
  if (r.when?.time) hits = hits.filter((a) => a.time === clock(r.when!.time!));
  if (r.serviceId) hits = hits.filter((a) => a.service.id === r.serviceId);
  if (hits.length === 1 && hits.length < list.length) return hits[0];
  if (r.ordinal !== undefined) return r.ordinal < 0 ? list[list.length - 1] : list[r.ordinal];
  return undefined;
}

/**
 * Finds the appointment to act on, asking when it is unclear. Returns it, or undefined after
 * having said why not (none on file) or asked which one.
 */
export async function findTarget(t: Turn, { preferId, words = true }: { preferId?: string; words?: boolean }): Promise<AppointmentJson | undefined> {
  const { d } = t;
  const result = await t.tools.findMyAppointments();
  if (!result.ok) {
    t.say(t.replies.couldNotBook);
    resetFlow(d, null);
    t.ask(t.replies.offerMessage);
    d.awaiting = "offer_message";
    return undefined;
  }
  const list = result.appointments;
  if (list.length === 0) {
    t.say(t.replies.noAppointments);
    resetFlow(d, null);
    t.ask(t.replies.offerBooking);
    d.awaiting = "offer_booking";
    return undefined;
  }
  const preferred = preferId ? list.find((a) => a.appointmentId === preferId) : undefined;
  const chosen = preferred ?? (words ? matchAppointment(t.r, list) : undefined) ?? (list.length === 1 ? list[0] : undefined);
  if (chosen) return chosen;
  d.targetOptions = list.map((a) => a.appointmentId);
  t.ask(t.replies.whichAppointment(list.map((a) => appointmentLabel(t, a))));
  d.awaiting = "which_appointment";
  return undefined;
}

/** The caller's answer to "which appointment?". */
export async function answerWhichAppointment(t: Turn): Promise<AppointmentJson | undefined> {
  const result = await t.tools.findMyAppointments();
  const list = result.ok ? result.appointments.filter((a) => t.d.targetOptions?.includes(a.appointmentId)) : [];
  const chosen = matchAppointment(t.r, list);
  if (chosen) return chosen;
  t.say(t.replies.didntCatch);
  t.ask(t.replies.whichAppointment(list.map((a) => appointmentLabel(t, a))));
  return undefined;
}

/** The business lets callers make this change, this close to the appointment? Says why not. */
export function callerMayChange(t: Turn, kind: "move" | "cancel", a: AppointmentJson): boolean {
  const policy = t.ctx.policy;
  const allowed = kind === "move" ? policy.callersMayReschedule : policy.callersMayCancel;
  const startsIn = Date.parse(a.startsAt) - t.now.getTime();
  if (allowed && startsIn >= policy.cancellationWindowHours * 3_600_000) return true;
  t.say(allowed ? t.replies.cannotChangeSoon(kind, policy.cancellationWindowHours) : t.replies.cannotChangeByPhone(kind));
  resetFlow(t.d, null);
  t.ask(t.replies.offerMessage);
  t.d.awaiting = "offer_message";
  return false;
}
