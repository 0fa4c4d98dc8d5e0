/**
 * Booking: service → when → a free slot → the caller's name if new → read-back → yes → book.
 * One question per turn; corrections and changes of mind at any step. "Booked" is said only from
 * a successful book_appointment result, and only a slot id from check_availability is booked.
 * A full day offers the waitlist.
 */
import { resetFlow } from "./dialogue-state";
import { hasWhen } from "./merge-when";
import { nameAnswer, pickByDistinctWords } from "./read-utterance";
import { answerDateChoice, answerSlotChoice, applyReading, askDateChoiceIfNeeded, type FlowSteps, notePast, sayStrayNameOrDidntCatch } from "./slot-choice";
import { offerLabel, offerOf, offersQuestion, searchSlots } from "./slot-search";
import { dayLabel, serviceName, serviceNoun, slotLabel } from "./speak-time";
import { knownName, serviceById, type Turn } from "./turn";

const steps: FlowSteps = { advance: advanceBooking, onChosen: chosenForBooking };

export async function startBooking(t: Turn): Promise<void> {
  resetFlow(t.d, "booking");
  if (applyReading(t).past) notePast(t);
  return advanceBooking(t);
}

export async function continueBooking(t: Turn): Promise<void> {
  const { d, r } = t;
  switch (d.awaiting) {
    case "name":
      return answerName(t);
    case "confirm_booking":
      return answerConfirm(t);
    case "waitlist_offer":
      return answerWaitlistOffer(t);
    case "slot_choice":
      return answerSlotChoice(t, steps);
    case "date_choice":
      return answerDateChoice(t, steps);
  }
  // "Would you like one of those?" "No, thanks.": nothing to book.
  if (d.awaiting === "service" && r.no && !r.serviceId && !r.serviceOptions && !r.when) {
    resetFlow(d, null);
    t.say(t.replies.noProblem);
    t.ask(t.replies.anythingElse);
    d.awaiting = "anything_else";
    return;
  }
  // Open questions about service or day: take whatever the caller gave.
  let picked = false;
  if (d.awaiting === "service" && !r.serviceId && r.ordinal !== undefined) {
    // "The first one", after hearing the list of services.
    const service = t.ctx.services.at(r.ordinal);
    if (service) {
      d.serviceId = service.id;
      picked = true;
    }
  }
  if (d.awaiting === "service_choice") {
    const options = (d.serviceOptions ?? []).map((id) => serviceById(t, id)!).filter(Boolean);
    const id =
      (r.serviceId && options.some((o) => o.id === r.serviceId) ? r.serviceId : undefined) ??
      pickByDistinctWords(r.normalized, options) ??
      (r.ordinal !== undefined ? options.at(r.ordinal)?.id : undefined);
    if (id) {
      d.serviceId = id;
      delete d.serviceOptions;
      picked = true;
    }
  }
  const { changed, past } = applyReading(t, { service: !picked });
  if (past) notePast(t);
  // Unknown service words get their own answer below; anything else unclear gets a "sorry?".
  else if (!changed && !picked) sayStrayNameOrDidntCatch(t, { quiet: r.unknownServiceWords.length > 0 && !d.serviceId });
  return advanceBooking(t);
}

export async function advanceBooking(t: Turn): Promise<void> {
  const { d, ctx, r } = t;
  if (!d.serviceId && ctx.services.length === 1) d.serviceId = ctx.services[0]!.id;
  if (!d.serviceId) {
    const names = ctx.services.map((s) => serviceName(s.name, t.lang));
    if (d.serviceOptions) {
      t.ask(t.replies.askServiceChoice(d.serviceOptions.map((id) => serviceNoun(serviceById(t, id)!.name, t.lang))));
      d.awaiting = "service_choice";
    } else {
      t.ask(r.unknownServiceWords.length > 0 ? t.replies.unknownService(names) : t.replies.askService(names));
      d.awaiting = "service";
    }
    return;
  }
  if (askDateChoiceIfNeeded(t)) return;
  // "Do you have any openings for a men's haircut?" with no day: the earliest ones answer it.
  if (!hasWhen(d.when) && r.intent === "availability") d.when = { earliest: true };
  if (!hasWhen(d.when)) {
    t.ask(t.replies.askWhen(serviceName(serviceById(t, d.serviceId)!.name, t.lang)));
    d.awaiting = "when";
    return;
  }
  if (!d.chosen && !(await searchSlots(t, { allowWaitlist: true }))) return;
  return chosenForBooking(t);
}

async function chosenForBooking(t: Turn): Promise<void> {
  if (!knownName(t)) {
    t.d.afterName = "confirm_booking";
    t.ask(t.replies.askName);
    t.d.awaiting = "name";
    return;
  }
  readBack(t);
}

