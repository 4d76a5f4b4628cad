import { describe, expect, it } from 'vitest';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { settledRulesCheck } from '../../../../conformance/suites/backup/settled-rules.js';
import { cellsOf, runChecks, verdictOf } from '../fixtures/run-checks.js';

describe('the settled backup rules against the reference server', () => {
  it('passes, and so does every requirement it covers', async () => {
    const summary = await runChecks(new ReferenceTarget(['pro']), [settledRulesCheck], 1, 7);
    expect(cellsOf(summary, settledRulesCheck.id)).toEqual([['pro', 'pass', undefined]]);
    for (const id of settledRulesCheck.requirements) expect(verdictOf(summary, id), id).toBe('pass');
  });
});
