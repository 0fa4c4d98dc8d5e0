// Everything the worker sends back to Twilio on one call, in order: audio cut into whole 160-byte
// frames and paced at real time (FramePacer), a mark after each segment (sentence) so we learn
// when it has played, and `clear` on barge-in. The PlaybackTracker is told about each segment and
// frame as it actually leaves, so it always knows what the caller has been sent and heard.
//
// Audio is queued as ready-to-send JSON strings: base64 and JSON encoding happen when TTS audio
// arrives, so a pacer tick only hands strings to the socket.
import type { WorkerMetrics } from "../metrics";
import { PlaybackTracker, type ClearSummary, type MarkOutcome } from "../pipeline/playback-tracker";
import { FramePacker } from "./frame-packer";
import { MULAW_FRAME_BYTES } from "./mulaw";
import type { FramePacer, PacedStream } from "./pacer";
import { buildClearMessage, buildMarkMessage, buildMediaMessage } from "./protocol";

const FRAME_MS = 20;
/** After a stall longer than this (a GC pause, a blocked loop) the schedule restarts instead of bursting. */
const MAX_CATCH_UP_MS = 200;

type QueueEntry = string | { kind: "begin"; segment: SegmentHandle } | { kind: "end"; segment: SegmentHandle };

export interface SegmentHandle {
  readonly utteranceId: string;
  readonly text: string;
  /** Increments on every clear; a handle from before a clear is dead. */
  readonly generation: number;
}

export interface MediaOutputOptions {
  streamSid: string;
  send: (message: string) => void;
  pacer: FramePacer;
  now: () => number;
  metrics?: WorkerMetrics;
  tracker?: PlaybackTracker;
  /** A segment's first frame has just been sent. */
  onSegmentStart?: (segment: SegmentHandle, nowMs: number) => void;
  /** Every frame as it leaves (call recording). */
  onFrameSent?: (frame: Uint8Array, nowMs: number) => void;
}

export class MediaOutput implements PacedStream {
  readonly tracker: PlaybackTracker;
  private readonly options: MediaOutputOptions;
  private readonly packer = new FramePacker();
  private queue: QueueEntry[] = [];
  private head = 0;
  private frames = 0;
  private nextDueMs = Number.NEGATIVE_INFINITY;
  /** No audio was queued when the last frame slot came: the next audio starts a new schedule. */
  private dry = true;
  private generation = 0;
  private closed = false;
  private idleWaiters: Array<() => void> = [];
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(options: MediaOutputOptions) {
    this.options = options;
    this.tracker = options.tracker ?? new PlaybackTracker();
  }

  beginSegment(utteranceId: string, text: string): SegmentHandle {
    const segment: SegmentHandle = { utteranceId, text, generation: this.generation };
    this.enqueue({ kind: "begin", segment });
    return segment;
  }

  /** Queues μ-law audio of `segment` (any length; whole frames are cut here). */
  pushAudio(segment: SegmentHandle, mulaw: Uint8Array): void {
    if (this.closed || segment.generation !== this.generation || mulaw.length === 0) return;
    const before = this.frames;
    this.packer.push(mulaw, (frame) => {
      this.queue.push(buildMediaMessage(this.options.streamSid, frame));
      this.frames++;
    });
    if (this.frames !== before) this.startFrames();
  }

  /** Ends `segment`: pads its last partial frame with silence and queues its mark. */
  endSegment(segment: SegmentHandle): void {
    if (this.closed || segment.generation !== this.generation) return;
    const before = this.frames;
    this.packer.flush((frame) => {
      this.queue.push(buildMediaMessage(this.options.streamSid, frame));
      this.frames++;
    });
    if (this.frames !== before) this.startFrames();
    this.enqueue({ kind: "end", segment });
  }

