/**
 * The Call's summary at the end of a conversation: the extractive summary always (its intent,
 * outcome and appointment come from tool results, never from words), with its `text` replaced
 * by two or three sentences from the LLM when one is configured. Any failure (no key, an HTTP
 * error, a timeout, an empty answer, or a summary that claims a booking, move, cancellation or
 * waitlist place the tools do not show) keeps the extractive text: this never throws.
 *
 * Called by a channel when a conversation ends, e.g. the voice worker at hang-up:
 *   const summary = await summarizeWithLlm(env, { history: session.history(), callerPhone, callerName });
 *   // summary.text → Call.summary, summary.callOutcome → Call.outcome, summary.usage → billing
 */
import type { Logger } from "../../logger";
import { createOpenAiClient, describeLlmError } from "../engines/openai-client";
import type { EngineConfig } from "../engines/select-engine";
import type { HistoryEntry, TurnUsage } from "../types";
import { type ConversationSummary, type SummaryOutcome, summarizeConversation } from "./summarize-conversation";

export interface SummarizedConversation extends ConversationSummary {
  /** Where `text` came from. */
  source: "llm" | "extractive";
  /** Tokens the LLM summary cost, when it was asked. */
  usage?: TurnUsage;
}

export interface SummarizeWithLlmOptions {
  /** The whole attempt, retries included; past it the extractive text is kept. Default 10 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
  log?: Logger;
}

const INSTRUCTIONS = `You write the note a small business owner reads about one call to their receptionist.
Write two or three plain sentences in English: who called, what they wanted, and how it ended.
The "What happened" list is the complete record of changes: mention each one with its day and time, and never say anything else was booked, moved, cancelled or put on a waitlist.
Mention anything the caller asked the business to do or know. No greeting, no lists, no markdown.`;

/** Words that claim a change, and the outcome that must exist for each. */
const CLAIMS: Array<[RegExp, SummaryOutcome]> = [
  [/\b(?:booked|booking was made|confirmed)\b/i, "booked"],
  [/\b(?:moved|rescheduled)\b/i, "rescheduled"],
  [/\b(?:cancell?ed)\b/i, "cancelled"],
  [/\bwait ?list(?:ed)?\b/i, "waitlisted"],
];

export async function summarizeWithLlm(
  config: EngineConfig,
  conversation: { history: readonly HistoryEntry[]; callerPhone: string; callerName?: string | null },
  { timeoutMs = 10_000, signal, log }: SummarizeWithLlmOptions = {},
): Promise<SummarizedConversation> {
  const extractive = summarizeConversation(conversation.history, { callerPhone: conversation.callerPhone, callerName: conversation.callerName });
  const fallback: SummarizedConversation = { ...extractive, source: "extractive" };
  if (!config.OPENAI_API_KEY || !conversation.history.some((e) => e.kind === "caller")) return fallback;

  try {
    const client = createOpenAiClient({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, timeoutMs, maxRetries: 1, log });
    const deadline = AbortSignal.timeout(timeoutMs);
    const completion = await client.chat.completions.create(
      {
        model: config.OPENAI_MODEL,
        messages: [
          { role: "system", content: INSTRUCTIONS },
          { role: "user", content: describeConversation(conversation.history, extractive) },
        ],
        max_completion_tokens: 300,
      },
      { signal: signal ? AbortSignal.any([signal, deadline]) : deadline },
    );
    const text = completion.choices?.[0]?.message?.content?.replace(/\s+/g, " ").trim() ?? "";
    if (text.length === 0) throw new Error("The model returned an empty summary.");
    const outcomes = new Set(eventOutcomes(extractive));
    const unbacked = CLAIMS.find(([pattern, outcome]) => pattern.test(text) && !outcomes.has(outcome));
    if (unbacked) throw new Error(`The model's summary claims "${unbacked[1]}", which the tools do not show.`);
    const usage = completion.usage
      ? { model: completion.model || config.OPENAI_MODEL, inputTokens: completion.usage.prompt_tokens, outputTokens: completion.usage.completion_tokens }
      : undefined;
    return { ...extractive, text: text.slice(0, 1000), source: "llm", ...(usage ? { usage } : {}) };
  } catch (error) {
    log?.warn({ reason: describeLlmError(error) }, "the LLM summary failed; keeping the extractive summary");
    return fallback;
  }
}

function eventOutcomes(summary: ConversationSummary): SummaryOutcome[] {
  const byWord: Array<[RegExp, SummaryOutcome]> = [[/^Booked /, "booked"], [/^Moved /, "rescheduled"], [/^Cancelled /, "cancelled"], [/^Joined the waitlist/, "waitlisted"]];
  return summary.events.flatMap((e) => byWord.filter(([p]) => p.test(e)).map(([, o]) => o));
}

function describeConversation(history: readonly HistoryEntry[], extractive: ConversationSummary): string {
  const lines = history.flatMap((e) => {
    if (e.kind === "caller") return [`Caller: ${e.text}`];
    if (e.kind === "agent" && e.text.trim()) return [`Receptionist: ${e.text}`];
    return [];
  });
  const who = extractive.caller.name ? `${extractive.caller.name} (${extractive.caller.phone})` : `unknown name, ${extractive.caller.phone}`;
  const happened = extractive.events.length > 0 ? extractive.events.map((e) => `- ${e}`).join("\n") : "- Nothing was booked, moved, cancelled or left as a message.";
  return `Caller: ${who}\n\nWhat happened:\n${happened}\n\nTranscript:\n${lines.join("\n")}`;
}
