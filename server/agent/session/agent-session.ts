/**
 * One conversation with one caller, on any channel. The session owns what persists between turns
 * (history, language, engine memory), loads the context fresh each turn, hands the engine a
 * ToolBox bound to this caller, streams the reply at sentence boundaries and turns the tools'
 * side effects into the turn's `end`, `transfer` and `message`.
 *
 * Abort (barge-in, hang-up): `respond` rejects with an AbortError when the signal fires before a
 * tool that writes has succeeded; the caller's words stay in the history, the engine's
 * half-finished turn does not. Once a write has committed, the turn runs to the end so that the
 * agent's memory matches the database (its text is no longer streamed).
 */
import { randomUUID } from "node:crypto";
import type { Logger } from "../../logger";
import type { Db } from "../../db";
import { loadAgentContext } from "../context/load-agent-context";
import { summarizeConversation, type ConversationSummary } from "../summary/summarize-conversation";
import { abortError, createToolBox } from "../tools/tool-box";
import type { ToolContext } from "../tools/tool-kit";
import type {
  AgentChannel, AgentEngine, AgentTurn, ConversationState, HistoryEntry, Language, RespondOptions, TakenMessage, ToolCallRecord, TurnUsage,
} from "../types";
import { noteHeard } from "./heard-text";
import { pickLanguage } from "./pick-language";
import { createSentenceStream } from "./sentence-stream";

export interface CreateAgentSessionOptions {
  db: Db;
  businessId: string;
  /** E.164 number the call or message came from; it identifies the caller. */
  callerPhone: string;
  channel: AgentChannel;
  now: () => Date;
  engine: AgentEngine;
  sessionId?: string;
  /** Continue a conversation saved with snapshot() (an SMS thread across webhook requests). */
  resume?: SessionSnapshot;
  log?: Logger;
}

/** Everything a session remembers, as plain JSON. */
export interface SessionSnapshot {
  version: 1;
  state: ConversationState;
  issuedSlotIds: string[];
  counters: { turns: number; calls: number; callerTurns: number };
  callerName: string | null;
  messages: TakenMessage[];
  transfer?: { reason: string; to?: string };
}

export interface ConversationResult {
  sessionId: string;
  language: Language;
  ended: boolean;
  transfer?: { reason: string; to?: string };
  messages: TakenMessage[];
  summary: ConversationSummary;
}

export interface AgentSession {
  readonly id: string;
  greet(options?: Pick<RespondOptions, "onTextDelta">): Promise<AgentTurn>;
  respond(utterance: string, options?: RespondOptions): Promise<AgentTurn>;
  /** After barge-in: the caller heard only `textActuallyHeard` of turn `turnId`. */
  notePlayed(turnId: string, textActuallyHeard: string): void;
  history(): readonly HistoryEntry[];
  result(): ConversationResult;
  /** The session as plain JSON, to store between turns and pass back as `resume`. */
  snapshot(): SessionSnapshot;
}

const TROUBLE: Record<Language, string> = {
  en: "Sorry, I'm having a little trouble. Could you say that again?",
  es: "Perdón, estoy teniendo un pequeño problema. ¿Me lo puede repetir?",
};

