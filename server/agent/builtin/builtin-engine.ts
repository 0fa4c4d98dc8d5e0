/**
 * The built-in engine: deterministic, offline, no keys. Reads the utterance, then decides in a
 * fixed order: a message being dictated; a person; goodbye; "never mind"; a switch to another
 * task (book, move, cancel); a side question (hours, address, prices, FAQ), after which the open
 * question is asked again; otherwise the running flow continues; with no flow, the request starts
 * one. Flows live in booking-flow, reschedule-flow, cancel-flow and info-flow; wording in replies-*.
 */
import { lastAgentReplyHeardInFull } from "../session/heard-text";
import type { AgentEngine, EngineTurnInput, EngineTurnOutput } from "../types";
import { continueBooking, startBooking } from "./booking-flow";
import { continueCancel, startCancel } from "./cancel-flow";
import { type DialogueState, newDialogue, resetFlow } from "./dialogue-state";
import { fitWeekday } from "./merge-when";
import { answerInfo, goodbye, leaveMessage, notUnderstood, offerMessage, takeMessage, transferToPerson } from "./info-flow";
import { readUtterance } from "./read-utterance";
import { repliesFor } from "./replies";
import { continueReschedule, startReschedule } from "./reschedule-flow";
import { builtinTools, type Turn } from "./turn";

export const BUILTIN_ENGINE_NAME = "builtin";

export function createBuiltinEngine(): AgentEngine {
  return {
    name: BUILTIN_ENGINE_NAME,
    async runTurn(input: EngineTurnInput): Promise<EngineTurnOutput> {
      const { context, state } = input;
      const d = (state.scratch[BUILTIN_ENGINE_NAME] as DialogueState | undefined) ?? newDialogue();
      const sentences: string[] = [];
      const lang = state.language;
      const replies = repliesFor(lang);
      const t: Turn = {
        ctx: context,
        d,
        r: readUtterance(input.utterance, { context, now: input.now }),
        lang,
        replies,
        tools: builtinTools(input.tools),
        channel: state.channel,
        now: input.now,
        // The history's last entry is this caller utterance; the reply before it is what counts.
        heardLastReply: lastAgentReplyHeardInFull(state.history),
        say: (sentence) => sentences.push(sentence),
        ask: (question) => {
          sentences.push(question);
          d.lastQuestion = question;
        },
      };
      await decide(t);
      if (sentences.length === 0) t.ask(replies.howCanIHelp);
      state.scratch[BUILTIN_ENGINE_NAME] = d;
      const polish = (sentence: string) => (lang === "es" ? contractSpanish(sentence) : sentence);
      const text = sentences.map(polish).join(" ");
      // Sentence by sentence, so speech can start on the first while the rest are queued.
      sentences.forEach((sentence, i) => input.output.write(polish(sentence) + (i < sentences.length - 1 ? " " : "")));
      return { text, language: lang };
    },
  };
}

