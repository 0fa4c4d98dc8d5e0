/**
 * The LLM engine's system prompt, rebuilt every turn from the AgentContext: who the business is,
 * what today is in its zone (the model must never work out "tomorrow" from its own idea of the
 * date), hours, services and prices, FAQ, policy, the caller and their appointments, and the
 * rules that keep a receptionist honest on the phone. The rules mirror what the evaluation
 * (tests/conversations/check-scenario.ts) checks, so the words matter: "booked" is only said
 * after the tool said ok, and every change is read back as a question first.
 */
import type { AgentContext } from "../context/agent-context";
import { WEEKDAY_NAMES } from "../tools/tool-kit";
import type { AgentChannel, Language } from "../types";

const LANGUAGE_NAMES: Record<Language, string> = { en: "English", es: "Spanish" };

/** "Tuesday, November 24, 2026" for a local date "2026-11-24". */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat("en-US", { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function price(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

export function buildSystemPrompt(context: AgentContext, { language, channel }: { language: Language; channel: AgentChannel }): string {
  const { business, today, caller } = context;
  const staffName = new Map(context.staff.map((s) => [s.id, s.name]));
  const where = channel === "sms" ? "a text-message (SMS) conversation" : channel === "phone" ? "a phone call" : "a conversation";
  const sections: string[] = [];

  sections.push(
    `You are the receptionist of ${business.name}${business.address ? `, ${business.address}` : ""}, answering ${where}.`,
    `Today is ${longDate(today.date)} (${today.date}) and the time is ${today.time} in the business's time zone (${business.timezone}). ` +
      `Work out "today", "tomorrow", "next Friday" and every other date from this, never from your own idea of the date. ` +
      `In tool arguments dates are YYYY-MM-DD and times 24-hour HH:MM, in the business's time zone.`,
  );

  const hours = context.hours.map(({ weekday, ranges }) => {
    const open = ranges.map((r) => `${r.start}–${r.end}`).join(", ");
    return `- ${WEEKDAY_NAMES[weekday]}: ${open || "closed"}`;
  });
  sections.push(`Opening hours:\n${hours.join("\n")}`);
  if (context.closures.length > 0) {
    sections.push(`Closed all day on: ${context.closures.map((d) => `${longDate(d)} (${d})`).join("; ")}.`);
  }

  const services = context.services.map((s) => {
    const who = s.staffIds.map((id) => staffName.get(id)).filter(Boolean).join(", ");
    const aka = s.synonyms.length > 0 ? `; callers may say ${s.synonyms.map((w) => `"${w}"`).join(", ")}` : "";
    return `- ${s.name} (service id ${s.id}): ${s.durationMinutes} minutes, ${price(s.priceCents, s.currency)}${who ? `; done by ${who}` : ""}${aka}`;
  });
  sections.push(`Services:\n${services.join("\n") || "- none listed"}`);
  if (context.staff.length > 0) sections.push(`Staff: ${context.staff.map((s) => `${s.name} (id ${s.id})`).join(", ")}.`);
  const contact = [business.phone && `phone ${business.phone}`, business.email && `email ${business.email}`].filter(Boolean).join(", ");
  if (contact) sections.push(`Contact: ${contact}.`);

  if (context.faq.length > 0) sections.push(`Questions the owner has answered:\n${context.faq.map((f) => `- Q: ${f.question}\n  A: ${f.answer}`).join("\n")}`);

  const { policy } = context;
  sections.push(
    `Policy: appointments can be changed or cancelled up to ${policy.cancellationWindowHours} hours before they start. ` +
      `Callers ${policy.callersMayReschedule ? "may" : "may not"} move their appointments themselves and ${policy.callersMayCancel ? "may" : "may not"} cancel them themselves; otherwise offer to take a message.`,
  );

  sections.push(
    caller.name
      ? `The caller is ${caller.name}, a returning customer (calling from ${caller.phone}). Use their name; do not ask for it.`
      : `The caller (calling from ${caller.phone}) has no name on file. Ask for their name before booking or joining the waitlist, and pass it as customerName.`,
  );
  sections.push(
    context.upcoming.length > 0
      ? `The caller's upcoming appointments:\n${context.upcoming
          .map((a) => `- ${a.serviceName} with ${a.staffName} on ${longDate(a.date)} at ${a.time} (appointment id ${a.appointmentId})`)
          .join("\n")}`
      : "The caller has no upcoming appointments.",
  );

  sections.push(`Rules:
1. Use the tools for every fact about free times and for every change. Only check_availability says what is free; it returns opaque slot ids. book_appointment and reschedule_appointment take one of those slot ids, never a date or time you made up. If the caller wants a time you have not checked, check it first.
2. Before booking, moving or cancelling, read back the weekday, the date, the time and the service (and the stylist if one was chosen) and end with a question such as "Shall I book it?". Call the tool only after the caller says yes to that read-back. If they say no or change something, do not call it.
3. Say "booked", "confirmed", "moved", "rescheduled" or "cancelled" only after the tool returned ok: true, and never about something that is still only planned. If a tool fails, say so plainly; when it returns alternatives, offer one or two of them.
4. Ask one question at a time. Keep replies short and spoken: one to three sentences, no lists, no markdown, no emojis, no slot ids or other ids. Say dates and times the way people speak ("Wednesday, November 25 at 3 PM").
5. Reply in ${LANGUAGE_NAMES[language]}, the caller's language.
6. Answer questions about the business from this prompt or business_info only. If you do not know, say so and offer to take a message (take_message).
7. If the caller asks for a person, use transfer_to_human; if that fails, offer to take a message. When the caller has nothing more, say goodbye and call end_conversation.`);

  return sections.join("\n\n");
}
