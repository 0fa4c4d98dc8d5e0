// The seam between the call's audio plumbing and whatever decides what to say. A CallConversation
// gets the caller's turns as text (speech-to-text output, or keypad digits) and answers with a
// stream of reply events: text to speak (streamed, spoken sentence by sentence as it arrives),
// "a tool is running" (the worker may say a short filler), outcomes, and an action to take once
// the reply has played (hang up, transfer, take a message). It never sees audio, sockets or Twilio.
//
// Implementations: the receptionist agent (agent-conversation.ts, an adapter over server/agent's
// AgentSession; calls with speech-to-text get it) and the keypad menu (keypad/keypad-conversation.ts;
// calls without speech-to-text, and the fallback whenever speech-to-text or the agent fails).
import type { CallOutcome } from "../../server/calls/call-record-types";

/** What the worker does after a reply has finished playing. */
export type CallAction =
  | { kind: "hangup" }
  /** Connect the caller to a person (the worker finds the number and checks transfer hours). */
  | { kind: "transfer"; reason?: string }
  /** Record a message from the caller (Twilio <Record>, or locally with the simulator). */
  | { kind: "take-message" };

export type ReplyEvent =
  /** Text to say. Deltas may be words or whole sentences; the worker splits sentences itself. */
  | { type: "text"; delta: string }
  /** A tool (database lookup, booking) started; the worker says a filler if nothing is playing. */
  | { type: "tool-start"; name: string }
  /** Something the call achieved, for Call.outcome (the strongest one wins). */
  | { type: "outcome"; outcome: CallOutcome; detail?: string }
  /** Usage to bill to this call (LLM tokens). */
  | { type: "usage"; model: string; inputTokens: number; outputTokens: number }
  /** Last event of a reply: what to do once it has played. */
  | { type: "done"; action?: CallAction };

export type Reply = AsyncIterable<ReplyEvent>;

export interface TurnOptions {
  /** Aborted on barge-in or hang-up: stop producing events (and cancel LLM calls) promptly. */
  signal: AbortSignal;
}

export interface CallConversation {
  /** The greeting. Must be quick: the worker must start speaking within 1 s of the stream start. */
  start(options: TurnOptions): Promise<string>;
  /** A finished caller utterance (speech-to-text output). Empty text: speech nobody could transcribe. */
  onCallerTurn(text: string, options: TurnOptions): Reply;
  /**
   * A keypad digit. Return null when this conversation does not use the keypad: the worker then
   * switches the call to the keypad menu and hands it the digit.
   */
  onDigit(digit: string, options: TurnOptions): Reply | null;
  /**
   * What the caller actually heard of the last reply this conversation produced (from Twilio's
   * marks), and whether they cut it short. Conversations that keep history (an LLM's context) must
   * replace their record of the reply with `heardText`. Both texts hold only the conversation's own
   * words: the worker's fillers and notices are taken out, and its own prompts (idle re-prompts,
   * apologies) are not reported.
   */
  notePlayed(played: { heardText: string; fullText: string; interrupted: boolean }): void;
  /** The caller has been silent: what to say to prompt them (null: the worker's default). */
  reprompt?(attempt: number): string | null;
  /** The call is over (hang-up, transfer, time limit). Release resources; abort pending work. */
  close?(): void;
  /**
   * A short account of the call for Call.summary, asked for once at the end (after close, once
   * replies cut by the hang-up have finished). The worker waits for it a few seconds at most.
   */
  summarize?(): Promise<string | null>;
}

/** Everything a conversation needs to know about the call it serves. */
export interface ConversationCall {
  callId: string;
  businessId: string;
  businessName: string;
  timezone: string;
  /** Caller ID: E.164, or a word such as "anonymous" when withheld. */
  callerNumber: string;
  customerId: string | null;
  /** Speech-to-text is available: the caller can talk, not only press keys. */
  speechInput: boolean;
}

/**
 * A push-to-pull adapter for callback-style producers (an agent's onTextDelta/onToolStart): push
 * events as they happen, end with `finish`, and hand `stream` to the worker as the Reply.
 */
export class ReplyChannel {
  private readonly queue: ReplyEvent[] = [];
  private waiting: { resolve: (value: IteratorResult<ReplyEvent>) => void; reject: (error: unknown) => void } | null = null;
  private finished = false;
  private failure: unknown = null;

  push(event: ReplyEvent): void {
    if (this.finished) return;
    this.queue.push(event);
    this.wake();
  }

  /** Ends the stream after a final `done` event carrying `action`. */
  finish(action?: CallAction): void {
    this.push({ type: "done", action });
    this.finished = true;
    this.wake();
  }

  fail(error: unknown): void {
    if (this.finished) return;
    this.failure = error;
    this.finished = true;
    this.wake();
  }

  readonly stream: Reply = {
    [Symbol.asyncIterator]: () => ({
      next: () =>
        new Promise<IteratorResult<ReplyEvent>>((resolve, reject) => {
          this.waiting = { resolve, reject };
          this.wake();
        }),
      return: () => {
        this.finished = true;
        this.queue.length = 0;
        return Promise.resolve({ value: undefined, done: true });
      },
    }),
  };

  private wake(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    const event = this.queue.shift();
    if (event) {
      this.waiting = null;
      waiting.resolve({ value: event, done: false });
    } else if (this.finished) {
      this.waiting = null;
      if (this.failure) waiting.reject(this.failure);
      else waiting.resolve({ value: undefined, done: true });
    }
  }
}

/** A whole reply known up front (keypad prompts, fixed sentences). */
export async function* staticReply(text: string, extra: { action?: CallAction; outcome?: CallOutcome } = {}): Reply {
  if (extra.outcome) yield { type: "outcome", outcome: extra.outcome };
  if (text) yield { type: "text", delta: text };
  yield { type: "done", action: extra.action };
}
