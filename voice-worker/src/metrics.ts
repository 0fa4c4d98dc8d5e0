// Process-wide counters and latency histograms of the worker: outbound frame lateness (pacing
// jitter), worker-added latency per turn, calls and rejected frames. Fixed-bucket histograms keep
// the cost constant whatever the call volume; the benchmarks and /metrics read them.

/** Millisecond histogram with 0.1 ms buckets up to `maxMs` (larger values land in the last bucket). */
export class Histogram {
  private readonly buckets: Uint32Array;
  private readonly resolution: number;
  private n = 0;
  private maximum = 0;

  constructor(maxMs = 2000, resolutionMs = 0.1) {
    this.resolution = resolutionMs;
    this.buckets = new Uint32Array(Math.ceil(maxMs / resolutionMs) + 1);
  }

  record(ms: number): void {
    const value = ms < 0 ? 0 : ms;
    const index = Math.min(this.buckets.length - 1, Math.floor(value / this.resolution));
    this.buckets[index]! += 1;
    this.n++;
    if (value > this.maximum) this.maximum = value;
  }

  get count(): number {
    return this.n;
  }

  get max(): number {
    return this.maximum;
  }

  /** Upper edge of the bucket holding the p-th percentile (0–100). */
  percentile(p: number): number {
    if (this.n === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.n));
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!;
      if (seen >= rank) return Math.min(this.maximum, (i + 1) * this.resolution);
    }
    return this.maximum;
  }

  reset(): void {
    this.buckets.fill(0);
    this.n = 0;
    this.maximum = 0;
  }
}

export class WorkerMetrics {
  /** How late each outbound frame left compared with its real-time slot (not the first of a stretch). */
  readonly frameLatenessMs = new Histogram(1000);
  /** End-of-turn decision → first frame sent, minus provider time. */
  readonly turnOverheadMs = new Histogram(2000);
  /** Stream start → first greeting frame sent. */
  readonly greetingMs = new Histogram(5000);
  framesSent = 0;
  callsStarted = 0;
  callsEnded = 0;
  callsRefused = 0;
  readonly rejectedFrames: Record<string, number> = {};

  /** Clears the latency histograms (between benchmark rounds); counters keep counting. */
  resetLatencies(): void {
    this.frameLatenessMs.reset();
    this.turnOverheadMs.reset();
    this.greetingMs.reset();
  }

  rejected(reason: string): void {
    this.rejectedFrames[reason] = (this.rejectedFrames[reason] ?? 0) + 1;
  }

  snapshot() {
    const h = (x: Histogram) => ({ count: x.count, p50: x.percentile(50), p95: x.percentile(95), p99: x.percentile(99), max: x.max });
    return {
      framesSent: this.framesSent,
      callsStarted: this.callsStarted,
      callsEnded: this.callsEnded,
      callsRefused: this.callsRefused,
      rejectedFrames: { ...this.rejectedFrames },
      frameLatenessMs: h(this.frameLatenessMs),
      turnOverheadMs: h(this.turnOverheadMs),
      greetingMs: h(this.greetingMs),
    };
  }
}
