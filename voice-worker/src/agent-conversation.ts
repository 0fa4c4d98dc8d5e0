// The receptionist agent on a phone call: a CallConversation over server/agent's AgentSession, so
// callers talk with the same agent (and engine, from selectAgentEngine) as the SMS route and the
// test console. The worker gives it the caller's words; it answers with the agent's sentences as
// they stream, the tools it runs (for fillers), what they achieved, and how the reply ends.
//
//   greet → start          respond → onCallerTurn (deltas and tool starts pushed into a ReplyChannel)
//   notePlayed → notePlayed(turnId of the reply that was played, the words the caller heard)
//   AgentTurn.end → hang up, .transfer → transfer (the number comes from the business settings),
//   .message → stored on the Call (text the caller already said; no recording), the owner told
//   tool results → outcomes: book_appointment ok → booked, reschedule → rescheduled, cancel → cancelled
//
// Keys: onDigit returns null, so a key press moves the call to the keypad menu for good. Someone who
// presses keys on a voice call is answering a menu or cannot be understood; the menu is the
// dependable path for both, and guessing what "2" means to a free-form agent is not.
//
// Turns run one after another even when the worker moves on: a reply cut by barge-in keeps running
// once it has written something (AgentSession's rule), and the next caller turn waits for it, so
// the agent's history never interleaves.
import type { AgentSession } from "../../server/agent/session/agent-session";
import { createAgentSession } from "../../server/agent/session/agent-session";
import type { ConversationSummary } from "../../server/agent/summary/summarize-conversation";
import type { AgentEngine, AgentTurn, HistoryEntry, TakenMessage, ToolCallRecord } from "../../server/agent/types";
import type { CallOutcome } from "../../server/calls/call-record-types";
import { storeCallMessage } from "../../server/calls/store-call-message";
import type { Db } from "../../server/db";
import type { Logger } from "../../server/logger";
import type { ConversationFactory } from "./call/session-services";
import { ReplyChannel, type CallAction, type CallConversation, type ConversationCall, type Reply, type TurnOptions } from "./conversation";

/**
 * Turns the agent's record of a call into Call.summary. The default is the agent's extractive
 * summary (built from tool results, so it never reports a booking that did not happen). An LLM
 * summarizer plugs in here; it should keep to the facts in `summary` (the worker falls back to
 * `summary.text` if it throws or takes longer than SUMMARY_TIMEOUT_MS).
 */
export type CallSummarizer = (input: { summary: ConversationSummary; history: readonly HistoryEntry[]; signal: AbortSignal }) => Promise<string>;

export interface AgentConversationOptions {
  /** From selectAgentEngine(config): the one engine choice every channel shares. */
  engine: AgentEngine;
  summarizer?: CallSummarizer;
}

const SUMMARY_TIMEOUT_MS = 4000;

/** Which Call.outcome a successful tool call means (the strongest of a call's outcomes wins). */
const TOOL_OUTCOMES: Partial<Record<string, CallOutcome>> = {
  book_appointment: "booked",
  reschedule_appointment: "rescheduled",
  cancel_appointment: "cancelled",
  join_waitlist: "information",
  business_info: "information",
  find_my_appointments: "information",
};

const STILL_THERE: Record<string, string> = { en: "Are you still there?", es: "¿Sigue ahí?" };

/** One reply, from the caller's turn to the worker's report of what was heard. */
interface ReplyRecord {
  /** Known once respond has resolved (the session assigns it). */
  turnId: string | null;
  /** The worker has reported this reply (only the first report counts). */
  noted: boolean;
  /** What the caller heard of a reply they cut short, waiting for turnId. */
  heard: string | null;
}

export function agentConversationFactory(options: AgentConversationOptions): ConversationFactory {
  return (call, deps) => new AgentConversation(call, deps, options);
}

export class AgentConversation implements CallConversation {
  readonly session: AgentSession;
  private readonly closing = new AbortController();
  private turns: Promise<void> = Promise.resolve();
  private latest: ReplyRecord | null = null;

  constructor(
    private readonly call: ConversationCall,
    private readonly deps: { db: Db; now: () => Date; log: Logger },
    private readonly options: AgentConversationOptions,
  ) {
    this.session = createAgentSession({
      db: deps.db,
      businessId: call.businessId,
      callerPhone: call.callerNumber,
      channel: "phone",
      now: deps.now,
      engine: options.engine,
      sessionId: call.callId,
      log: deps.log,
    });
  }

  async start(): Promise<string> {
    const started = performance.now();
    const greeting = await this.session.greet();
    this.latest = { turnId: greeting.turnId, noted: false, heard: null };
    this.deps.log.debug({ greetMs: Math.round(performance.now() - started), engine: this.options.engine.name }, "agent greeting ready");
    return greeting.text;
  }

