// One 20 ms clock for every simulated call in a process, as Twilio paces its own media: each tick
// every call sends one inbound frame and plays out one outbound frame. A shared drift-corrected
// timer instead of one per call keeps hundreds of simulated calls cheap. Calls are spread over
// four phases 5 ms apart, as real calls' clocks are unrelated, so a worker does not receive every
// call's frame in the same instant.
export type TickHandler = (nowMs: number) => void;

const PHASES = 4;

export class SimClock {
  private readonly phases: Array<Set<TickHandler>> = Array.from({ length: PHASES }, () => new Set());
  private size = 0;
  private nextPhase = 0;
  private assign = 0;
  private timer: NodeJS.Timeout | null = null;
  private next = 0;

  constructor(private readonly periodMs = 20) {}

  add(handler: TickHandler): void {
    this.phases[this.assign++ % PHASES]!.add(handler);
    this.size++;
    if (!this.timer) {
      this.next = performance.now() + this.periodMs / PHASES;
      this.schedule();
    }
  }

  remove(handler: TickHandler): void {
    for (const phase of this.phases) if (phase.delete(handler)) this.size--;
    if (this.size === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private schedule(): void {
    const step = this.periodMs / PHASES;
    this.timer = setTimeout(() => {
      const now = performance.now();
      for (const handler of this.phases[this.nextPhase]!) handler(now);
      this.nextPhase = (this.nextPhase + 1) % PHASES;
      this.next += step;
      // Fell far behind (a stall): skip ticks rather than fire a burst.
      if (this.next < now - 5 * this.periodMs) this.next = now + step;
      if (this.size > 0) this.schedule();
      else this.timer = null;
    }, Math.max(0, this.next - performance.now()));
  }
}

export const sharedClock = new SimClock();
