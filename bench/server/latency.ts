/** Request latencies by request type, and their percentiles (nearest rank). */

export interface LatencySummary {
  readonly count: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export class LatencyRecorder {
  private readonly samples = new Map<string, number[]>();

  clear(): void {
    this.samples.clear();
  }

  record(kind: string, ms: number): void {
    let list = this.samples.get(kind);
    if (!list) this.samples.set(kind, (list = []));
    list.push(ms);
  }

  /** Times `task` under `kind`; a failed request is timed too, since a client waited for it all the same. */
  async time<T>(kind: string, task: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await task();
    } finally {
      this.record(kind, performance.now() - start);
    }
  }

  /** One summary per request type, in the order they were first seen, then `overall`. */
  summaries(): Record<string, LatencySummary> {
    const out: Record<string, LatencySummary> = {};
    const all: number[] = [];
    for (const [kind, list] of this.samples) {
      out[kind] = summarize(list);
      all.push(...list);
    }
    out['overall'] = summarize(all);
    return out;
  }
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    meanMs: sorted.length === 0 ? NaN : sorted.reduce((a, b) => a + b, 0) / sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.length === 0 ? NaN : (sorted[sorted.length - 1] as number),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}