export function createAgentSession(options: CreateAgentSessionOptions): AgentSession {
  const { db, businessId, callerPhone, channel, now, engine, log } = options;
  const resume = options.resume;
  if (resume && (resume.state.callerPhone !== callerPhone || resume.state.channel !== channel)) {
    throw new Error("A session can only be resumed for the same caller and channel.");
  }
  const state: ConversationState = resume
    ? structuredClone(resume.state)
    : { sessionId: options.sessionId ?? randomUUID(), channel, callerPhone, language: "en", history: [], scratch: {}, ended: false };
  const issuedSlotIds = new Set<string>(resume?.issuedSlotIds ?? []);
  const messages: TakenMessage[] = [...(resume?.messages ?? [])];
  let transfer: ConversationResult["transfer"] = resume?.transfer;
  let turnCount = resume?.counters.turns ?? 0;
  let callCount = resume?.counters.calls ?? 0;
  let callerTurns = resume?.counters.callerTurns ?? 0;
  let callerName: string | null = resume?.callerName ?? null;

  const nextTurnId = () => `t${turnCount++}`;

  return {
    id: state.sessionId,

    async greet({ onTextDelta } = {}) {
      const context = await loadAgentContext(db, { businessId, callerPhone, now: now() });
      state.language = context.business.languages[0] ?? "en";
      callerName = context.caller.name;
      const text = context.business.greeting ?? `Thanks for calling ${context.business.name}. How can I help you today?`;
      const turnId = nextTurnId();
      onTextDelta?.(text);
      state.history.push({ kind: "agent", turnId, text, fullText: text, interrupted: false, engine: "greeting" });
      return { turnId, text, language: state.language, tools: [], engine: "greeting" };
    },

    async respond(utterance, { signal, onTextDelta, onToolStart, onToolEnd } = {}) {
      if (signal?.aborted) throw abortError();
      const turnId = nextTurnId();
      state.history.push({ kind: "caller", turnId, text: utterance });
      state.ended = false;
      const turnNow = now();
      const context = await loadAgentContext(db, { businessId, callerPhone, now: turnNow });
      callerName ??= context.caller.name;
      state.language = pickLanguage(state.language, utterance, { supported: context.business.languages, firstUtterance: callerTurns === 0 });
      callerTurns += 1;

      const records: ToolCallRecord[] = [];
      const toolContext: ToolContext = { db, businessId, callerPhone, channel, now, sessionId: state.sessionId, issuedSlotIds, effects: {} };
      const tools = createToolBox(toolContext, {
        turnId,
        onToolStart,
        nextCallId: () => `c${++callCount}`,
        onRecord: (record) => {
          records.push(record);
          state.history.push({ kind: "tool", turnId, record });
          onToolEnd?.(record);
        },
        log: (error, tool) => log?.error({ err: error, tool, sessionId: state.sessionId }, "agent tool failed"),
      });
      const wrote = () => records.some((r) => r.ok && tools.definitions.find((d) => d.name === r.name)?.writes);
      // Abort stops the next tool call only until something has been written.
      const guardedTools = {
        definitions: tools.definitions,
        call: (name: string, args: unknown) => {
          if (signal?.aborted && !wrote()) throw abortError();
          return tools.call(name, args);
        },
      };
      const stream = createSentenceStream((s) => onTextDelta?.(s), () => !signal?.aborted);
      // The engine works on a copy of its memory, committed only when the turn completes.
      const scratchBefore = structuredClone(state.scratch);

      let text: string;
      let language = state.language;
      let answeredBy = engine.name;
      let usage: TurnUsage | undefined;
      try {
        const out = await engine.runTurn({ turnId, utterance, now: turnNow, context, state, tools: guardedTools, output: stream, signal });
        if (signal?.aborted && !wrote()) throw abortError();
        text = out.text;
        language = out.language;
        answeredBy = out.engine ?? engine.name;
        usage = out.usage;
        if (stream.text.trim().length === 0) stream.write(text);
      } catch (error) {
        if (isAbort(error) && !wrote()) {
          state.scratch = scratchBefore;
          throw error;
        }
        log?.error({ err: error, sessionId: state.sessionId, engine: engine.name }, "agent engine failed");
        state.scratch = scratchBefore;
        text = TROUBLE[state.language];
        stream.write(text);
      }
      stream.flush();
      state.language = language;

      const effects = toolContext.effects;
      if (effects.message) messages.push(effects.message);
      if (effects.transfer) transfer = effects.transfer;
      if (effects.end) state.ended = true;
      for (const r of records) {
        const name = (r.result as { customerName?: unknown }).customerName;
        if (r.ok && typeof name === "string") callerName = name;
      }
      state.history.push({ kind: "agent", turnId, text, fullText: text, interrupted: false, engine: answeredBy });
      return {
        turnId,
        text,
        language,
        tools: records,
        engine: answeredBy,
        ...(usage ? { usage } : {}),
        ...(effects.end ? { end: true } : {}),
        ...(effects.transfer ? { transfer: effects.transfer } : {}),
        ...(effects.message ? { message: effects.message } : {}),
      };
    },

    notePlayed(turnId, textActuallyHeard) {
      noteHeard(state.history, turnId, textActuallyHeard);
    },

    history: () => state.history,

    snapshot() {
      return structuredClone({
        version: 1 as const,
        state,
        issuedSlotIds: [...issuedSlotIds],
        counters: { turns: turnCount, calls: callCount, callerTurns },
        callerName,
        messages,
        ...(transfer ? { transfer } : {}),
      });
    },

    result() {
      return {
        sessionId: state.sessionId,
        language: state.language,
        ended: state.ended,
        ...(transfer ? { transfer } : {}),
        messages: [...messages],
        summary: summarizeConversation(state.history, { callerPhone, callerName }),
      };
    },
  };
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}
