// One phone call, from Twilio's `start` to its end: the cascade pipeline (caller audio → VAD and
// endpointing → speech-to-text → conversation → sentence-by-sentence text-to-speech → paced
// frames with marks), turn-taking and barge-in, the keypad, idle re-prompts, the time limit, the
// call record, and the actions that end a call (hang up, transfer, message). One object per call;
// calls share nothing but read-only configuration, the providers and the pacer's clock.
//
// Turns run one at a time. A new turn (a digit, the end of a caller's utterance) interrupts the
// reply in progress: `clear` to Twilio, abort the conversation and text-to-speech, and keep in
// the transcript (and tell the conversation) only the words Twilio confirmed as played.
//
// Longer than most files here on purpose: every event (audio, key, mark, timer, failure) reads and
// changes the same turn state, and that is easier to follow in one place. What stands alone lives
// beside it: call-actions.ts, call-record.ts, turn-latency.ts, pipeline/speech-input.ts and
// pipeline/reply-speaker.ts.
import { parseSettingsSection } from "../../../server/businesses/business-settings";
import type { ClaimedCall } from "../../../server/calls/claim-stream-token";
import type { CallOutcome } from "../../../server/calls/call-record-types";
import type { Logger } from "../../../server/logger";
import { staticReply, type CallAction, type CallConversation, type ConversationCall, type Reply } from "../conversation";
import { KeypadConversation } from "../keypad/keypad-conversation";
import { MediaOutput, type SegmentHandle } from "../media-stream/media-output";
import type { CallHandler, StreamInfo } from "../media-stream/stream-connection";
import { evaluateBargeIn } from "../pipeline/barge-in";
import { newPlayedReply, ReplySpeaker, type PlayedReply } from "../pipeline/reply-speaker";
import { SpeechInput, type CallerTurn } from "../pipeline/speech-input";
import type { SttSession } from "../providers/stt/speech-to-text";
import type { TtsSession } from "../providers/tts/text-to-speech";
import { CallActions } from "./call-actions";
import { CallRecord } from "./call-record";
import type { SessionServices } from "./session-services";
import { turnLatency, type TurnTimingMarks } from "./turn-latency";

interface Turn {
  utteranceId: string;
  input: "greeting" | "speech" | "keypad" | "system";
  controller: AbortController;
  timing: TurnTimingMarks;
  interrupted: boolean;
  firstFrameAt?: number;
  /** Filled in while the reply plays. */
  played: PlayedReply;
  /** Its transcript turn is written (at the interruption, so the transcript stays in order). */
  recorded: boolean;
  /** Words the worker says before the conversation's reply (the recording notice). */
  preamble?: string;
}

const IDLE_GOODBYE = "I haven't heard anything, so I'll end the call now. Please call again any time. Goodbye.";
const TIME_LIMIT_GOODBYE = "I'm sorry, we've reached the time limit for this call. Please call again if you need anything else. Goodbye.";
const TECHNICAL_TROUBLE = "Sorry, something went wrong on our side.";
const RECORDING_NOTICE = "This call may be recorded.";
/** How long the end of a call waits for the conversation's summary. */
const SUMMARY_WAIT_MS = 5000;

export class CallSession implements CallHandler {
  readonly log: Logger;
  readonly record: CallRecord;
  readonly output: MediaOutput;
  readonly conversationCall: ConversationCall;
  readonly done: Promise<void>;
  conversation: CallConversation;
  ended = false;

  private resolveDone!: () => void;
  private readonly speaker: ReplySpeaker;
  private readonly actions: CallActions;
  private speechInput: SpeechInput;
  private stt: SttSession | null;
  /** Caller speech drives the conversation (false: keypad mode, no or failed speech-to-text). */
  private speechMode: boolean;
  private tts: TtsSession;
  private keypad: KeypadConversation | null = null;
  private current: Turn | null = null;
  private turnChain: Promise<void> = Promise.resolve();
  private readonly drains = new Set<Promise<void>>();
  private utterances = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private idleCount = 0;
  private readonly maxTimer: NodeJS.Timeout;
  private timeUp = false;
  /** Inbound audio goes here instead of the pipeline while a local message is recorded. */
  messageSink: ((frame: Uint8Array, nowMs: number) => void) | null = null;
  digitSink: ((digit: string) => void) | null = null;

