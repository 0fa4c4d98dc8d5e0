/**
 * The agent's public shapes: what a channel (voice worker, SMS route, browser console, CLI) gets
 * back from an AgentSession, and the contract every engine (built-in now, OpenAI later)
 * implements. Engines never touch the database: they see the per-turn context and the
 * conversation, and act only through the ToolBox.
 */
import type { AgentContext } from "./context/agent-context";
import type { Language } from "./understanding/detect-language";

export type { Language };

/** Channels a conversation can run on; also the `channel` recorded on every write. */
export type AgentChannel = "phone" | "sms" | "console";

export interface ToolCallRecord {
  /** Unique within the session ("c3"). */
  id: string;
  turnId: string;
  name: string;
  /** The arguments as the engine passed them (before validation). */
  args: unknown;
  ok: boolean;
  /** Plain JSON the engine reads: `{ ok: true, … }` or `{ ok: false, error, message, … }`. */
  result: ToolResult;
  durationMs: number;
}

export type ToolResult = ({ ok: true } & Record<string, unknown>) | ToolFailure;

export interface ToolFailure {
  ok: false;
  /** AppError code (SLOT_TAKEN, OUTSIDE_HOURS, FORBIDDEN, NOT_FOUND, INVALID_INPUT, CONFLICT) or an agent code. */
  error: string;
  message: string;
  [key: string]: unknown;
}

/** A message the caller left for the business (take_message). */
export interface TakenMessage {
  text: string;
  callerName?: string;
  callbackPhone: string;
}

export interface AgentTurn {
  /** "t0" is the greeting; notePlayed takes this id. */
  turnId: string;
  text: string;
  language: Language;
  tools: ToolCallRecord[];
  /** The agent ended the conversation (end_conversation succeeded): hang up after playing `text`. */
  end?: boolean;
  /** transfer_to_human succeeded: connect the caller to `to` after playing `text`. */
  transfer?: { reason: string; to?: string };
  /** take_message stored a message during this turn. */
  message?: TakenMessage;
  /** Which engine produced the turn (a fallback engine names the one that actually answered). */
  engine: string;
  /** Tokens an LLM spent on this turn (absent when no LLM answered), for billing. */
  usage?: TurnUsage;
}

/** An LLM's token use for one turn: every request of the turn added up (tool rounds included). */
export interface TurnUsage {
  /** The model as the API named it in its answer (e.g. "gpt-4.1-mini-2025-04-14"). */
  model: string;
  inputTokens: number;
  outputTokens: number;
}

export interface RespondOptions {
  /** Aborting (barge-in, hang-up) stops the turn before its next tool call; see AgentSession.respond. */
  signal?: AbortSignal;
  /** Text as it becomes sayable, one or more whole sentences at a time. */
  onTextDelta?: (text: string) => void;
  /** A tool is about to run (the voice worker may say a short filler). */
  onToolStart?: (toolName: string) => void;
  /** A tool call finished (the test console shows it live). */
  onToolEnd?: (record: ToolCallRecord) => void;
}

export type HistoryEntry =
  | { kind: "caller"; turnId: string; text: string }
  | {
      kind: "agent";
      turnId: string;
      /** What the agent said, or after notePlayed what the caller actually heard. */
      text: string;
      /** The full reply, kept when barge-in trimmed `text`. */
      fullText: string;
      /** notePlayed reported that playback stopped before the end. */
      interrupted: boolean;
      engine: string;
    }
  | { kind: "tool"; turnId: string; record: ToolCallRecord };

/** What persists between turns. Engines may keep private memory under `scratch[engine.name]`. */
export interface ConversationState {
  readonly sessionId: string;
  readonly channel: AgentChannel;
  readonly callerPhone: string;
  language: Language;
  history: HistoryEntry[];
  scratch: Record<string, unknown>;
  ended: boolean;
}

export interface ToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the arguments (for an LLM's function calling). */
  parameters: Record<string, unknown>;
  /** The tool writes to the database. */
  writes: boolean;
}

/** The only way an engine touches data. `call` validates the arguments and never throws, except AbortError. */
export interface ToolBox {
  readonly definitions: readonly ToolDefinition[];
  call(name: string, args: unknown): Promise<ToolResult>;
}

/** Receives reply text as it is produced; the session delivers it to onTextDelta at sentence boundaries. */
export interface TextOutput {
  write(delta: string): void;
}

export interface EngineTurnInput {
  turnId: string;
  utterance: string;
  /** The session's clock for this turn ("tomorrow" is relative to it, in the business's zone). */
  now: Date;
  /** Loaded fresh for this turn: today in the business's zone, hours, services, FAQ, caller, upcoming appointments. */
  context: AgentContext;
  /** The conversation so far, this caller utterance included as the last history entry. */
  state: ConversationState;
  tools: ToolBox;
  output: TextOutput;
  signal?: AbortSignal;
}

export interface EngineTurnOutput {
  /** The whole reply (everything written to `output`, or more if the engine did not stream). */
  text: string;
  /** The language the reply is in (the caller's). */
  language: Language;
  /** The engine that answered, when it differs from the one called (fallbacks). */
  engine?: string;
  /** Tokens spent, for engines that call an LLM. */
  usage?: TurnUsage;
}

export interface AgentEngine {
  readonly name: string;
  runTurn(input: EngineTurnInput): Promise<EngineTurnOutput>;
}
