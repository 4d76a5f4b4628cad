/**
 * The part of a Summary that follows from its cells: requirement verdicts, totals, the run verdict and its reason, the
 * cleaned baseline and device verdicts. Shared by the runner and `mbsc merge`, so a merged run is judged by exactly the
 * rules of a live one (verdicts.ts and run-verdict.ts). Inputs are structural (ids, levels, scopes), since a merge
 * knows checks only by what its shards' summaries recorded.
 */
import type { Requirement } from '../spec/requirements/types.js';
import type { CheckResult, RequirementResult, Summary, Verdict } from './summary-schema.js';
import { cellReading, requirementVerdicts, worstOf, type Levelled, type VerdictOptions } from './verdicts.js';
import { fixedExpectedFailures, runVerdict, totalsOf, type RunContext } from './run-verdict.js';

/** A check as far as verdicts need it: its id and the requirement ids it covers. */
export interface CoveringCheck {
  readonly id: string;
  readonly requirements: readonly string[];
}

/** A device profile as far as the summary shows it. */
export interface ProfileRow {
  readonly id: string;
  readonly platform: string;
  readonly osVersion: string;
}

export type VerdictFields = Pick<Summary, 'verdict' | 'reason' | 'totals' | 'requirements' | 'fixedExpectedFailures'>;

/** Requirement id → ids of the checks covering it, in the checks' order. */
export function coverageOf(checks: readonly CoveringCheck[]): Map<string, string[]> {
  const coverage = new Map<string, string[]>();
  for (const check of checks) {
    for (const id of check.requirements) coverage.set(id, [...(coverage.get(id) ?? []), check.id]);
  }
  return coverage;
}

/** The fields of a Summary that follow from its requirement verdicts. */
export function verdictFields(requirements: RequirementResult[], context: RunContext): VerdictFields {
  const run = runVerdict(requirements, context);
  return {
    verdict: run.verdict,
    ...(run.reason !== undefined ? { reason: run.reason } : {}),
    totals: totalsOf(requirements),
    requirements,
    fixedExpectedFailures: fixedExpectedFailures(requirements),
  };
}

/** Requirement verdicts and the fields that follow from them, from the checks' cells. */
export function judgeRequirements(
  catalogue: readonly Requirement[],
  results: readonly CheckResult[],
  checks: readonly CoveringCheck[],
  options: VerdictOptions & Pick<RunContext, 'abort' | 'failOnUntested'>,
): VerdictFields {
  const requirements = requirementVerdicts(catalogue, results, coverageOf(checks), options);
  return verdictFields(requirements, {
    checks: checks.length,
    ...(options.abort ? { abort: options.abort } : {}),
    ...(options.failOnUntested ? { failOnUntested: true } : {}),
  });
}

type DeviceVerdict = Summary['devices'][number]['verdict'];

/**
 * A device's verdict is the worst of how its cells read for the requirements they cover: it fails only when a check
 * fails a MUST requirement on it (an ADVISORY finding reads as a pass here), is `error` when the kit could not tell,
 * `untested` when what applies to it could not be checked here, and skipped when nothing applies to it.
 */
export function deviceVerdicts(
  profiles: readonly ProfileRow[],
  results: readonly CheckResult[],
  checks: readonly CoveringCheck[],
  catalogue: readonly Levelled[],
): Summary['devices'] {
  const byId = new Map<string, Levelled>(catalogue.map((r) => [r.id, r]));
  const covered = new Map(checks.map((c) => [c.id, c.requirements]));
  return profiles.map((profile) => {
    const readings = results.flatMap((r) => {
      const ids = covered.get(r.checkId) ?? [];
      const requirements = ids.map((id) => byId.get(id) ?? { id, level: 'MUST' as const });
      return r.cells
        .filter((cell) => cell.profile === profile.id)
        .flatMap((cell) =>
          requirements.length > 0 ? requirements.map((req) => cellReading(cell, req, ids)) : [cell.verdict],
        );
    });
    const verdict = asDevice(worstOf(readings) ?? 'skipped');
    return { profile: profile.id, platform: profile.platform, osVersion: profile.osVersion, verdict };
  });
}

function asDevice(verdict: Verdict): DeviceVerdict {
  switch (verdict) {
    case 'advisory':
      return 'pass';
    default:
      return verdict;
  }
}
