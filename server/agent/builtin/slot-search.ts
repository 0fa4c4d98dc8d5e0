/**
 * Looking for times, for booking and for moving alike: turns what the caller said about when into
 * one check_availability call and the answer into words: the exact time if it is free, the
 * nearest times if not, a few spread over the day, why a day has nothing (closed, full, too late)
 * and what comes next. Offers are remembered with their slot ids, so the caller's pick can only
 * ever book an id the tool returned.
 */
import { addDays, weekdayOf } from "../../time/local-calendar";
import type { CheckAvailabilityResult } from "../tools/check-availability";
import type { SlotJson } from "../tools/tool-kit";
import type { ToolFailure } from "../types";
import type { Offer } from "./dialogue-state";
import { timeLimits } from "./merge-when";
import { dayLabel, serviceName, serviceNoun, slotLabel, timeLabel, weekdayPlural } from "./speak-time";
import { serviceById, type Turn } from "./turn";

const SEARCH_DAYS = 14;

export function offerOf(slot: SlotJson): Offer {
  return { slotId: slot.slotId, date: slot.date, time: slot.time, staff: slot.staff };
}

export function offerLabel(t: Turn, offer: Pick<Offer, "date" | "time">): string {
  return slotLabel(offer.date, offer.time, t.ctx.today.date, t.lang);
}

/** The offers as one question: times on one day said once with the day, otherwise day and time each. */
export function offersQuestion(t: Turn, offers: readonly Offer[], { earliest = false }: { earliest?: boolean } = {}): string {
  const first = offers[0]!;
  if (offers.length > 1 && offers.every((o) => o.date === first.date)) {
    const day = dayLabel(first.date, t.ctx.today.date, t.lang);
    const times = offers.map((o) => timeLabel(o.time, t.lang));
    return earliest ? t.replies.earliestOnDay(day, times) : t.replies.offerTimes(day, times);
  }
  return t.replies.offerSlots(offers.map((o) => offerLabel(t, o)), earliest);
}

/** Up to `count` slots spread across the list: first, middle, last. */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))]!);
}

/**
 * Searches and speaks. Returns true when one slot is chosen (the exact time asked for is free):
 * the flow then reads it back. Otherwise it has offered times or asked a question.
 */
