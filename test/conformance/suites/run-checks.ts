/** Runs server checks through the runner, as `mbsc run` / `mbsc validate` would, and reads the cells back. */
import type { Check } from '../../../conformance/framework/check.js';
import { runConformance } from '../../../conformance/runner/run-conformance.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import type { Target } from '../../../conformance/targets/target.js';
import type { Summary } from '../../../reports/summary-schema.js';

export async function runChecks(target: Target, checks: readonly Check[], runs: number, seed = 42): Promise<Summary> {
  const result = await runConformance({
    target,
    checks,
    catalogue: REQUIREMENTS,
    profiles: [],
    seed,
    runs,
    command: 'test',
    kitVersion: 'test',
    replayCommand: (check) => `mbsc run --requirements ${check.requirements.join(',')} --seed ${seed}`,
  });
  return result.summary;
}

/** `[column, verdict, message or reason]` of every cell of one check. */
export function cellsOf(summary: Summary, checkId: string): [string, string, string | undefined][] {
  const check = summary.checks.find((c) => c.checkId === checkId);
  if (!check) throw new Error(`no check ${checkId} in the summary`);
  return check.cells.map((c) => [c.column, c.verdict, c.failure?.message ?? c.reason]);
}

export function verdictOf(summary: Summary, requirementId: string): string | undefined {
  return summary.requirements.find((r) => r.id === requirementId)?.verdict;
}