  constructor(
    readonly services: SessionServices,
    readonly call: ClaimedCall,
    readonly stream: StreamInfo,
  ) {
    this.log = services.log;
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.record = new CallRecord(services.db, call.id, this.log, services.now);
    this.output = new MediaOutput({
      streamSid: stream.streamSid,
      send: stream.send,
      pacer: services.pacer,
      now: () => performance.now(),
      metrics: services.metrics,
      onSegmentStart: (segment, now) => this.onSegmentStart(segment, now),
    });
    const { stt, tts } = services.providers;
    this.stt = stt ? stt.openSession({ log: this.log }) : null;
    this.tts = tts.openSession({ log: this.log });
    this.speechMode = this.stt !== null;
    this.speaker = new ReplySpeaker({
      output: this.output,
      tts: () => this.tts,
      onTtsFailure: (error) => this.ttsFailed(error),
      onOutcome: (outcome, detail) => this.noteOutcome(outcome, detail),
      onUsage: (usage) => {
        this.record.usage.llmModel = usage.model;
        this.record.usage.llmInputTokens = (this.record.usage.llmInputTokens ?? 0) + usage.inputTokens;
        this.record.usage.llmOutputTokens = (this.record.usage.llmOutputTokens ?? 0) + usage.outputTokens;
      },
      fillerDelayMs: services.config.fillerDelayMs,
    });
    this.speechInput = this.newSpeechInput();
    this.conversationCall = {
      callId: call.id,
      businessId: call.businessId,
      businessName: call.business.name,
      timezone: call.business.timezone,
      callerNumber: call.fromNumber,
      customerId: call.customerId,
      speechInput: this.stt !== null,
    };
    const deps = { db: services.db, now: services.now, log: this.log };
    if (this.stt && services.conversationFactory) {
      this.conversation = services.conversationFactory(this.conversationCall, deps);
      if (this.conversation instanceof KeypadConversation) this.keypad = this.conversation;
    } else {
      this.keypad = new KeypadConversation(this.conversationCall, deps);
      this.conversation = this.keypad;
    }
    this.actions = new CallActions(this);
    this.maxTimer = setTimeout(() => this.onTimeUp(), services.config.maxCallMs);
  }

  /** The greeting: starts speaking within a second of `start` (usually well under). */
  begin(): void {
    const { recordCalls } = parseSettingsSection("agent", (this.call.business.settings as { agent?: unknown } | null)?.agent);
    if (recordCalls) this.actions.startRecording();
    const preamble = recordCalls ? RECORDING_NOTICE : undefined;
    this.runTurn(
      "greeting",
      async (signal) => {
        const greeting = await this.conversation.start({ signal });
        return staticReply(preamble ? `${preamble} ${greeting}` : greeting);
      },
      { requestedAt: this.stream.startedAt },
      { preamble },
    );
  }

  // ---- Twilio events ----

  onMedia(audio: Uint8Array, nowMs: number): void {
    if (this.ended) return;
    this.actions.recorder?.inbound(audio, nowMs);
    if (this.messageSink) return this.messageSink(audio, nowMs);
    this.speechInput.push(audio, nowMs);
    this.checkBargeIn(nowMs);
  }

  onDigit(digit: string): void {
    if (this.ended) return;
    if (this.digitSink) return this.digitSink(digit);
    if (this.actions.busy) return;
    this.callerActive();
    this.interrupt();
    this.record.addTurn({ speaker: "caller", text: `[pressed ${digit}]`, dtmf: digit });
    this.runTurn(
      "keypad",
      (signal) => {
        const reply = this.conversation.onDigit(digit, { signal });
        if (reply) return reply;
        // This conversation does not use keys: the keypad menu takes over and gets the digit.
        return this.switchToKeypad("the caller pressed a key").onDigit(digit, { signal });
      },
      { requestedAt: performance.now() },
    );
  }

  onMark(name: string): void {
    if (!this.ended) this.output.markReceived(name);
  }

  // ---- turns ----

  /** Starts a reply, interrupting the one in progress. */
  runTurn(
    input: Turn["input"],
    produce: (signal: AbortSignal) => Reply | Promise<Reply>,
    timing: Turn["timing"],
    extra: { preamble?: string } = {},
  ): void {
    if (this.ended) return;
    this.cancelIdle();
    if (this.current) this.interrupt();
    const turn: Turn = {
      utteranceId: `u${++this.utterances}`,
      input,
      controller: new AbortController(),
      timing,
      interrupted: false,
      played: newPlayedReply(),
      recorded: false,
      preamble: extra.preamble,
    };
    this.current = turn;
    this.turnChain = this.turnChain
      .then(() => this.playTurn(turn, produce))
      .catch((error: unknown) => this.turnFailed(error, turn));
  }

