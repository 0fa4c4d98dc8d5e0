/**
 * Questions and endings: hours (all week, or one day), address, prices, the owner's FAQ, the
 * caller's own appointments ("when is my appointment?"), asking for a person, leaving a message, goodbye, and what to say when nothing was understood. Facts
 * come from business_info; after answering a side question in the middle of a flow, the open
 * question is asked again.
 */
import { weekdayOf } from "../../time/local-calendar";
import type { BusinessInfoResult } from "../tools/conversation-tools";
import { resetFlow } from "./dialogue-state";
import { dayLabel, durationLabel, listAnd, money, serviceName, serviceNoun, slotLabel, timeLabel, weekdayName, weekdayPlural } from "./speak-time";
import type { Turn } from "./turn";

const MESSAGE_CUE = /\b(?:message|mensaje|recado)\b(?:\s+(?:for|to|para)\s+\w+)?(?:\s+(?:that|saying|que|diciendo))?\s*:?\s*/i;

export async function answerInfo(t: Turn): Promise<void> {
  const { r } = t;
  if (r.asksAboutAppointment) {
    if (!(await answerMyAppointments(t))) return;
  } else if (r.intent === "hours") await answerHours(t);
  else if (r.intent === "location") {
    const info = await t.tools.businessInfo({ topic: "address" });
    t.say(info.ok && info.address ? t.replies.address(info.address) : t.replies.noAddress);
  } else if (r.intent === "prices" || r.servicesQuestion) await answerPrices(t);
  else {
    const info = await t.tools.businessInfo({ topic: "faq", question: r.text });
    const answer = info.ok ? info.faq?.match?.answer : undefined;
    if (!answer) {
      t.say(t.replies.faqUnknown);
      return offerMessage(t);
    }
    t.say(answer);
  }
  resumeOrOfferMore(t);
}

/** Reads the caller their upcoming appointments. False when it asked something else instead. */
async function answerMyAppointments(t: Turn): Promise<boolean> {
  const result = await t.tools.findMyAppointments();
  if (!result.ok) {
    t.say(t.replies.couldNotBook);
    return true;
  }
  if (result.appointments.length === 0) {
    t.say(t.replies.noAppointments);
    if (t.d.flow) return true;
    t.ask(t.replies.offerBooking);
    t.d.awaiting = "offer_booking";
    return false;
  }
  const items = result.appointments.map((a) => ({
    service: serviceNoun(a.service.name, t.lang),
    slot: slotLabel(a.date, a.time, t.ctx.today.date, t.lang),
  }));
  t.say(t.replies.yourAppointments(items));
  return true;
}

/** After a side answer: ask the open question again, or offer more help. */
export function resumeOrOfferMore(t: Turn): void {
  if (t.d.flow && t.d.lastQuestion) t.ask(t.d.lastQuestion);
  else {
    t.ask(t.replies.anythingElse);
    t.d.awaiting = "anything_else";
  }
}

async function answerHours(t: Turn): Promise<void> {
  const info = await t.tools.businessInfo({ topic: "hours" });
  if (!info.ok || !info.hours) return t.say(t.replies.faqUnknown);
  const date = t.r.when?.date;
  if (date) {
    const weekday = weekdayOf(date);
    const ranges = info.hours[weekday]?.ranges ?? [];
    if (t.ctx.closures.includes(date)) t.say(t.replies.closedDate(dayLabel(date, t.ctx.today.date, t.lang)));
    else if (ranges.length === 0) t.say(t.replies.closedOnDay(weekdayPlural(weekday, t.lang)));
    else t.say(t.replies.openOn(t.lang === "en" ? weekdayName(weekday, "en") : `el ${weekdayName(weekday, "es")}`, rangesText(t, ranges)));
    return;
  }
  t.say(hoursSentence(t, info.hours));
}

export function hoursSentence(t: Pick<Turn, "lang" | "replies">, hours: NonNullable<BusinessInfoResult["hours"]>): string {
  // Weeks read Monday first; neighbouring days with the same hours are said together.
  const order = [1, 2, 3, 4, 5, 6, 0];
  const groups: Array<{ days: number[]; key: string }> = [];
  for (const day of order) {
    const key = JSON.stringify(hours[day]?.ranges ?? []);
    const last = groups[groups.length - 1];
    if (last && last.key === key && last.days[last.days.length - 1] === order[order.indexOf(day) - 1]) last.days.push(day);
    else groups.push({ days: [day], key });
  }
  const open = groups.filter((g) => g.key !== "[]");
  const closed = groups.filter((g) => g.key === "[]").flatMap((g) => g.days);
  const daysText = (days: number[]) => {
    const first = weekdayName(days[0]!, t.lang);
    const last = weekdayName(days[days.length - 1]!, t.lang);
    if (days.length === 1) return t.lang === "en" ? first : weekdayPlural(days[0]!, "es");
    if (days.length === 2) return t.lang === "en" ? `${first} and ${last}` : `${first} y ${last}`;
    return t.lang === "en" ? `${first} to ${last}` : `de ${first} a ${last}`;
  };
  return t.replies.hours(
    open.map((g) => ({ days: daysText(g.days), ranges: rangesText(t, hours[g.days[0]!]!.ranges) })),
    closed.sort((a, b) => a - b).map((d) => weekdayName(d, t.lang)),
  );
}

