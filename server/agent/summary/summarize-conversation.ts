/**
 * An extractive summary of a conversation for the Call record: who called, what they wanted, how
 * it ended and which appointment it touched. Built only from what happened (tool results and the
 * caller's own words), never from what the agent claimed, so it cannot report a booking that did
 * not happen. Pure: the LLM summary, when there is one, replaces only `text`.
 */
import type { CallOutcome } from "../../generated/prisma/enums";
import type { AppointmentJson } from "../tools/tool-kit";
import { classifyIntent, type Intent } from "../understanding/classify-intent";
import type { HistoryEntry, ToolCallRecord } from "../types";

export type SummaryIntent = "book" | "reschedule" | "cancel" | "waitlist" | "information" | "message" | "human" | "unknown";
export type SummaryOutcome = "booked" | "rescheduled" | "cancelled" | "waitlisted" | "message" | "transferred" | "information" | "abandoned";

export interface ConversationSummary {
  text: string;
  caller: { phone: string; name: string | null };
  intent: SummaryIntent;
  outcome: SummaryOutcome;
  /** The Call.outcome column (it has no "waitlisted": that counts as information). */
  callOutcome: CallOutcome;
  /** The appointment the last change left behind (the new one after a move). */
  appointment?: { appointmentId: string; service: string; staff: string; date: string; weekday: string; time: string; status: string };
  events: string[];
}

const INTENT_OF: Partial<Record<Intent, SummaryIntent>> = {
  book: "book", availability: "book", reschedule: "reschedule", cancel: "cancel", hours: "information",
  location: "information", prices: "information", faq: "information", human: "human",
};

const INTENT_PHRASE: Record<SummaryIntent, string> = {
  book: "book an appointment", reschedule: "move an appointment", cancel: "cancel an appointment",
  waitlist: "join the waitlist", information: "ask about the business", message: "leave a message",
  human: "speak to a person", unknown: "ask something",
};

export function summarizeConversation(
  history: readonly HistoryEntry[],
  { callerPhone, callerName }: { callerPhone: string; callerName?: string | null },
): ConversationSummary {
  const calls = history.flatMap((e) => (e.kind === "tool" ? [e.record] : []));
  const succeeded = (name: string) => calls.filter((c) => c.name === name && c.ok);
  const name = callerName ?? nameFromTools(calls);

  const events: Array<{ outcome: SummaryOutcome; text: string; appointment?: AppointmentJson }> = [];
  for (const call of calls.filter((c) => c.ok)) {
    const r = call.result as Record<string, unknown>;
    const appointment = r.appointment as AppointmentJson | undefined;
    if (call.name === "book_appointment" && appointment) events.push({ outcome: "booked", text: `Booked ${describe(appointment)}.`, appointment });
    if (call.name === "reschedule_appointment" && appointment) {
      events.push({ outcome: "rescheduled", text: `Moved ${describe(r.previous as AppointmentJson)} to ${when(appointment)}.`, appointment });
    }
    if (call.name === "cancel_appointment" && appointment) events.push({ outcome: "cancelled", text: `Cancelled ${describe(appointment)}.`, appointment });
    if (call.name === "join_waitlist") {
      const entry = (r.entry ?? {}) as { service?: { name: string }; fromDate?: string; toDate?: string };
      const days = entry.fromDate === entry.toDate ? entry.fromDate : `${entry.fromDate}–${entry.toDate}`;
      events.push({ outcome: "waitlisted", text: `Joined the waitlist for ${entry.service?.name ?? "a service"} on ${days}.` });
    }
    if (call.name === "take_message") events.push({ outcome: "message", text: `Left a message: "${(call.args as { message?: string }).message ?? ""}".` });
    if (call.name === "transfer_to_human") events.push({ outcome: "transferred", text: `Transferred to a person (${(call.args as { reason?: string }).reason ?? "asked for one"}).` });
  }

  const intent = intentOf(history, calls, events.map((e) => e.outcome));
  const last = events[events.length - 1];
  const outcome: SummaryOutcome = last?.outcome ?? (succeeded("business_info").length > 0 || intent === "information" ? "information" : "abandoned");
  const lastAppointment = [...events].reverse().find((e) => e.appointment)?.appointment;
  const who = name ? `${name} (${callerPhone})` : `A caller from ${callerPhone}`;
  const ending = events.length > 0 ? events.map((e) => e.text).join(" ") : outcome === "information" ? "Got information; nothing was booked." : "Ended without any change.";
  return {
    text: `${who} called to ${INTENT_PHRASE[intent]}. ${ending}`,
    caller: { phone: callerPhone, name },
    intent,
    outcome,
    callOutcome: outcome === "waitlisted" ? "information" : outcome,
    ...(lastAppointment
      ? {
          appointment: {
            appointmentId: lastAppointment.appointmentId, service: lastAppointment.service.name, staff: lastAppointment.staff.name,
            date: lastAppointment.date, weekday: lastAppointment.weekday, time: lastAppointment.time, status: lastAppointment.status,
          },
        }
      : {}),
    events: events.map((e) => e.text),
  };
}

function describe(a: AppointmentJson): string {
  return `${a.service.name} on ${when(a)} with ${a.staff.name}`;
}

function when(a: Pick<AppointmentJson, "weekday" | "date" | "time">): string {
  return `${a.weekday} ${a.date} at ${a.time}`;
}

function nameFromTools(calls: readonly ToolCallRecord[]): string | null {
  for (const call of calls) {
    const r = call.result as { customerName?: unknown };
    if (call.ok && typeof r.customerName === "string" && r.customerName) return r.customerName;
  }
  return null;
}

function intentOf(history: readonly HistoryEntry[], calls: readonly ToolCallRecord[], outcomes: readonly SummaryOutcome[]): SummaryIntent {
  const byEvent: Record<SummaryOutcome, SummaryIntent> = {
    booked: "book", rescheduled: "reschedule", cancelled: "cancel", waitlisted: "waitlist", message: "message",
    transferred: "human", information: "information", abandoned: "unknown",
  };
  const fromEvents = outcomes.map((o) => byEvent[o]);
  for (const entry of history) {
    if (entry.kind !== "caller") continue;
    const intent = INTENT_OF[classifyIntent(entry.text).intent];
    // What the caller first asked for, unless what happened says otherwise ("I'm running late for
    // my appointment" sounds like booking and ends as a message).
    if (intent) return fromEvents.length === 0 || fromEvents.includes(intent) || (intent === "book" && fromEvents.includes("waitlist")) ? intent : fromEvents[0]!;
  }
  if (fromEvents[0]) return fromEvents[0];
  return calls.some((c) => c.name === "business_info") ? "information" : "unknown";
}