  /** Barge-in: stop the reply in progress and clear what Twilio has buffered. */
  interrupt(): void {
    const turn = this.current;
    if (!turn) return;
    this.current = null;
    if (this.output.isSpeaking()) {
      turn.interrupted = true;
      this.output.clear();
      this.recordAgentTurn(turn);
    }
    turn.controller.abort();
  }

  /** The agent's turn as the caller heard it, into the transcript and the conversation's memory. */
  private recordAgentTurn(turn: Turn): void {
    if (turn.recorded) return;
    turn.recorded = true;
    const tracker = this.output.tracker;
    const played = turn.played;
    // Cut short (barge-in, a new turn, hang-up): only what Twilio confirmed as played counts.
    const cut = turn.interrupted || turn.controller.signal.aborted;
    const heard = cut ? tracker.playedText(turn.utteranceId) : played.spokenText;
    this.record.addTurn({
      speaker: "agent",
      text: heard,
      ...(cut ? { interrupted: true, heardEstimate: tracker.playedText(turn.utteranceId, { includePartial: true }) } : {}),
    });
    // The conversation hears about its own words only: not our prompts, notices or fillers.
    if (turn.input !== "system" && (played.spokenText || played.text)) {
      this.conversation.notePlayed({
        heardText: withoutLead(withoutLead(heard, turn.preamble), played.filler),
        fullText: withoutLead(played.text.trim(), turn.preamble),
        interrupted: cut,
      });
    }
  }

  /** Says `text` outside the turn machinery (inside actions) and waits until it has played. */
  async say(text: string, extra?: { beep?: Uint8Array }): Promise<void> {
    if (this.ended) return;
    const utteranceId = `u${++this.utterances}`;
    const controller = new AbortController();
    const played = await this.speaker.play(staticReply(text), { utteranceId, signal: controller.signal, timing: { requestedAt: performance.now() } });
    if (extra?.beep) {
      const segment = this.output.beginSegment(utteranceId, "");
      this.output.pushAudio(segment, extra.beep);
      this.output.endSegment(segment);
    }
    await this.output.whenIdle();
    this.record.addTurn({ speaker: "agent", text: played.spokenText });
    this.output.tracker.forget(utteranceId);
  }

  noteOutcome(outcome: CallOutcome, detail?: string): void {
    this.record.noteOutcome(outcome);
    this.log.info({ outcome, detail }, "call outcome");
  }

  /** Ends the call's processing and writes its record. Idempotent; resolves when written. */
  async end(reason: string, fallbackOutcome: CallOutcome): Promise<void> {
    if (this.ended) return this.done;
    this.ended = true;
    clearTimeout(this.maxTimer);
    this.cancelIdle();
    this.current?.controller.abort();
    this.current = null;
    this.speechInput.close();
    this.output.close();
    this.conversation.close?.();
    await this.actions.finishLocalMessage();
    this.tts.close();
    this.stt?.close();
    // A reply aborted by the hang-up may still report what it achieved (a booking that committed).
    await Promise.allSettled([...this.drains]);
    await this.summarizeConversation();
    const usage = this.record.usage;
    if (this.stt) {
      usage.sttSeconds = Math.round(this.stt.audioSeconds * 10) / 10;
      usage.sttModel = this.services.providers.stt?.model;
      usage.sttRequests = this.stt.requests;
    }
    usage.ttsCharacters = this.tts.characters;
    usage.ttsProvider = this.services.providers.tts.name;
    usage.callSeconds = Math.round((performance.now() - this.stream.startedAt) / 1000);
    usage.telephony = this.services.callControl.kind === "twilio" ? "twilio" : "simulator";
    await this.actions.saveCallRecording();
    await this.record.finish(fallbackOutcome);
    this.services.metrics.callsEnded++;
    this.log.info({ reason, outcome: this.record.outcome ?? fallbackOutcome }, "call ended");
    this.resolveDone();
  }

  /** Agent-side end: write the record, then hang up through Twilio (or tell the simulator). */
  async hangUp(reason: string, fallbackOutcome: CallOutcome = "information"): Promise<void> {
    await this.end(reason, fallbackOutcome);
    await this.services.callControl.hangUp(this.controlled());
  }

