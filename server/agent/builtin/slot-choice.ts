/**
 * Answers shared by booking and moving: what the caller said about when (new day, new time,
 * corrections, "next Friday" which needs a check), which offered time they picked, and "anything
 * earlier / later?". Each flow passes its own next step (`advance`) and what happens once a slot
 * is chosen (`onChosen`).
 */
import type { When } from "../understanding/parse-when";
import { chooseOffer } from "./choose-offer";
import { hasWhen, mergeWhen } from "./merge-when";
import { offerLabel } from "./slot-search";
import { dayLabel, timeLabel } from "./speak-time";
import { nameAnswer } from "./read-utterance";
import { knownName, type Turn } from "./turn";

export interface FlowSteps {
  advance(t: Turn): Promise<void>;
  onChosen(t: Turn): Promise<void>;
}

/** Folds the caller's words about when (and service, staff, name) into the dialogue. Returns what changed. */
export function applyReading(t: Turn, { service = true }: { service?: boolean } = {}): { changed: boolean; past: boolean } {
  const { d, r } = t;
  let changed = false;
  let past = false;
  const correction = r.correction;
  // A correction's own reading of the service, unless it fits two and the whole utterance settled
  // it ("actually make it a men's cut": "cut" fits both haircuts, "men's" picks one).
  const serviceId = correction?.service?.service.id ?? r.serviceId;
  const switchesToOptions = Boolean(correction?.serviceOptions) && !r.serviceOptions?.includes(d.serviceId ?? "");
  if (service && serviceId && serviceId !== d.serviceId) {
    d.serviceId = serviceId;
    delete d.serviceOptions;
    changed = true;
  } else if (service && r.serviceOptions && (!d.serviceId || (switchesToOptions && !serviceId))) {
    d.serviceOptions = r.serviceOptions;
    delete d.serviceId;
    changed = true;
  }
  const when: When | null | undefined = correction?.when ?? r.when;
  if (when) {
    if (when.past) past = true;
    else {
      // "11" said about a time on offer or read back keeps that day, not the week searched before.
      const day = d.chosen?.date ?? (d.offers.length > 0 && d.offers.every((o) => o.date === d.offers[0]!.date) ? d.offers[0]!.date : undefined);
      const timeOnly = !when.date && !when.range && !when.earliest && Boolean(when.time || when.after || when.before || when.partOfDay);
      if (day && timeOnly && (d.when.range || !d.when.date)) {
        delete d.when.range;
        d.when.date = day;
      }
      d.when = mergeWhen(d.when, when);
      if (when.weekdayMismatch && when.date && r.weekdayDate) d.when.dateOptions = [when.date, r.weekdayDate].sort();
    }
    changed = true;
  }
  const staffId = correction?.staff?.id ?? r.staffId;
  if (staffId && staffId !== d.staffId) {
    d.staffId = staffId;
    changed = true;
  }
  const name = correction?.name ?? r.name;
  if (name) d.callerName = name;
  if (changed) {
    delete d.chosen;
    d.offers = [];
  }
  return { changed, past };
}

/** Asks which of two readings of the day the caller meant, if there are two. Returns true if it asked. */
export function askDateChoiceIfNeeded(t: Turn): boolean {
  const options = t.d.when.dateOptions;
  if (!options || options.length < 2) return false;
  t.ask(t.replies.askDateChoice(options.map((date) => dayLabel(date, t.ctx.today.date, t.lang))));
  t.d.awaiting = "date_choice";
  return true;
}

export async function answerDateChoice(t: Turn, steps: FlowSteps): Promise<void> {
  const { d, r } = t;
  const options = d.when.dateOptions ?? [];
  let pick = r.when?.date && options.includes(r.when.date) ? r.when.date : undefined;
  if (!pick && r.ordinal !== undefined) pick = r.ordinal < 0 ? options[options.length - 1] : options[r.ordinal];
  if (!pick && /\b(?:this|este|esta)\b/.test(r.normalized)) pick = options[0];
  if (!pick && /\b(?:next week|following|la (?:semana )?(?:que viene|proxima|siguiente))\b/.test(r.normalized)) pick = options[options.length - 1];
  if (pick) {
    delete d.when.dateOptions;
    d.when.date = pick;
    const time = r.when?.time;
    if (time) d.when.time = `${String(time.hour).padStart(2, "0")}:${String(time.minute).padStart(2, "0")}`;
    return steps.advance(t);
  }
  if (r.when) {
    delete d.when.dateOptions;
    applyReading(t, { service: false });
    return steps.advance(t);
  }
  t.say(t.replies.didntCatch);
  askDateChoiceIfNeeded(t);
}

export async function answerSlotChoice(t: Turn, steps: FlowSteps): Promise<void> {
  const { d, r } = t;
  const choice = r.correction ? null : chooseOffer(r, d.offers);
  if (choice && "offer" in choice) {
    d.chosen = choice.offer;
    return steps.onChosen(t);
  }
  if (choice) {
    const oneDay = d.offers.every((o) => o.date === d.offers[0]?.date);
    const question = t.replies.whichSlot(d.offers.map((o) => (oneDay ? timeLabel(o.time, t.lang) : offerLabel(t, o))));
    // A second plain "yes" to "which one?": take the first; the read-back still asks before booking.
    if (r.yes && d.lastQuestion === question) {
      d.chosen = d.offers[0]!;
      return steps.onChosen(t);
    }
    t.ask(question);
    return;
  }
  if (r.shift === "earlier" || r.shift === "later") {
    const first = d.offers[0];
    const last = d.offers[d.offers.length - 1];
    if (first && last) {
      d.when = r.shift === "earlier" ? { date: first.date, before: first.time } : { date: last.date, after: plusMinute(last.time) };
      return steps.advance(t);
    }
  }
  const { changed, past } = applyReading(t);
  if (past) return sayPast(t);
  if (changed && hasWhen(d.when)) return steps.advance(t);
  if (r.no || r.shift === "other") {
    d.when = {};
    d.offers = [];
    t.ask(t.replies.askOtherTime);
    d.awaiting = "when";
    return;
  }
  sayStrayNameOrDidntCatch(t);
  if (d.lastQuestion) t.ask(d.lastQuestion);
}

/**
 * A name said where something else was asked ("it's Sam"): keep it, thank, and ask again;
 * otherwise "sorry?" (unless `quiet`, when the caller of this will answer instead). Only a
 * capitalised word counts here, so "nails" said for a service is not taken for a name.
 */
export function sayStrayNameOrDidntCatch(t: Turn, { quiet = false }: { quiet?: boolean } = {}): void {
  const name = nameAnswer(t.r.text, t.r);
  if (name && !knownName(t) && t.r.text.includes(name.split(" ")[0]!)) {
    t.d.callerName = name;
    t.say(t.replies.thanksName(name.split(" ")[0]!));
  } else if (!quiet) t.say(t.replies.didntCatch);
}

/** "That time has already passed", forgetting it. */
export function notePast(t: Turn): void {
  t.say(t.replies.pastDate);
  t.d.when = {};
  t.d.offers = [];
  delete t.d.chosen;
}

export function sayPast(t: Turn): void {
  notePast(t);
  t.ask(t.replies.askOtherTime);
  t.d.awaiting = "when";
}

function plusMinute(time: string): string {
  const [h = 0, m = 0] = time.split(":").map(Number);
  const total = h * 60 + m + 1;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}
