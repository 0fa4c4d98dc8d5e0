// What one call leaves in the database, written as the call goes: transcript turns and per-turn
// latency are appended (in order, one write at a time, never blocking the audio path), and the
// outcome, usage and estimated cost are written once when the call ends. A failed write is
// logged, never thrown: losing a log line must not drop a caller.
import { appendCallRecord } from "../../../server/calls/append-call-record";
import type { CallOutcome, CallUsage, TranscriptTurn, TurnLatency } from "../../../server/calls/call-record-types";
import { estimateCallCostMicros } from "../../../server/calls/call-cost";
import { finishCall, strongerOutcome } from "../../../server/calls/finish-call";
import type { Db } from "../../../server/db";
import type { Logger } from "../../../server/logger";

export class CallRecord {
  outcome: CallOutcome | null = null;
  summary: string | undefined;
  readonly usage: CallUsage = {};
  private writes: Promise<void> = Promise.resolve();
  private turnCount = 0;

  constructor(
    private readonly db: Db,
    private readonly callId: string,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  /** Transcript turn number for the next latency entry. */
  nextTurn(): number {
    return ++this.turnCount;
  }

  addTurn(turn: Omit<TranscriptTurn, "at"> & { at?: Date }): void {
    if (!turn.text && !turn.dtmf && !turn.heardEstimate) return;
    const entry: TranscriptTurn = { ...turn, at: (turn.at ?? this.now()).toISOString() };
    this.write({ transcript: [entry] });
  }

  addLatency(latency: TurnLatency): void {
    this.write({ latency: [latency] });
  }

  noteOutcome(outcome: CallOutcome, summary?: string): void {
    this.outcome = strongerOutcome(this.outcome, outcome);
    if (summary) this.summary = summary;
  }

  /** Waits for the appends queued so far. */
  flush(): Promise<void> {
    return this.writes;
  }

  async finish(fallbackOutcome: CallOutcome): Promise<void> {
    await this.flush();
    const outcome = this.outcome ?? fallbackOutcome;
    try {
      await finishCall(
        this.db,
        { callId: this.callId, outcome, usage: this.usage, estimatedCostMicros: estimateCallCostMicros(this.usage), summary: this.summary },
        { now: this.now() },
      );
    } catch (error) {
      this.log.error({ err: error }, "could not write the end of the call");
    }
  }

  private write(entries: { transcript?: TranscriptTurn[]; latency?: TurnLatency[] }): void {
    this.writes = this.writes.then(() =>
      appendCallRecord(this.db, { callId: this.callId, ...entries }).catch((error: unknown) => {
        this.log.error({ err: error }, "could not append to the call record");
      }),
    );
  }
}
