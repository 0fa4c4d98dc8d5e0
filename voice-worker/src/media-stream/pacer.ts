// One clock for all outbound audio in the process. Twilio plays 20 ms frames as they arrive, so
// each call's frames must leave at real time: one per 20 ms, none early in bursts (a `clear` could
// not take back audio already buffered far ahead) and none late (the caller hears a gap). A
// single timer ticking every few milliseconds serves every active call instead of a timer per
// call: at hundreds of calls that is far fewer wake-ups, and all sends of a tick go out together.
// Streams register when they have audio queued and drop out when their queue runs dry.

export interface PacedStream {
  /** Sends whatever is due at `nowMs`. Returns false when nothing is left queued. */
  pump(nowMs: number): boolean;
}

export interface PacerOptions {
  /** Tick period. The largest lateness the pacer itself adds to a frame. */
  tickMs?: number;
  now?: () => number;
}

export class FramePacer {
  private readonly streams = new Set<PacedStream>();
  private readonly tickMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;

  constructor(options: PacerOptions = {}) {
    this.tickMs = options.tickMs ?? 5;
    this.now = options.now ?? (() => performance.now());
  }

  /** A stream has audio queued: pump it now and on every tick until it runs dry. */
  wake(stream: PacedStream): void {
    if (this.streams.has(stream)) return;
    if (!stream.pump(this.now())) return;
    this.streams.add(stream);
    if (!this.timer) this.timer = setTimeout(this.tick, this.tickMs);
  }

  /** Stops pumping a stream (its call ended). */
  remove(stream: PacedStream): void {
    this.streams.delete(stream);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.streams.clear();
  }

  private readonly tick = (): void => {
    this.timer = null;
    const now = this.now();
    for (const stream of this.streams) {
      let more = false;
      try {
        more = stream.pump(now);
      } catch {
        // A stream that throws (its socket died mid-send) is dropped; its session cleans up on close.
      }
      if (!more) this.streams.delete(stream);
    }
    if (this.streams.size > 0) this.timer = setTimeout(this.tick, this.tickMs);
  };
}
