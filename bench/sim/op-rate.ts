/**
 * Bounded timing helpers. A rate loop runs until its wall-time budget is spent or its operation cap is reached,
 * whichever comes first; results feed a sink so that the optimiser cannot drop the work being measured.
 */
import { performance } from 'node:perf_hooks';

export interface Rate {
  readonly ops: number;
  readonly seconds: number;
  readonly perSecond: number;
}

export interface RateOptions {
  /** Operations between two clock reads: large for nanosecond steps, 1 for millisecond ones. */
  readonly batch?: number;
  /** Hard cap on operations, whatever the budget. */
  readonly maxOps?: number;
}

let sink = 0;

/** What the measured steps returned, summed: read it once so the work counts as used. */
export function sinkValue(): number {
  return sink;
}

/** Calls `step(i)` for i = 0, 1, 2, … for about `budgetMs` of wall time; returns operations per second. */
export function measureRate(step: (i: number) => number, budgetMs: number, options: RateOptions = {}): Rate {
  const batch = Math.max(1, options.batch ?? 1);
  const maxOps = options.maxOps ?? 100_000_000;
  let ops = 0;
  let local = 0;
  const start = performance.now();
  let elapsed = 0;
  while (ops < maxOps) {
    for (let i = 0; i < batch; i++) local += step(ops++);
    elapsed = performance.now() - start;
    if (elapsed >= budgetMs) break;
  }
  sink += local;
  const seconds = elapsed / 1000;
  return { ops, seconds, perSecond: seconds > 0 ? ops / seconds : 0 };
}

export interface Timing {
  /** Wall seconds. */
  readonly seconds: number;
  /** CPU seconds (user + system) of the whole process meanwhile: server and devices share it. */
  readonly cpuSeconds: number;
}

/**
 * The median wall ms of single calls of `step`: at least `minRuns`, then more until `budgetMs` is spent or `maxRuns`
 * is reached. A median shrugs off the odd pass that meets a garbage collection or a neighbour process.
 */
export function medianMs(step: () => number, budgetMs: number, minRuns = 5, maxRuns = 50): number {
  const times: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (times.length < maxRuns && (times.length < minRuns || performance.now() < deadline)) {
    const start = performance.now();
    sink += step();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Runs `fn` once and returns its value with the wall and CPU seconds it took. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T } & Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { value, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** Wall seconds since `start` (a performance.now() reading). */
export function secondsSince(start: number): number {
  return (performance.now() - start) / 1000;
}

/** Ratio a/b, or null when b is zero (JSON has no Infinity). */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}
