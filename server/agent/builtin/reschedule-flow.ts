/**
 * Moving an appointment: which one (find_my_appointments) → policy → new time (same search as
 * booking, for the appointment's service) → read back old and new → yes → reschedule_appointment.
 * "Moved" is said only from the tool's success; a refusal (too close, taken) is put into words.
 */
import type { AppointmentJson } from "../tools/tool-kit";
import { answerWhichAppointment, callerMayChange, findTarget } from "./appointment-target";
import { resetFlow } from "./dialogue-state";
import { hasWhen } from "./merge-when";
import { answerDateChoice, answerSlotChoice, applyReading, askDateChoiceIfNeeded, type FlowSteps, notePast } from "./slot-choice";
import { offerLabel, offerOf, offersQuestion, searchSlots } from "./slot-search";
import { serviceName, slotLabel } from "./speak-time";
import type { Turn } from "./turn";

const steps: FlowSteps = { advance: advanceReschedule, onChosen: readBackMove };
const SAME_TIME = /\b(?:same time|a la misma hora|misma hora)\b/;
const SAME_DAY = /\b(?:same day|el mismo dia|mismo dia)\b/;

export async function startReschedule(t: Turn, { targetId }: { targetId?: string } = {}): Promise<void> {
  resetFlow(t.d, "reschedule");
  const target = await findTarget(t, { preferId: targetId });
  if (!target) return;
  return withTarget(t, target);
}

async function withTarget(t: Turn, target: AppointmentJson): Promise<void> {
  const { d } = t;
  if (!callerMayChange(t, "move", target)) return;
  d.targetId = target.appointmentId;
  d.serviceId = target.service.id;
  delete d.targetOptions;
  // "Move my Friday appointment to Saturday at 11": the day that picked the appointment is not the new time.
  const when = t.r.when;
  const namesTarget = when?.date === target.date && (!when.time || `${String(when.time.hour).padStart(2, "0")}:${String(when.time.minute).padStart(2, "0")}` === target.time);
  if (when && !namesTarget) {
    if (applyReading(t, { service: false }).past) notePast(t);
  }
  // "Saturday instead, same time": the appointment's own time (or day) fills the gap.
  if (d.when.date && !d.when.time && SAME_TIME.test(t.r.normalized)) d.when.time = target.time;
  if (d.when.time && !d.when.date && SAME_DAY.test(t.r.normalized)) d.when.date = target.date;
  if (!hasWhen(d.when)) {
    t.ask(t.replies.askNewTime(serviceName(target.service.name, t.lang), slotLabel(target.date, target.time, t.ctx.today.date, t.lang)));
    d.awaiting = "when";
    return;
  }
  return advanceReschedule(t);
}

export async function continueReschedule(t: Turn): Promise<void> {
  const { d } = t;
  switch (d.awaiting) {
    case "which_appointment": {
      const target = await answerWhichAppointment(t);
      return target ? withTarget(t, target) : undefined;
    }
    case "confirm_reschedule":
      return answerConfirmMove(t);
    case "slot_choice":
      return answerSlotChoice(t, steps);
    case "date_choice":
      return answerDateChoice(t, steps);
  }
  const { changed, past } = applyReading(t, { service: false });
  if (past) notePast(t);
  else if (!changed) t.say(t.replies.didntCatch);
  return advanceReschedule(t);
}

async function advanceReschedule(t: Turn): Promise<void> {
  const { d } = t;
  const target = currentTarget(t);
  if (!target) return startReschedule(t);
  if (askDateChoiceIfNeeded(t)) return;
  if (!hasWhen(d.when)) {
    t.ask(t.replies.askOtherTime);
    d.awaiting = "when";
    return;
  }
  if (!d.chosen && !(await searchSlots(t, { allowWaitlist: false }))) return;
  return readBackMove(t);
}

function currentTarget(t: Turn) {
  return t.ctx.upcoming.find((a) => a.appointmentId === t.d.targetId);
}

async function readBackMove(t: Turn): Promise<void> {
  const target = currentTarget(t);
  if (!target) return startReschedule(t);
  const from = slotLabel(target.date, target.time, t.ctx.today.date, t.lang);
  t.ask(t.replies.readBackMove(serviceName(target.serviceName, t.lang), from, offerLabel(t, t.d.chosen!)));
  t.d.awaiting = "confirm_reschedule";
}

async function answerConfirmMove(t: Turn): Promise<void> {
  const { d, r } = t;
  if (r.correction || (r.when && !r.yes)) {
    const { past } = applyReading(t, { service: false });
    if (past) notePast(t);
    return advanceReschedule(t);
  }
  if (r.yes && !r.no) {
    if (!t.heardLastReply) return readBackMove(t);
    return move(t);
  }
  if (r.no) {
    d.when = {};
    delete d.chosen;
    t.say(t.replies.noProblem);
    t.ask(t.replies.askOtherTime);
    d.awaiting = "when";
    return;
  }
  t.say(t.replies.didntCatch);
  return readBackMove(t);
}

async function move(t: Turn): Promise<void> {
  const { d } = t;
  const result = await t.tools.rescheduleAppointment({ appointmentId: d.targetId!, slotId: d.chosen!.slotId });
  if (result.ok) {
    const a = result.appointment;
    t.say(t.replies.moved(serviceName(a.service.name, t.lang), slotLabel(a.date, a.time, t.ctx.today.date, t.lang), a.staff.name.split(" ")[0]!));
    resetFlow(d, null);
    t.ask(t.replies.anythingElse);
    d.awaiting = "anything_else";
    return;
  }
  const alternatives = (result.alternatives as Parameters<typeof offerOf>[0][] | undefined) ?? [];
  if ((result.error === "SLOT_TAKEN" || result.error === "OUTSIDE_HOURS") && alternatives.length > 0) {
    t.say(t.replies.slotTaken);
    d.offers = alternatives.slice(0, 2).map(offerOf);
    delete d.chosen;
    t.ask(offersQuestion(t, d.offers));
    d.awaiting = "slot_choice";
    return;
  }
  if (result.error === "FORBIDDEN") {
    t.say(t.replies.cannotChangeSoon("move", t.ctx.policy.cancellationWindowHours));
  } else {
    t.say(t.replies.couldNotBook);
  }
  resetFlow(d, null);
  t.ask(t.replies.offerMessage);
  d.awaiting = "offer_message";
}
