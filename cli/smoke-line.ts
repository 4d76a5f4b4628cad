/**
 * The line that says a run was the smoke subset, printed as it starts and under its verdict: a smoke run's PASS is
 * a quick look at a tenth of the cells with fewer sequences per property, never the full run's verdict.
 */
import type { Summary } from '../conformance/runner/summary-schema.js';

export function smokeLine(smoke: NonNullable<Summary['smoke']>): string {
  const per = `${smoke.runs} ${smoke.runs === 1 ? 'sequence' : 'sequences'} per property`;
  return `SMOKE SUBSET: ${smoke.cells} of ${smoke.of} cells, ${per}; not the full run (drop --smoke for it)`;
}
