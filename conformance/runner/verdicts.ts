/**
 * From cells to verdicts. A requirement fails when any applicable check fails on any column (an ADVISORY one is
 * then "advisory"); it is skipped when every cell was skipped; untested when no check covers it; else it passes.
 * Only MUST failures that no baseline expects fail the run.
 */
import type { Requirement } from '../spec/requirements/types.js';
import type { CheckResult, RequirementResult, Summary } from './summary-schema.js';
import { NOT_COVERED } from '../spec/requirements/not-covered.js';

export interface VerdictOptions {
  readonly selected?: ReadonlySet<string>;
  readonly expectedFailures: ReadonlySet<string>;
  /** Set when the run stopped before testing: the reason every requirement stays untested. */
  readonly untestedReason?: string;
}

export function requirementVerdicts(
  catalogue: readonly Requirement[],
  checks: readonly CheckResult[],
  coverage: ReadonlyMap<string, readonly string[]>,
  options: VerdictOptions,
): RequirementResult[] {
  const byId = new Map(checks.map((c) => [c.checkId, c]));
  return catalogue.map((requirement): RequirementResult => {
    const checkIds = [...(coverage.get(requirement.id) ?? [])];
    const base = { id: requirement.id, level: requirement.level, statement: requirement.statement, checks: checkIds };
    const expected = options.expectedFailures.has(requirement.id) ? { expectedFailure: true } : {};
    if (options.untestedReason) return { ...base, verdict: 'untested', reason: options.untestedReason, ...expected };
    if (options.selected && !options.selected.has(requirement.id)) {
      return { ...base, verdict: 'skipped', reason: 'not selected for this run', ...expected };
    }
    if (checkIds.length === 0) {
      const reason = NOT_COVERED[requirement.id] ?? 'no check covers it yet';
      return { ...base, verdict: 'untested', reason, ...expected };
    }
    const cells = checkIds.flatMap((id) => byId.get(id)?.cells ?? []);
    const ran = cells.filter((c) => c.verdict !== 'skipped');
    if (cells.length > 0 && ran.length === 0) {
      const reasons = [...new Set(cells.map((c) => c.reason ?? 'not applicable'))];
      return { ...base, verdict: 'skipped', reason: reasons.join('; '), ...expected };
    }
    if (ran.length === 0) return { ...base, verdict: 'untested', reason: 'its checks did not run', ...expected };
    const failed = ran.some(
      (c) => c.verdict === 'fail' && (!c.failure?.requirements || c.failure.requirements.includes(requirement.id)),
    );
    if (!failed) return { ...base, verdict: 'pass', ...expected };
    return { ...base, verdict: requirement.level === 'MUST' ? 'fail' : 'advisory', ...expected };
  });
}

export function totalsOf(requirements: readonly RequirementResult[]): Summary['totals'] {
  const count = (verdict: RequirementResult['verdict']) => requirements.filter((r) => r.verdict === verdict).length;
  const skipped = count('skipped');
  return {
    requirements: requirements.length,
    applicable: requirements.length - skipped,
    passed: count('pass'),
    failed: count('fail'),
    advisory: count('advisory'),
    skipped,
    untested: count('untested'),
  };
}

/** The run fails on a MUST failure that no baseline expects. */
export function runVerdict(requirements: readonly RequirementResult[]): 'pass' | 'fail' {
  return requirements.some((r) => r.verdict === 'fail' && !r.expectedFailure) ? 'fail' : 'pass';
}

/** Baseline entries that passed this time, so the baseline can be cleaned. */
export function fixedExpectedFailures(requirements: readonly RequirementResult[]): string[] {
  return requirements.filter((r) => r.expectedFailure && r.verdict === 'pass').map((r) => r.id);
}
