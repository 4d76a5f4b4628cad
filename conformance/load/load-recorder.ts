/**
 * Every timed operation and request of a load run, as it ends: its name, when it began (ms from the run's start),
 * how long it took and, when it failed, the error's catalogued code. Summaries (per name, errors by code, a
 * timeline for the latency-over-time plot) are computed from these samples once, at the end or for the progress
 * line.
 */
import { latencyStats, type LatencyStats } from './latency-stats.js';

export type SampleKind = 'operation' | 'request';

interface Sample {
  readonly name: string;
  readonly atMs: number;
  readonly ms: number;
  readonly code: string | undefined;
}

export interface TimelinePoint {
  /** Start of the bucket, ms from the run's start. */
  readonly atMs: number;
  readonly count: number;
  readonly errors: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

export class LoadRecorder {
  private readonly samples: Record<SampleKind, Sample[]> = { operation: [], request: [] };

  constructor(private readonly startedAt: number = performance.now()) {}

  /** Milliseconds since the run began. */
  elapsed(): number {
    return performance.now() - this.startedAt;
  }

  /** Times `task` as `name`; a failure is timed too (the phone waited all the same), and thrown on. */
  async time<T>(kind: SampleKind, name: string, task: () => Promise<T>): Promise<T> {
    const start = performance.now();
    let code: string | undefined;
    try {
      return await task();
    } catch (error) {
      code = errorCodeOf(error);
      throw error;
    } finally {
      const end = performance.now();
      this.samples[kind].push({ name, atMs: start - this.startedAt, ms: end - start, code });
    }
  }

  count(kind: SampleKind): { done: number; errors: number } {
    const list = this.samples[kind];
    return { done: list.length, errors: list.filter((s) => s.code !== undefined).length };
  }

  /** Stats per name in the order first seen, then `overall` across them. */
  stats(kind: SampleKind, sinceMs = 0): Record<string, LatencyStats> {
    const byName = new Map<string, { ms: number[]; errors: number }>();
    const all: number[] = [];
    let errors = 0;
    for (const s of this.samples[kind]) {
      if (s.atMs < sinceMs) continue;
      let entry = byName.get(s.name);
      if (!entry) byName.set(s.name, (entry = { ms: [], errors: 0 }));
      entry.ms.push(s.ms);
      all.push(s.ms);
      if (s.code !== undefined) {
        entry.errors++;
        errors++;
      }
    }
    const out: Record<string, LatencyStats> = {};
    for (const [name, entry] of byName) out[name] = latencyStats(entry.ms, entry.errors);
    out['overall'] = latencyStats(all, errors);
    return out;
  }

  /** Failed samples of `kind` by error code, most frequent first. */
  errorsByCode(kind: SampleKind): Record<string, number> {
    const counts = new Map<string, number>();
    for (const s of this.samples[kind]) if (s.code !== undefined) counts.set(s.code, (counts.get(s.code) ?? 0) + 1);
    return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  }

  /** Latency over time: the samples of `kind` in buckets of `bucketMs` by when they began. */
  timeline(kind: SampleKind, bucketMs: number): TimelinePoint[] {
    const buckets = new Map<number, { ms: number[]; errors: number }>();
    for (const s of this.samples[kind]) {
      const at = Math.floor(s.atMs / bucketMs) * bucketMs;
      let entry = buckets.get(at);
      if (!entry) buckets.set(at, (entry = { ms: [], errors: 0 }));
      entry.ms.push(s.ms);
      if (s.code !== undefined) entry.errors++;
    }
    return [...buckets.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([atMs, entry]) => {
        const stats = latencyStats(entry.ms, entry.errors);
        return {
          atMs,
          count: stats.count,
          errors: entry.errors,
          p50Ms: stats.p50Ms,
          p99Ms: stats.p99Ms,
          maxMs: stats.maxMs,
        };
      });
  }
}

/**
 * The catalogued code of a failure: the server's (MbsError) or the kit's (ClientError: unreachable, timeout,
 * protocol-violation). Anything else is a fault of the load client itself, and counted as such.
 */
export function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[a-z0-9-]+$/.test(code) ? code : 'load-client-failed';
}
