/**
 * The part of a Summary that follows from its cells: requirement verdicts, totals, the run verdict, the cleaned
 * baseline and device verdicts. Shared by the runner and `mbsc merge`, so a merged run is judged by exactly the
 * rules of a live one. Inputs are structural (ids, levels, scopes), since a merge knows checks only by what its
 * shards' summaries recorded.
 */
import type { Requirement } from '../spec/requirements/types.js';
import type { CheckResult, RequirementResult, Summary } from './summary-schema.js';
import { fixedExpectedFailures, requirementVerdicts, runVerdict, totalsOf, type VerdictOptions } from './verdicts.js';

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

/** Requirement id → ids of the checks covering it, in the checks' order. */
export function coverageOf(checks: readonly CoveringCheck[]): Map<string, string[]> {
  const coverage = new Map<string, string[]>();
  for (const check of checks) {
    for (const id of check.requirements) coverage.set(id, [...(coverage.get(id) ?? []), check.id]);
  }
  return coverage;
}

/** The fields of a Summary that follow from its requirement verdicts. */
export function verdictFields(
  requirements: RequirementResult[],
): Pick<Summary, 'verdict' | 'totals' | 'requirements' | 'fixedExpectedFailures'> {
  return {
    verdict: runVerdict(requirements),
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
  options: VerdictOptions,
): Pick<Summary, 'verdict' | 'totals' | 'requirements' | 'fixedExpectedFailures'> {
  return verdictFields(requirementVerdicts(catalogue, results, coverageOf(checks), options));
}

/** A device fails when a check fails on it for a MUST requirement; an ADVISORY finding alone never fails it. */
export function deviceVerdicts(
  profiles: readonly ProfileRow[],
  results: readonly CheckResult[],
  checks: readonly CoveringCheck[],
  catalogue: readonly Pick<Requirement, 'id' | 'level'>[],
): Summary['devices'] {
  const must = new Set<string>(catalogue.filter((r) => r.level === 'MUST').map((r) => r.id));
  const covered = new Map(checks.map((c) => [c.id, c.requirements]));
  return profiles.map((profile) => {
    const cells = results.flatMap((r) =>
      r.cells.filter((cell) => cell.profile === profile.id).map((cell) => ({ r, cell })),
    );
    const failsMust = cells.some(
      ({ r, cell }) =>
        cell.verdict === 'fail' &&
        (cell.failure?.requirements ?? covered.get(r.checkId) ?? []).some((id) => must.has(id)),
    );
    const verdict = failsMust ? 'fail' : cells.some(({ cell }) => cell.verdict === 'pass') ? 'pass' : 'skipped';
    return { profile: profile.id, platform: profile.platform, osVersion: profile.osVersion, verdict };
  });
}
