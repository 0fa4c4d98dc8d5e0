// Order statistics for benchmark samples. Medians and high percentiles, never means: these
// machines are shared and noisy.
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Median and tail of request latencies in ms, rounded to 0.1 ms. */
export function latencySummary(latencies: number[]): { p50Ms: number; p95Ms: number; p99Ms: number } {
  return { p50Ms: round(percentile(latencies, 50), 1), p95Ms: round(percentile(latencies, 95), 1), p99Ms: round(percentile(latencies, 99), 1) };
}

/** Metrics renamed under a prefix: p95Ms → uncachedP95Ms. */
export function prefixed<V>(prefix: string, metrics: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(metrics).map(([k, v]) => [`${prefix}${k[0]!.toUpperCase()}${k.slice(1)}`, v]));
}