  onCallerTurn(text: string, { signal }: TurnOptions): Reply {
    const channel = new ReplyChannel();
    const reply: ReplyRecord = { turnId: null, noted: false, heard: null };
    this.latest = reply;
    const turnSignal = AbortSignal.any([signal, this.closing.signal]);
    this.turns = this.turns.then(() => this.respond(text, turnSignal, channel, reply));
    return channel.stream;
  }

  onDigit(): null {
    return null;
  }

  notePlayed({ heardText, interrupted }: { heardText: string; fullText: string; interrupted: boolean }): void {
    const reply = this.latest;
    if (!reply || reply.noted) return;
    reply.noted = true;
    // Heard in full: the session's record is already right.
    if (!interrupted) return;
    reply.heard = heardText;
    if (reply.turnId) this.session.notePlayed(reply.turnId, heardText);
  }

  reprompt(): string {
    const language = this.session.result().language;
    const question = lastQuestion(this.session.history());
    return [STILL_THERE[language] ?? STILL_THERE.en, question].filter(Boolean).join(" ");
  }

  close(): void {
    this.closing.abort();
  }

  async summarize(): Promise<string | null> {
    // Replies still finishing (a booking that committed as the caller hung up) belong in it.
    await this.turns;
    const { summary } = this.session.result();
    if (!this.options.summarizer) return summary.text;
    try {
      return await this.options.summarizer({ summary, history: this.session.history(), signal: AbortSignal.timeout(SUMMARY_TIMEOUT_MS) });
    } catch (error) {
      this.deps.log.warn({ err: error instanceof Error ? error.message : error }, "the call summarizer failed; keeping the extractive summary");
      return summary.text;
    }
  }

  private async respond(text: string, signal: AbortSignal, channel: ReplyChannel, reply: ReplyRecord): Promise<void> {
    let turn: AgentTurn;
    try {
      turn = await this.session.respond(text, {
        signal,
        onTextDelta: (delta) => channel.push({ type: "text", delta }),
        onToolStart: (name) => channel.push({ type: "tool-start", name }),
        onToolEnd: (record) => {
          const outcome = outcomeOf(record);
          if (outcome) channel.push({ type: "outcome", outcome, detail: detailOf(record) });
        },
      });
    } catch (error) {
      // Barge-in or hang-up before anything was written: the reply simply ends.
      if (isAbort(error)) return channel.finish();
      return channel.fail(error);
    }
    reply.turnId = turn.turnId;
    // The caller cut this reply short before the agent had finished it.
    if (reply.heard !== null) this.session.notePlayed(turn.turnId, reply.heard);
    if (turn.message && (await this.storeMessage(turn.message))) channel.push({ type: "outcome", outcome: "message" });
    // Tokens spent even on a turn the caller cut short: they are billed all the same.
    if (turn.usage) channel.push({ type: "usage", model: turn.usage.model, inputTokens: turn.usage.inputTokens, outputTokens: turn.usage.outputTokens });
    channel.finish(actionOf(turn));
  }

  /** The caller dictated a message to the agent: it goes on the Call, and the owner is told. */
  private async storeMessage(message: TakenMessage): Promise<boolean> {
    const text = message.callerName ? `${message.text} (from ${message.callerName})` : message.text;
    try {
      const { stored } = await storeCallMessage(this.deps.db, { callId: this.call.callId, text }, { now: this.deps.now() });
      return stored;
    } catch (error) {
      this.deps.log.error({ err: error }, "could not store the message the caller left with the agent");
      return false;
    }
  }
}

function actionOf(turn: AgentTurn): CallAction | undefined {
  if (turn.transfer) return { kind: "transfer", reason: turn.transfer.reason };
  if (turn.end) return { kind: "hangup" };
  return undefined;
}

function outcomeOf(record: ToolCallRecord): CallOutcome | undefined {
  return record.ok ? TOOL_OUTCOMES[record.name] : undefined;
}

function detailOf(record: ToolCallRecord): string {
  const appointment = (record.result as { appointment?: { appointmentId?: unknown } }).appointment;
  return typeof appointment?.appointmentId === "string" ? `${record.name} ${appointment.appointmentId}` : record.name;
}

/** The question the agent last asked, to repeat after a silence (heard or not). */
function lastQuestion(history: readonly HistoryEntry[]): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i]!;
    if (entry.kind !== "agent") continue;
    const sentences = entry.fullText.match(/[^.!?]*\?/g);
    return sentences?.at(-1)?.trim() ?? null;
  }
  return null;
}

function isAbort(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}
