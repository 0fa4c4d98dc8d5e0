// Contract between `npm run bench` (bench/run.ts) and each benchmark file `bench/<name>.bench.ts`.
// A benchmark file's default export is a Benchmark. The runner writes the report to
// bench/results/<name>.json and a section of docs/BENCHMARKS.md.

export interface BenchReport {
  /** One line: what was measured, on what input. */
  description: string;
  /** Numbers worth reading: medians, p95s, ratios, counts. Keys carry their unit (p50Ms, opsPerSec). */
  metrics: Record<string, number | string | boolean>;
  /** The target as written in the issue, e.g. "p50 ≤ 5 ms". */
  target?: string;
  /** Whether the target was met on this run. */
  met?: boolean;
}

export interface Benchmark {
  name: string;
  /** quick: a reduced run for CI smoke checks (seconds, not minutes). */
  run(options: { quick: boolean }): Promise<BenchReport>;
}
