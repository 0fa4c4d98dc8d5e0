// What the phone receptionist says and does, stored in Business.settings.agent: the greeting, a
// short persona, the voice, the languages it answers in, when it may transfer a caller to a
// person, and what it does outside opening hours. Every field has a default, so settings written
// before a field existed still parse.
import { z } from "zod";
import { optionalPhone } from "./contact-fields";
import { weeklyRanges } from "./weekly-hours-input";

export const AGENT_VOICES = [
  { id: "warm", label: "Warm", description: "Friendly and relaxed" },
  { id: "bright", label: "Bright", description: "Upbeat and quick" },
  { id: "calm", label: "Calm", description: "Slow and reassuring" },
  { id: "deep", label: "Deep", description: "Low and steady" },
] as const;
export type AgentVoice = (typeof AGENT_VOICES)[number]["id"];
const voiceIds = AGENT_VOICES.map((v) => v.id) as [AgentVoice, ...AgentVoice[]];

export const AGENT_LANGUAGES = [
  { id: "en", label: "English" },
  { id: "es", label: "Spanish (español)" },
] as const;
export type AgentLanguage = (typeof AGENT_LANGUAGES)[number]["id"];

export const TRANSFER_HOURS = [
  { id: "opening_hours", label: "During opening hours" },
  { id: "always", label: "Any time" },
  { id: "custom", label: "At these times" },
  { id: "never", label: "Never: take a message instead" },
] as const;

export const AFTER_HOURS = [
  { id: "book", label: "Answer and book as usual", description: "Callers can still book, move or cancel appointments." },
  { id: "message", label: "Take a message", description: "Says you are closed, takes a message and offers to book." },
  { id: "closed", label: "Say you are closed", description: "Plays the closed message and ends the call." },
] as const;

export const DEFAULT_GREETING = "Thanks for calling. This is the virtual receptionist. How can I help you today?";
export const DEFAULT_PERSONA = "Friendly, brief and professional. Confirm the details back to the caller before booking.";

export const greeting = z
  .string({ error: "Write what the receptionist says first." })
  .trim()
  .min(5, "Write what the receptionist says first (at least 5 characters).")
  .max(400, "Keep the greeting under 400 characters: callers wait while it plays.");

export const agentVoice = z.enum(voiceIds, { error: "Choose one of the voices." });

export const agentLanguages = z
  .array(z.enum(["en", "es"], { error: "Choose English or Spanish." }))
  .min(1, "Choose at least one language.")
  .refine((list) => new Set(list).size === list.length, "Each language once.");

export const agentSettings = z
  .object({
    greeting: greeting.default(DEFAULT_GREETING),
    persona: z.string().trim().max(1000, "Keep the persona under 1,000 characters.").default(DEFAULT_PERSONA),
    voice: agentVoice.default("warm"),
    languages: agentLanguages.default(["en"]),
    /** Where the agent transfers a caller who asks for a person; null: the business's contact phone. */
    transferNumber: optionalPhone.default(null),
    transferHours: z.enum(["opening_hours", "always", "custom", "never"]).default("opening_hours"),
    /** Used when transferHours is "custom". */
    transferRanges: weeklyRanges.default([]),
    afterHours: z.enum(["book", "message", "closed"]).default("book"),
    /** Said outside opening hours before the after-hours behaviour; empty: a built-in sentence. */
    afterHoursMessage: z.string().trim().max(400, "Keep the message under 400 characters.").default(""),
    /** Record whole calls through Twilio; callers then hear that the call may be recorded. */
    recordCalls: z.boolean().default(false),
  })
  .superRefine((a, ctx) => {
    if (a.transferHours === "custom" && a.transferRanges.length === 0) {
      ctx.addIssue({ code: "custom", path: ["transferRanges"], message: "Add the times when calls may be transferred." });
    }
  });

export type AgentSettings = z.infer<typeof agentSettings>;
