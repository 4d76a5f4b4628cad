import { describe, expect, it } from 'vitest';
import { accountsModelCheck } from '../../../../../conformance/suites/two-factor/accounts/model-in-process.js';
import { cellsOf, failuresOf, runTwoFactor, verdictsOf } from '../../fixtures/two-factor-run.js';

describe("the app's 2FA page suite (model-based)", () => {
  it('passes on an Android and an iOS phone with Pro, and skips on Home with the reason', async () => {
    const checks = [accountsModelCheck];
    const summary = await runTwoFactor(checks, { runs: 25 });
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, accountsModelCheck.id).map(([column, verdict]) => [column, verdict])).toEqual([
      ['redmi-note-8 @ pro', 'pass'],
      ['iphone-6s @ pro', 'pass'],
      ['redmi-note-8 @ home', 'skipped'],
      ['iphone-6s @ home', 'skipped'],
    ]);
    expect(Object.values(verdictsOf(summary, checks)).every((v) => v === 'pass')).toBe(true);
  });
});