function readBack(t: Turn): void {
  const { d } = t;
  const service = serviceById(t, d.serviceId)!;
  const staff = d.staffId ? t.ctx.staff.find((s) => s.id === d.staffId)?.name.split(" ")[0] : undefined;
  t.ask(t.replies.readBack(serviceNoun(service.name, t.lang), offerLabel(t, d.chosen!), staff));
  d.awaiting = "confirm_booking";
}

async function answerName(t: Turn): Promise<void> {
  const { d, r } = t;
  const name = nameAnswer(r.text, r);
  if (!name) {
    const { changed, past } = applyReading(t);
    if (past) notePast(t);
    if (changed || past) return advanceBooking(t);
    t.ask(t.replies.askNameAgain);
    return;
  }
  d.callerName = name;
  if (d.afterName === "join_waitlist") return joinWaitlist(t);
  if (!d.chosen) return advanceBooking(t);
  readBack(t);
}

async function answerConfirm(t: Turn): Promise<void> {
  const { d, r } = t;
  const chosen = d.chosen!;
  const sameAsChosen = r.when && (!r.when.date || r.when.date === chosen.date) && (!r.when.time || toClock(r.when.time) === chosen.time);
  const changes = r.correction || (r.when && !sameAsChosen) || (r.serviceId && r.serviceId !== d.serviceId) || (r.staffId && r.staffId !== d.staffId);
  if (changes) {
    if (applyReading(t).past) notePast(t);
    return advanceBooking(t);
  }
  if (r.yes && !r.no) {
    // A yes to a read-back the caller did not hear in full (barge-in) is not a yes to it.
    if (!t.heardLastReply) return readBack(t);
    return book(t);
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
  readBack(t);
}

async function book(t: Turn): Promise<void> {
  const { d } = t;
  const name = knownName(t);
  const result = await t.tools.bookAppointment({ slotId: d.chosen!.slotId, ...(name ? { customerName: name } : {}) });
  if (result.ok) {
    const a = result.appointment;
    const service = serviceNoun(a.service.name, t.lang);
    t.say(t.replies.booked(service, slotLabel(a.date, a.time, t.ctx.today.date, t.lang), a.staff.name.split(" ")[0]!));
    resetFlow(d, null);
    d.lastBookedId = a.appointmentId;
    d.callerName = result.customerName;
    t.ask(t.replies.anythingElse);
    d.awaiting = "anything_else";
    return;
  }
  if (result.error === "NAME_REQUIRED") {
    d.afterName = "confirm_booking";
    t.ask(t.replies.askName);
    d.awaiting = "name";
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
  t.say(t.replies.couldNotBook);
  resetFlow(d, null);
  t.ask(t.replies.offerMessage);
  d.awaiting = "offer_message";
}

async function answerWaitlistOffer(t: Turn): Promise<void> {
  const { d, r } = t;
  if ((r.yes || r.waitlist) && !r.no) {
    if (!knownName(t)) {
      d.afterName = "join_waitlist";
      t.ask(t.replies.askName);
      d.awaiting = "name";
      return;
    }
    return joinWaitlist(t);
  }
  const { changed, past } = applyReading(t);
  if (past) notePast(t);
  if (changed || past) return advanceBooking(t);
  if (r.no) {
    const next = d.offers[0];
    if (next) {
      t.ask(t.replies.nextOpening(offerLabel(t, next)));
      d.awaiting = "slot_choice";
    } else {
      t.ask(t.replies.askOtherDay);
      d.awaiting = "when";
    }
    return;
  }
  t.say(t.replies.didntCatch);
  if (d.lastQuestion) t.ask(d.lastQuestion);
}

async function joinWaitlist(t: Turn): Promise<void> {
  const { d } = t;
  const date = d.waitlistDate!;
  const name = knownName(t);
  const result = await t.tools.joinWaitlist({
    service: d.serviceId!, date, ...(d.staffId ? { staff: d.staffId } : {}), ...(name ? { customerName: name } : {}),
  });
  const service = serviceNoun(serviceById(t, d.serviceId)!.name, t.lang);
  resetFlow(d, null);
  if (result.ok) t.say(t.replies.joinedWaitlist(service, dayLabel(date, t.ctx.today.date, t.lang)));
  else t.say(t.replies.couldNotBook);
  t.ask(t.replies.anythingElse);
  d.awaiting = "anything_else";
}

function toClock(time: { hour: number; minute: number }): string {
  return `${String(time.hour).padStart(2, "0")}:${String(time.minute).padStart(2, "0")}`;
}