  /** For transcribing a message (may be null: no speech-to-text configured). */
  get sttSession(): SttSession | null {
    return this.stt;
  }

  controlled() {
    return { callId: this.call.id, callSid: this.stream.callSid, closeSocket: (code: number, reason: string) => this.stream.close(code, reason) };
  }

  /** Speech-to-text or the agent failed: continue the call on the keypad menu. */
  switchToKeypad(why: string): KeypadConversation {
    if (this.keypad && this.conversation === this.keypad) return this.keypad;
    this.log.warn({ why }, "switching the call to the keypad menu");
    this.conversation.close?.();
    this.keypad = new KeypadConversation({ ...this.conversationCall, speechInput: false }, { db: this.services.db, now: this.services.now, log: this.log });
    this.conversation = this.keypad;
    // Speech no longer drives the call; the VAD keeps running for idle detection. The
    // speech-to-text session stays open to transcribe a message, if one is left.
    this.speechMode = false;
    this.speechInput.close();
    this.speechInput = this.newSpeechInput(null);
    return this.keypad;
  }

  /** Call.summary from the conversation (the agent's account), ahead of any the actions wrote. */
  private async summarizeConversation(): Promise<void> {
    const summarize = this.conversation.summarize?.bind(this.conversation);
    if (!summarize) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), SUMMARY_WAIT_MS)));
    try {
      const summary = await Promise.race([summarize(), timeout]);
      if (summary) this.record.summary = this.record.summary ? `${summary} ${this.record.summary}.` : summary;
    } catch (error) {
      this.log.warn({ err: error instanceof Error ? error.message : error }, "could not summarize the call");
    } finally {
      clearTimeout(timer);
    }
  }

  private async playTurn(turn: Turn, produce: (signal: AbortSignal) => Reply | Promise<Reply>): Promise<void> {
    const signal = turn.controller.signal;
    if (signal.aborted || this.ended) return;
    const reply = await produce(signal);
    const played = await this.speaker.play(reply, { utteranceId: turn.utteranceId, signal, timing: turn.timing, result: turn.played });
    if (played.aborted) {
      this.drains.add(played.drained);
      void played.drained.finally(() => this.drains.delete(played.drained));
    } else {
      await this.output.whenIdle();
    }
    if (this.current === turn) this.current = null;
    this.recordAgentTurn(turn);
    this.output.tracker.forget(turn.utteranceId);
    if (signal.aborted || this.ended) return;
    if (played.action) await this.perform(played.action);
    else this.armIdle();
  }

  private async perform(action: CallAction): Promise<void> {
    if (action.kind === "hangup") return this.hangUp("conversation ended");
    if (action.kind === "transfer") return this.actions.transfer();
    return this.actions.takeMessage();
  }

  private async turnFailed(error: unknown, turn: Turn): Promise<void> {
    if (this.ended || turn.controller.signal.aborted) return;
    if (this.current === turn) this.current = null;
    this.log.error({ err: error, input: turn.input }, "turn failed");
    if (this.conversation !== this.keypad) {
      const keypad = this.switchToKeypad("the conversation failed");
      this.runTurn("system", async () => staticReply(`${TECHNICAL_TROUBLE} ${await keypad.takeOver()}`), { requestedAt: performance.now() });
      return;
    }
    // The keypad itself failed (the database is unreachable): end the call and let Twilio's
    // fallback TwiML take a message.
    await this.say(`${TECHNICAL_TROUBLE} Please leave a message after the tone.`).catch(() => undefined);
    await this.end("technical failure", "failed");
    this.stream.close(1011, "technical failure");
  }

  private onCallerTurn(turn: CallerTurn): void {
    if (this.ended || this.actions.busy) return;
    if (!this.speechMode) {
      // Keypad mode: speech cannot be understood; the menu says so (once per menu).
      this.runTurn("speech", (signal) => this.conversation.onCallerTurn("", { signal }), { requestedAt: performance.now(), endOfTurnAt: turn.endOfTurnAt, endpointingMs: turn.endpointingMs, sttFinalMs: 0 });
      return;
    }
    if (!turn.text) return this.armIdle();
    this.interrupt();
    this.record.addTurn({ speaker: "caller", text: turn.text });
    this.runTurn("speech", (signal) => this.conversation.onCallerTurn(turn.text, { signal }), {
      requestedAt: performance.now(),
      endOfTurnAt: turn.endOfTurnAt,
      endpointingMs: turn.endpointingMs,
      sttFinalMs: turn.sttFinalMs,
    });
  }

  private checkBargeIn(nowMs: number): void {
    const turn = this.current;
    if (!turn || !this.speechMode || !this.output.isSpeaking(nowMs)) return;
    const decision = evaluateBargeIn({
      nowMs,
      playbackStartedAtMs: this.output.tracker.playbackStartedAtMs(nowMs),
      callerSpeechStartedAtMs: this.speechInput.speechStartedAtMs,
      partialTranscript: this.speechInput.partialTranscript,
    });
    if (!decision.interrupt) return;
    this.log.info({ reason: decision.reason, utteranceId: turn.utteranceId }, "barge-in");
    this.interrupt();
  }

  private onSegmentStart(segment: SegmentHandle, nowMs: number): void {
    const turn = this.current;
    if (!turn || turn.utteranceId !== segment.utteranceId || turn.firstFrameAt !== undefined) return;
    turn.firstFrameAt = nowMs;
    const input = turn.input === "greeting" ? "greeting" : turn.input === "speech" ? "speech" : "keypad";
    const latency = turnLatency(this.record.nextTurn(), input, turn.timing, nowMs);
    this.record.addLatency(latency);
    if (input === "greeting") this.services.metrics.greetingMs.record(latency.totalMs);
    else if (input === "speech") this.services.metrics.turnOverheadMs.record(latency.workerOverheadMs);
  }

  private newSpeechInput(stt: SttSession | null = this.stt): SpeechInput {
    return new SpeechInput(
      stt,
      {
        speechStarted: () => this.callerActive(),
        turn: (turn) => this.onCallerTurn(turn),
        sttFailed: () => {
          const keypad = this.switchToKeypad("speech-to-text failed");
          this.runTurn("system", async () => staticReply(`Sorry, I'm having trouble hearing you. ${await keypad.takeOver()}`), { requestedAt: performance.now() });
        },
      },
      this.log,
      { vad: this.services.config.vad, endpointing: this.services.config.endpointing },
    );
  }

  private ttsFailed(error: unknown): TtsSession | null {
    const local = this.services.providers.fallbackTts;
    this.log.warn({ err: error instanceof Error ? error.message : error }, "text-to-speech failed; continuing with the local voice");
    if (local === this.services.providers.tts) return null;
    this.tts.close();
    this.tts = local.openSession({ log: this.log });
    return this.tts;
  }

  private callerActive(): void {
    this.idleCount = 0;
    this.cancelIdle();
  }

  private armIdle(): void {
    if (this.ended || this.timeUp) return;
    this.cancelIdle();
    this.idleTimer = setTimeout(() => this.onIdle(), this.services.config.idleMs);
  }

  private cancelIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private onIdle(): void {
    this.idleTimer = null;
    if (this.ended || this.current || this.actions.busy) return;
    this.idleCount++;
    if (this.idleCount >= 2) {
      this.runTurn("system", () => staticReply(IDLE_GOODBYE, { action: { kind: "hangup" } }), { requestedAt: performance.now() });
      this.record.noteOutcome("abandoned");
      return;
    }
    const text = this.conversation.reprompt?.(this.idleCount) ?? "Are you still there? How can I help?";
    this.runTurn("system", () => staticReply(text), { requestedAt: performance.now() });
  }

  private onTimeUp(): void {
    if (this.ended) return;
    this.timeUp = true;
    this.log.warn("maximum call length reached");
    // If even the goodbye cannot finish (audio stuck, marks lost), end anyway.
    setTimeout(() => void this.hangUp("maximum call length", "abandoned"), 15_000).unref();
    // A message being recorded finishes on its own (it has its own length limit).
    if (this.actions.busy) return;
    this.runTurn("system", () => staticReply(TIME_LIMIT_GOODBYE, { action: { kind: "hangup" } }), { requestedAt: performance.now() });
  }

}

/** `text` without the words the worker put before the conversation's own (a filler, a notice). */
function withoutLead(text: string, lead: string | undefined): string {
  if (!lead) return text;
  if (text.startsWith(lead)) return text.slice(lead.length).trimStart();
  // Cut off while the lead itself was playing: none of the conversation's words were heard.
  return lead.startsWith(text) ? "" : text;
}