export async function searchSlots(t: Turn, { allowWaitlist }: { allowWaitlist: boolean }): Promise<boolean> {
  const { d } = t;
  const service = serviceById(t, d.serviceId)!;
  const when = d.when;
  const today = t.ctx.today.date;
  const args = {
    service: service.id,
    ...(d.staffId ? { staff: d.staffId } : {}),
    ...(when.date ? { date: when.date } : when.range ? { fromDate: when.range.fromDate < today ? today : when.range.fromDate, toDate: when.range.toDate } : { fromDate: today, toDate: addDays(today, SEARCH_DAYS - 1) }),
    ...timeLimits(when),
    ...(when.time ? { time: when.time } : {}),
    limit: 100,
  };
  const result = await t.tools.checkAvailability(args);
  if (!result.ok) return searchFailed(t, result, { allowWaitlist });
  d.offers = [];
  delete d.chosen;

  if (result.exactMatch) {
    d.chosen = offerOf(result.exactMatch);
    return true;
  }
  const serviceLabel = serviceNoun(service.name, t.lang);
  if (when.date) {
    const day = result.days[0]!;
    const dayText = dayLabel(day.date, today, t.lang);
    if (result.slots.length === 0) {
      if (day.status === "closed") {
        const weekly = t.ctx.hours[weekdayOf(day.date)]?.ranges.length === 0;
        t.say(weekly ? t.replies.closedOn(weekdayPlural(weekdayOf(day.date), t.lang)) : t.replies.closedDate(dayText));
      } else if (day.status === "not_offered") {
        t.say(t.replies.notOfferedOn(serviceLabel, dayText));
      } else if (day.status === "staff_off") {
        t.say(t.replies.staffOff(result.staff?.name.split(" ")[0] ?? "", dayText));
      } else if (day.status === "full") {
        t.say(t.replies.dayFull(dayText, serviceLabel));
        if (allowWaitlist) {
          d.waitlistDate = day.date;
          d.offers = result.nextAvailable ? [offerOf(result.nextAvailable)] : [];
          t.ask(t.replies.offerWaitlist(dayLabel(day.date, today, t.lang)));
          d.awaiting = "waitlist_offer";
          return false;
        }
      } else if (day.status === "past") {
        t.say(t.replies.pastDate);
      } else if (day.status === "too_far") {
        t.ask(t.replies.tooFar);
        d.awaiting = "when";
        return false;
      } else {
        t.say(t.replies.nothingThen);
      }
      return offerNext(t, result);
    }
    if (when.time && result.nearest?.length) {
      d.offers = result.nearest.slice(0, 2).map(offerOf).sort((a, b) => a.time.localeCompare(b.time));
      t.ask(t.replies.notAvailableAt(timeLabel(when.time, t.lang), dayText, d.offers.map((o) => timeLabel(o.time, t.lang))));
    } else if (when.earliest) {
      d.offers = result.slots.slice(0, 2).map(offerOf);
      t.ask(offersQuestion(t, d.offers, { earliest: true }));
    } else {
      d.offers = spread(result.slots, 3).map(offerOf);
      t.ask(t.replies.offerTimes(dayText, d.offers.map((o) => timeLabel(o.time, t.lang))));
    }
    d.awaiting = "slot_choice";
    return false;
  }

  if (result.slots.length === 0) {
    t.say(t.replies.nothingThen);
    return offerNext(t, result);
  }
  if (when.time && result.nearest?.length) {
    d.offers = result.nearest.slice(0, 2).map(offerOf).sort((a, b) => a.time.localeCompare(b.time));
    const first = d.offers[0]!;
    t.ask(t.replies.notAvailableAt(timeLabel(when.time, t.lang), dayLabel(first.date, today, t.lang), d.offers.map((o) => timeLabel(o.time, t.lang))));
  } else if (when.earliest) {
    d.offers = result.slots.slice(0, 2).map(offerOf);
    t.ask(offersQuestion(t, d.offers, { earliest: true }));
  } else {
    // One offer on each of the first days that have any, so the caller hears a choice of days.
    const firstOfDay = result.slots.filter((s, i, all) => all.findIndex((x) => x.date === s.date) === i);
    d.offers = (firstOfDay.length >= 2 ? firstOfDay.slice(0, 3) : spread(result.slots, 3)).map(offerOf);
    t.ask(offersQuestion(t, d.offers));
  }
  d.awaiting = "slot_choice";
  return false;
}

function offerNext(t: Turn, result: CheckAvailabilityResult): boolean {
  if (result.nextAvailable) {
    t.d.offers = [offerOf(result.nextAvailable)];
    t.ask(t.replies.nextOpening(offerLabel(t, t.d.offers[0]!)));
    t.d.awaiting = "slot_choice";
  } else {
    t.ask(t.replies.askOtherDay);
    t.d.awaiting = "when";
  }
  return false;
}

async function searchFailed(t: Turn, failure: ToolFailure, options: { allowWaitlist: boolean }): Promise<boolean> {
  const { d } = t;
  if (failure.error === "STAFF_DOES_NOT_PERFORM" || failure.error === "UNKNOWN_STAFF") {
    const service = serviceById(t, d.serviceId)!;
    const staffName = t.ctx.staff.find((s) => s.id === d.staffId)?.name.split(" ")[0] ?? "";
    const others = ((failure.performedBy as Array<{ name: string }> | undefined) ?? []).map((s) => s.name.split(" ")[0]!);
    t.say(failure.error === "UNKNOWN_STAFF" ? t.replies.unknownStaff : t.replies.staffDoesNotPerform(staffName, serviceName(service.name, t.lang), others));
    delete d.staffId;
    return searchSlots(t, options);
  }
  if (failure.error === "PAST_DATE") {
    t.say(t.replies.pastDate);
    d.when = {};
    t.ask(t.replies.askOtherTime);
    d.awaiting = "when";
    return false;
  }
  t.say(t.replies.couldNotBook);
  t.ask(t.replies.askOtherTime);
  d.awaiting = "when";
  return false;
}
