// What the test console's procedures take and return. Inputs are validated here once; the outputs
// describe the transcript, tool calls and the caller's appointments the page shows.
import { z } from "zod";
import { e164Phone } from "../businesses/contact-fields";

export const consoleLanguage = z.enum(["en", "es"]);

/** Longest message the simulated caller can type in one turn. */
export const MAX_UTTERANCE_LENGTH = 500;

export const startConsoleInput = z.object({
  callerPhone: e164Phone,
  /** The language the conversation starts in; absent: the business's first language. */
  language: consoleLanguage.optional(),
});

const sessionId = z.string().trim().min(1).max(100);

export const sendConsoleInput = z.object({
  sessionId,
  text: z
    .string()
    .trim()
    .min(1, "Type what the caller says.")
    .max(MAX_UTTERANCE_LENGTH, `A caller's message can be at most ${MAX_UTTERANCE_LENGTH} characters.`),
});

export const consoleSessionInput = z.object({ sessionId });

export const speakConsoleReplyInput = z.object({ sessionId, turnId: z.string().regex(/^t\d{1,4}$/, "No such reply.") });

export const consoleToolCall = z.object({
  id: z.string(),
  name: z.string(),
  args: z.unknown(),
  ok: z.boolean(),
  result: z.unknown(),
  durationMs: z.number(),
});

export const consoleTurn = z.object({
  turnId: z.string(),
  /** What the caller typed; null for the greeting. */
  caller: z.string().nullable(),
  agent: z.string(),
  /** Which engine answered ("builtin", "greeting", an LLM's name). */
  engine: z.string(),
  tools: z.array(consoleToolCall),
});

export const callerAppointment = z.object({
  id: z.string(),
  status: z.enum(["held", "booked", "completed", "cancelled", "no_show"]),
  channel: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  service: z.string(),
  staff: z.string(),
  rescheduledFromId: z.string().nullable(),
});

/** Why the conversation takes no more messages: the agent said goodbye, or handed it to a person. */
export const consoleEnding = z.enum(["ended", "transferred"]).nullable();

export const consoleConversation = z.object({
  sessionId: z.string(),
  callerPhone: z.string(),
  callerName: z.string().nullable(),
  language: consoleLanguage,
  ending: consoleEnding,
  turns: z.array(consoleTurn),
  appointments: z.array(callerAppointment),
});

export const sendConsoleOutput = z.object({
  turn: consoleTurn,
  callerName: z.string().nullable(),
  ending: consoleEnding,
  appointments: z.array(callerAppointment),
});

export const consoleSetupOutput = z.object({
  businessName: z.string(),
  timezone: z.string(),
  languages: z.array(consoleLanguage),
  /** "built-in agent" or "OpenAI gpt-4.1-mini". */
  engine: z.string(),
  /** How replies are spoken, or null when the server has no voice (text only). */
  voice: z.string().nullable(),
  callers: z.array(z.object({ phone: z.string(), name: z.string().nullable() })),
  /** The user's last console conversation with this business, to carry on after a reload. */
  conversation: consoleConversation.nullable(),
});

export type ConsoleTurn = z.infer<typeof consoleTurn>;
export type CallerAppointment = z.infer<typeof callerAppointment>;
export type ConsoleConversation = z.infer<typeof consoleConversation>;
export type ConsoleEnding = z.infer<typeof consoleEnding>;