async function decide(t: Turn): Promise<void> {
  const { d, r } = t;
  if (r.when) r.when = fitWeekday(r.when, d, t.ctx.today.date);
  if (r.correction?.when) r.correction.when = fitWeekday(r.correction.when, d, t.ctx.today.date);
  const confirming = d.awaiting === "confirm_booking" || d.awaiting === "confirm_reschedule" || d.awaiting === "confirm_cancel";
  // Two misunderstandings in a row offer a person; anything understood starts the count again.
  const strikes = d.misunderstandings;
  d.misunderstandings = 0;

  if (d.awaiting === "message") {
    const declined = r.neverMind || r.intent === "goodbye" || (r.no && r.normalized.split(" ").length <= 3);
    if (!declined) return takeMessage(t, r.text);
    if (r.intent !== "goodbye") {
      resetFlow(d, null);
      t.say(t.replies.noProblem);
      t.ask(t.replies.anythingElse);
      d.awaiting = "anything_else";
      return;
    }
  }
  if (r.intent === "human") return transferToPerson(t);
  if (r.message) return leaveMessage(t);
  if (r.passOn && !d.flow) return takeMessage(t, r.text);
  if (r.intent === "goodbye" && !(confirming && r.yes)) return goodbye(t);
  if (d.awaiting === "anything_else" && r.no && !hasRequest(t)) return goodbye(t);
  const stopBooking = d.flow === "booking" && r.intent === "cancel" && !r.mentionsAppointment;
  // "I don't need to reschedule anymore" while moving it; but "I don't want to cancel, move it instead"
  // switches, and "I don't want to book Friday, make it Saturday" changes the booking.
  const changesBooking = d.flow === "booking" && Boolean(r.when || r.serviceId || r.serviceOptions || r.staffId || r.correction);
  const refusesFlow = d.flow !== null && r.refused.includes(d.flow === "booking" ? "book" : d.flow) && !changesBooking && !switchTo(t);
  if ((r.neverMind || stopBooking || refusesFlow) && d.flow) {
    const kept = d.flow === "booking" ? t.replies.wontBook : d.targetId ? t.replies.keptAppointment : t.replies.noProblem;
    resetFlow(d, null);
    t.say(kept);
    t.ask(t.replies.anythingElse);
    d.awaiting = "anything_else";
    return;
  }
  if (!d.flow && r.refused.length > 0 && !hasRequest(t)) {
    t.say(t.replies.noProblem);
    t.ask(t.replies.anythingElse);
    d.awaiting = "anything_else";
    return;
  }

  const next = switchTo(t);
  if (next === "cancel") return startCancel(t, { targetId: d.flow === "reschedule" ? d.targetId : undefined });
  if (next === "reschedule") return startReschedule(t, { targetId: d.flow === "cancel" ? d.targetId : undefined });
  if (next === "booking") return startBooking(t);
  if (next === "cancel_last") return startCancel(t, { targetId: d.lastBookedId });
  if (next === "reschedule_last") return startReschedule(t, { targetId: d.lastBookedId });

  if (isSideQuestion(t)) return answerInfo(t);

  if (d.flow === "booking") return continueBooking(t);
  if (d.flow === "reschedule") return continueReschedule(t);
  if (d.flow === "cancel") return continueCancel(t);

  if (r.yes && !r.no) {
    if (d.awaiting === "offer_booking") return startBooking(t);
    if (d.awaiting === "offer_message") {
      t.ask(t.replies.askMessage);
      d.awaiting = "message";
      return;
    }
    if (d.awaiting === "offer_transfer") return transferToPerson(t);
  }
  if (r.no && (d.awaiting === "offer_booking" || d.awaiting === "offer_message" || d.awaiting === "offer_transfer")) {
    t.ask(t.replies.anythingElse);
    d.awaiting = "anything_else";
    return;
  }
  if (r.waitlist || r.intent === "book" || r.intent === "availability" || r.serviceId || r.serviceOptions || r.when) return startBooking(t);
  if (r.unknownServiceWords.length > 0 && r.request) return startBooking(t);
  if (r.intent === "greeting" || (r.greeted && !hasRequest(t) && d.awaiting !== "anything_else")) {
    t.say(t.replies.hello);
    t.ask(t.replies.howCanIHelp);
    d.awaiting = null;
    return;
  }
  if (r.yes && d.awaiting === "anything_else") {
    t.ask(t.replies.howCanIHelp);
    d.awaiting = null;
    return;
  }
  if (d.awaiting === "offer_message") return offerMessage(t);
  return notUnderstood(t, strikes);
}

/** A new task in the middle of another, or in place of none. */
function switchTo(t: Turn): "booking" | "reschedule" | "cancel" | "cancel_last" | "reschedule_last" | null {
  const { d, r } = t;
  // Just booked, then "actually, can you make that Saturday instead?": move what was just booked.
  const correctsBooking = Boolean(r.correction?.when) && !r.newBooking && (r.intent === "unknown" || r.intent === "availability" || r.intent === "deny");
  if (!d.flow && d.lastBookedId && d.awaiting === "anything_else" && correctsBooking) return "reschedule_last";
  if (r.intent === "cancel" && d.flow !== "cancel") {
    if (!d.flow && d.lastBookedId && !r.mentionsAppointment) return "cancel_last";
    return "cancel";
  }
  if ((r.intent === "reschedule" || r.strongReschedule) && d.flow !== "reschedule") {
    if (d.flow === "booking" && !r.strongReschedule) return null;
    return "reschedule";
  }
  // "What time is my appointment?" mentions an appointment without asking for a new one.
  if (r.asksAboutAppointment && !r.newBooking) return null;
  if ((r.intent === "book" || r.intent === "availability") && d.flow !== "booking") {
    return d.flow && !r.newBooking ? null : "booking";
  }
  return null;
}

function isSideQuestion(t: Turn): boolean {
  const { r } = t;
  return r.intent === "hours" || r.intent === "location" || r.intent === "prices" || r.servicesQuestion || r.asksAboutAppointment || (r.intent === "faq" && Boolean(r.faq));
}

/** The utterance asks for something beyond a plain yes or no. */
function hasRequest(t: Turn): boolean {
  const { r } = t;
  return ["book", "availability", "reschedule", "cancel", "hours", "location", "prices", "faq", "human"].includes(r.intent) || Boolean(r.serviceId || r.when || r.asksAboutAppointment);
}

/** "de el viernes" → "del viernes", "a el sábado" → "al sábado" (day labels start with "el"). */
export function contractSpanish(text: string): string {
  return text.replace(/\bde el\b/g, "del").replace(/\ba el\b/g, "al");
}
