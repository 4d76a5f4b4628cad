/**
 * A failure is charged only to requirements its check declares; a stray id is pointed out, never judged. The
 * check's requirements its failing run never reached were not judged either: they read untested, not passed,
 * unless the check says it checked them in full before the finding, or another cell checked them and they held.
 */
import { describe, expect, it } from 'vitest';
import type { Check, CheckContext, FailureDetails } from '../../../conformance/kit/check.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';
import type { Edition } from '../../../conformance/spec/editions.js';
import { runChecks, verdictOf } from '../suites/fixtures/run-checks.js';

const failing = (named: string[], extra: Partial<FailureDetails> = {}, failsOn?: Edition): Check => ({
  id: 'names-requirements',
  title: 'fails naming some requirements',
  area: 'NET',
  requirements: ['NET-06', 'NET-07'],
  scope: 'server',
  run: async (context: CheckContext) =>
    failsOn && context.column.edition !== failsOn
      ? { verdict: 'pass', runs: 1 }
      : { verdict: 'fail', runs: 1, failure: { message: 'broken', requirements: named, ...extra } },
});

async function verdicts(check: Check, editions: Edition[] = ['home']) {
  const summary = await runChecks(new ReferenceTarget(editions), [check], 1, 1);
  const requirement = (id: string) => summary.requirements.find((r) => r.id === id);
  return {
    cell: summary.checks[0]!.cells[0]!,
    summary,
    requirement,
    verdictOf: (id: string) => verdictOf(summary, id),
  };
}

describe('failure attribution', () => {
  it('keeps the declared ids and names the stray ones in the message', async () => {
    const { cell, verdictOf } = await verdicts(failing(['NET-07', 'FUS-01']));
    expect(cell.failure?.requirements).toEqual(['NET-07']);
    expect(cell.failure?.message).toBe('broken (the check also named FUS-01, which it does not declare)');
    expect(verdictOf('NET-07')).toBe('fail');
    expect(verdictOf('FUS-01')).toBe('untested');
  });

  it('reads a requirement the failing run never reached as untested, with why, not as passed', async () => {
    const { cell, requirement, summary } = await verdicts(failing(['NET-07']));
    expect(cell.unchecked).toEqual({
      requirements: ['NET-06'],
      reason: 'the check stopped at its finding on NET-07 before it checked this',
    });
    expect(requirement('NET-06')).toMatchObject({ verdict: 'untested', reason: expect.stringContaining('NET-07') });
    expect(summary.totals.passed).toBe(0);
  });

  it('reads a requirement the check says it checked in full before its finding as passed', async () => {
    const { cell, verdictOf } = await verdicts(failing(['NET-07'], { checked: ['NET-06'] }));
    expect(cell.unchecked).toBeUndefined();
    expect(verdictOf('NET-06')).toBe('pass');
  });

  it('reads an unreached requirement as passed when another cell checked it in full and it held', async () => {
    const { summary, verdictOf } = await verdicts(failing(['NET-07'], {}, 'home'), ['pro', 'home']);
    expect(summary.checks[0]!.cells.map((c) => [c.edition, c.verdict])).toEqual([
      ['pro', 'pass'],
      ['home', 'fail'],
    ]);
    expect(verdictOf('NET-06')).toBe('pass');
    expect(verdictOf('NET-07')).toBe('fail');
  });

  it('charges every declared id when a failure names none of them', async () => {
    const { cell, verdictOf } = await verdicts(failing(['FUS-01']));
    expect(cell.failure?.requirements).toBeUndefined();
    expect(cell.unchecked).toBeUndefined();
    expect(verdictOf('NET-06')).toBe('fail');
    expect(verdictOf('NET-07')).toBe('fail');
  });
});
