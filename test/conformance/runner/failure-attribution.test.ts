/** A failure is charged only to requirements its check declares; a stray id is pointed out, never judged. */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../conformance/kit/check.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';
import { runChecks, verdictOf } from '../suites/fixtures/run-checks.js';

const failing = (named: string[]): Check => ({
  id: 'names-requirements',
  title: 'fails naming some requirements',
  area: 'NET',
  requirements: ['NET-06', 'NET-07'],
  scope: 'server',
  run: async () => ({ verdict: 'fail', runs: 1, failure: { message: 'broken', requirements: named } }),
});

async function verdicts(check: Check) {
  const summary = await runChecks(new ReferenceTarget(['home']), [check], 1, 1);
  return { cell: summary.checks[0]!.cells[0]!, verdictOf: (id: string) => verdictOf(summary, id) };
}

describe('failure attribution', () => {
  it('keeps the declared ids and names the stray ones in the message', async () => {
    const { cell, verdictOf } = await verdicts(failing(['NET-07', 'FUS-01']));
    expect(cell.failure?.requirements).toEqual(['NET-07']);
    expect(cell.failure?.message).toBe('broken (the check also named FUS-01, which it does not declare)');
    expect(verdictOf('NET-07')).toBe('fail');
    expect(verdictOf('NET-06')).toBe('pass');
    expect(verdictOf('FUS-01')).toBe('untested');
  });

  it('charges every declared id when a failure names none of them', async () => {
    const { cell, verdictOf } = await verdicts(failing(['FUS-01']));
    expect(cell.failure?.requirements).toBeUndefined();
    expect(verdictOf('NET-06')).toBe('fail');
    expect(verdictOf('NET-07')).toBe('fail');
  });
});
