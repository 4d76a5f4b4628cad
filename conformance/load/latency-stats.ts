/** Percentiles of latency samples (nearest rank), the figures every load output shows. */

export interface LatencyStats {
  readonly count: number;
  readonly errors: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Stats of `samples` (ms, any order); with none, every figure is 0. */
export function latencyStats(samples: readonly number[], errors = 0): LatencyStats {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  const at = (p: number) => (n === 0 ? 0 : round(sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))] ?? 0));
  let sum = 0;
  for (const ms of sorted) sum += ms;
  return {
    count: n,
    errors,
    meanMs: n === 0 ? 0 : round(sum / n),
    p50Ms: at(0.5),
    p90Ms: at(0.9),
    p99Ms: at(0.99),
    maxMs: n === 0 ? 0 : round(sorted[n - 1] ?? 0),
  };
}

/** A tenth of a millisecond is as fine as a loopback request is worth reporting. */
function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