function rangesText(t: Pick<Turn, "lang">, ranges: Array<{ start: string; end: string }>): string {
  const bare = (time: string) => timeLabel(time, t.lang).replace(/^las? /, "");
  const one = (r: { start: string; end: string }) => (t.lang === "en" ? `${bare(r.start)} to ${bare(r.end)}` : `de ${bare(r.start)} a ${bare(r.end)}`);
  return listAnd(ranges.map(one), t.lang);
}

async function answerPrices(t: Turn): Promise<void> {
  const { r, d } = t;
  const ids = r.serviceId ? [r.serviceId] : r.serviceOptions ?? (d.serviceId ? [d.serviceId] : []);
  if (ids.length === 1) {
    const info = await t.tools.businessInfo({ topic: "prices", service: ids[0] });
    const s = info.ok ? info.services?.[0] : undefined;
    if (s) return t.say(t.replies.price(t.lang === "en" ? `a ${serviceName(s.name, "en")}` : `${s.name}`, money(s.priceCents, s.currency), durationLabel(s.durationMinutes, t.lang)));
  }
  const info = await t.tools.businessInfo({ topic: "prices" });
  const services = (info.ok ? info.services ?? [] : []).filter((s) => ids.length === 0 || ids.includes(s.id));
  t.say(t.replies.prices(services.map((s) => ({ service: serviceName(s.name, t.lang), price: money(s.priceCents, s.currency) }))));
}

export async function transferToPerson(t: Turn): Promise<void> {
  const result = await t.tools.transferToHuman({ reason: "The caller asked to speak to a person." });
  resetFlow(t.d, null);
  if (result.ok) {
    t.say(t.replies.transferring);
    return;
  }
  t.say(t.replies.cannotTransfer);
  t.ask(t.replies.askMessage);
  t.d.awaiting = "message";
}

/** "Can I leave a message?", or the message itself when it came in the same breath. */
export async function leaveMessage(t: Turn): Promise<void> {
  const match = MESSAGE_CUE.exec(t.r.text);
  const rest = match ? t.r.text.slice(match.index + match[0].length).trim() : "";
  if (rest.split(/\s+/).length >= 3) return takeMessage(t, rest);
  resetFlow(t.d, null);
  t.ask(t.replies.askMessage);
  t.d.awaiting = "message";
}

export async function takeMessage(t: Turn, text: string): Promise<void> {
  const name = t.d.callerName ?? t.ctx.caller.name ?? undefined;
  const result = await t.tools.takeMessage({ message: text, ...(name ? { callerName: name } : {}) });
  resetFlow(t.d, null);
  t.say(result.ok ? t.replies.messageTaken : t.replies.couldNotBook);
  t.ask(t.replies.anythingElse);
  t.d.awaiting = "anything_else";
}

export function offerMessage(t: Turn): void {
  t.ask(t.replies.offerMessage);
  t.d.awaiting = "offer_message";
}

export async function goodbye(t: Turn): Promise<void> {
  await t.tools.endConversation({ reason: "goodbye" });
  resetFlow(t.d, null);
  t.say(t.replies.goodbye(t.ctx.business.name));
}

/** Nothing understood: say so and ask again; the second time in a row, offer a person or a message. */
export function notUnderstood(t: Turn, strikesBefore: number): void {
  const { d } = t;
  d.misunderstandings = strikesBefore + 1;
  if (d.misunderstandings >= 2) {
    d.misunderstandings = 0;
    resetFlow(d, null);
    if (t.channel !== "sms" && t.ctx.business.phone) {
      t.ask(t.replies.offerTransfer);
      d.awaiting = "offer_transfer";
    } else {
      t.say(t.replies.didntCatch);
      offerMessage(t);
    }
    return;
  }
  if (d.flow && d.lastQuestion) {
    t.say(t.replies.didntCatch);
    t.ask(d.lastQuestion);
  } else {
    t.ask(t.replies.notUnderstood);
    d.awaiting = null;
  }
}