  /**
   * Barge-in: drops everything queued, tells Twilio to discard what it buffered, and marks every
   * unconfirmed segment as discarded. Handles issued before this call stop working.
   */
  clear(): ClearSummary {
    const now = this.options.now();
    this.generation++;
    this.queue = [];
    this.head = 0;
    this.frames = 0;
    this.packer.reset();
    this.nextDueMs = Number.NEGATIVE_INFINITY;
    this.dry = true;
    this.options.pacer.remove(this);
    if (!this.closed) this.options.send(buildClearMessage(this.options.streamSid));
    const summary = this.tracker.clearIssued(now);
    this.checkIdle();
    return summary;
  }

  markReceived(name: string): MarkOutcome {
    const outcome = this.tracker.markReceived(name, this.options.now());
    this.checkIdle();
    return outcome;
  }

  /** Audio queued here or playing at Twilio. */
  isSpeaking(nowMs = this.options.now()): boolean {
    return this.pendingEntries > 0 || this.tracker.isSpeaking(nowMs);
  }

  /** Resolves once everything sent has played (every mark echoed, or the audio clock ran out). */
  whenIdle(): Promise<void> {
    if (!this.isSpeaking()) return Promise.resolve();
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.armIdleTimer();
    });
  }

  /** Receives every frame as it is sent (call recording). */
  tapFrames(tap: (frame: Uint8Array, nowMs: number) => void): void {
    this.options.onFrameSent = tap;
  }

  /** The call is over: drop the queue and stop sending. */
  close(): void {
    this.closed = true;
    this.queue = [];
    this.head = 0;
    this.frames = 0;
    this.options.pacer.remove(this);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  pump(nowMs: number): boolean {
    if (this.closed) return false;
    while (this.head < this.queue.length) {
      const entry = this.queue[this.head]!;
      if (typeof entry === "string") {
        if (this.nextDueMs > nowMs) break;
        this.sendFrame(entry, nowMs);
      } else if (entry.kind === "begin") {
        this.tracker.beginSegment(entry.segment.utteranceId, entry.segment.text);
        this.options.onSegmentStart?.(entry.segment, nowMs);
      } else {
        const name = this.tracker.endSegment();
        this.options.send(buildMarkMessage(this.options.streamSid, name));
      }
      this.head++;
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
      this.dry = true;
      this.armIdleTimer();
      return false;
    }
    // Keep the array from growing without bound on long replies.
    if (this.head > 512) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return true;
  }

  private get pendingEntries(): number {
    return this.queue.length - this.head;
  }

  private enqueue(entry: QueueEntry): void {
    if (this.closed) return;
    this.queue.push(entry);
    this.options.pacer.wake(this);
  }

  /** New frames were queued: if the stream had run dry, its schedule restarts now. */
  private startFrames(): void {
    if (this.dry) {
      this.dry = false;
      const now = this.options.now();
      if (now > this.nextDueMs) this.nextDueMs = now;
    }
    this.options.pacer.wake(this);
  }

  private sendFrame(message: string, nowMs: number): void {
    const metrics = this.options.metrics;
    const lateMs = nowMs - this.nextDueMs;
    metrics?.frameLatenessMs.record(lateMs);
    // After a stall (a GC pause, a blocked event loop) restart the schedule rather than burst.
    if (lateMs > MAX_CATCH_UP_MS) this.nextDueMs = nowMs;
    this.options.send(message);
    this.tracker.audioSent(MULAW_FRAME_BYTES, nowMs);
    if (this.options.onFrameSent) {
      const payload = JSON.parse(message) as { media: { payload: string } };
      this.options.onFrameSent(Buffer.from(payload.media.payload, "base64"), nowMs);
    }
    this.frames--;
    this.nextDueMs += FRAME_MS;
    if (metrics) metrics.framesSent++;
  }

  private checkIdle(): void {
    if (this.idleWaiters.length === 0 || this.isSpeaking()) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Marks can get lost; the tracker stops claiming playback after its lag limit. Poll then. */
  private armIdleTimer(): void {
    if (this.idleWaiters.length === 0 || this.idleTimer || this.closed) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      this.checkIdle();
      if (this.idleWaiters.length > 0) this.armIdleTimer();
    }, 250);
  }
}
