/**
 * The run's verdict, from its requirement verdicts: `pass`, `fail` or `error`, decided here and nowhere else. A MUST
 * failure that no baseline expects fails the run; ADVISORY findings never do. The run is `error` whenever its target
 * could not be tested: it could not be reached, the kit failed on a requirement's evidence, or the run had checks and
 * none of them applied; with `--fail-on-untested`, also when a requirement that applies could not be checked here
 * (untested). A run with no checks at all (an empty shard: more shards than checks) tested nothing because
 * it was given nothing, and passes; `mbsc merge` judges the whole.
 */
import type { RequirementResult, RunVerdict, Summary } from './summary-schema.js';

export interface RunContext {
  /** Why the run stopped before testing (the probe's answer), when it did. */
  readonly abort?: string;
  /** How many checks the run was given. */
  readonly checks: number;
  /** `--fail-on-untested`: a requirement that applies but could not be checked here makes the run `error`. */
  readonly failOnUntested?: boolean;
}

export interface RunJudgement {
  readonly verdict: RunVerdict;
  /** Why the run is `error`. */
  readonly reason?: string;
}

/** Verdicts that say something about the target (or that the kit could not tell), as against skipped or untested. */
const TESTED: readonly RequirementResult['verdict'][] = ['pass', 'fail', 'advisory', 'error'];

export function runVerdict(requirements: readonly RequirementResult[], context: RunContext): RunJudgement {
  if (context.abort !== undefined)
    return { verdict: 'error', reason: `the target could not be tested: ${context.abort}` };
  if (requirements.some((r) => r.verdict === 'fail' && !r.expectedFailure)) return { verdict: 'fail' };
  const errored = requirements.filter((r) => r.verdict === 'error');
  const first = errored[0];
  if (first) {
    const count = errored.length === 1 ? '1 requirement' : `${errored.length} requirements`;
    return {
      verdict: 'error',
      reason: `${count} could not be judged: ${first.id}: ${first.reason ?? 'the kit failed'}`,
    };
  }
  if (context.checks > 0 && !requirements.some((r) => TESTED.includes(r.verdict))) {
    const reason = requirements.some((r) => r.verdict === 'untested')
      ? 'nothing applicable ran: the selected checks apply to this target, but none could check it here (see untested)'
      : 'nothing applicable ran: no selected check applies to this target';
    return { verdict: 'error', reason };
  }
  const untested = requirements.filter((r) => r.verdict === 'untested');
  const lack = untested[0];
  if (context.failOnUntested && lack) {
    const count = untested.length === 1 ? '1 applicable requirement' : `${untested.length} applicable requirements`;
    return {
      verdict: 'error',
      reason: `${count} could not be checked here, and --fail-on-untested asks that every one is: ${lack.id}: ${lack.reason ?? 'untested'}`,
    };
  }
  return { verdict: 'pass' };
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
    errored: count('error'),
    checked: count('pass') + count('fail') + count('advisory'),
  };
}

/** Baseline entries that passed this time, so the baseline can be cleaned. */
export function fixedExpectedFailures(requirements: readonly RequirementResult[]): string[] {
  return requirements.filter((r) => r.expectedFailure && r.verdict === 'pass').map((r) => r.id);
}
