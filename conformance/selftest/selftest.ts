/**
 * The kit's self-test: every faulty variant of the catalogue, each run through the conformance suites on its own
 * reference server, a few side by side. The detection rate is the share of variants caught; the goal is all.
 */
import type { FaultName } from '../spec/faults.js';
import { runVariant, type VariantOptions, type VariantResult } from './run-variant.js';

export interface SelftestOptions extends VariantOptions {
  readonly faults: readonly FaultName[];
  /** Variants run at once (each has its own server thread); default 2, one per core here. */
  readonly concurrency?: number;
  /** Told as each variant finishes, for a progress line. */
  readonly onResult?: (result: VariantResult, done: number, total: number) => void;
}

export interface SelftestResult {
  /** In catalogue order. */
  readonly results: readonly VariantResult[];
  /** Caught variants over all variants, 0..1. */
  readonly detectionRate: number;
  readonly durationMs: number;
}

export async function selftest(options: SelftestOptions): Promise<SelftestResult> {
  const started = Date.now();
  const results = new Map<FaultName, VariantResult>();
  const queue = [...options.faults];
  const worker = async () => {
    for (let fault = queue.shift(); fault !== undefined; fault = queue.shift()) {
      const result = await runVariant(fault, options);
      results.set(fault, result);
      options.onResult?.(result, results.size, options.faults.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  const ordered = options.faults.map((f) => results.get(f) as VariantResult);
  const caught = ordered.filter((r) => r.caught).length;
  return {
    results: ordered,
    detectionRate: ordered.length === 0 ? 1 : caught / ordered.length,
    durationMs: Date.now() - started,
  };
}
