/**
 * Cancelling: which appointment → policy → read it back → yes → cancel_appointment. "No" keeps it;
 * "actually, move it instead" hands the same appointment to the reschedule flow (the engine's
 * switch does that). "Cancelled" is said only from the tool's success.
 */
import type { AppointmentJson } from "../tools/tool-kit";
import { answerWhichAppointment, callerMayChange, findTarget } from "./appointment-target";
import { resetFlow } from "./dialogue-state";
import { serviceName, slotLabel } from "./speak-time";
import type { Turn } from "./turn";

export async function startCancel(t: Turn, { targetId }: { targetId?: string } = {}): Promise<void> {
  resetFlow(t.d, "cancel");
  const target = await findTarget(t, { preferId: targetId });
  if (target) readBackCancel(t, target);
}

function readBackCancel(t: Turn, target: AppointmentJson): void {
  const { d } = t;
  if (!callerMayChange(t, "cancel", target)) return;
  d.targetId = target.appointmentId;
  delete d.targetOptions;
  t.ask(t.replies.readBackCancel(serviceName(target.service.name, t.lang), slotLabel(target.date, target.time, t.ctx.today.date, t.lang)));
  d.awaiting = "confirm_cancel";
}

export async function continueCancel(t: Turn): Promise<void> {
  const { d, r } = t;
  if (d.awaiting === "which_appointment") {
    const target = await answerWhichAppointment(t);
    if (target) readBackCancel(t, target);
    return;
  }
  if (r.yes && !r.no) {
    if (!t.heardLastReply) return repeatReadBack(t);
    return cancel(t);
  }
  if (r.no) {
    t.say(t.replies.keptAppointment);
    resetFlow(d, null);
    t.ask(t.replies.anythingElse);
    d.awaiting = "anything_else";
    return;
  }
  t.say(t.replies.didntCatch);
  return repeatReadBack(t);
}

async function repeatReadBack(t: Turn): Promise<void> {
  const target = t.ctx.upcoming.find((a) => a.appointmentId === t.d.targetId);
  if (!target) return startCancel(t);
  t.ask(t.replies.readBackCancel(serviceName(target.serviceName, t.lang), slotLabel(target.date, target.time, t.ctx.today.date, t.lang)));
}

async function cancel(t: Turn): Promise<void> {
  const { d } = t;
  const result = await t.tools.cancelAppointment({ appointmentId: d.targetId!, reason: "Cancelled by the caller" });
  resetFlow(d, null);
  if (result.ok) {
    const a = result.appointment;
    t.say(t.replies.cancelled(serviceName(a.service.name, t.lang), slotLabel(a.date, a.time, t.ctx.today.date, t.lang)));
    t.ask(t.replies.anythingElse);
    d.awaiting = "anything_else";
    return;
  }
  t.say(result.error === "FORBIDDEN" ? t.replies.cannotChangeSoon("cancel", t.ctx.policy.cancellationWindowHours) : t.replies.couldNotBook);
  t.ask(t.replies.offerMessage);
  d.awaiting = "offer_message";
}
