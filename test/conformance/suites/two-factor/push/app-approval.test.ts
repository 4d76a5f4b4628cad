import { describe, expect, it } from 'vitest';
import { appPushCheck } from '../../../../../conformance/suites/two-factor/push/app-approval.js';
import { cellsOf, failuresOf, runTwoFactor, verdictsOf } from '../../fixtures/two-factor-run.js';

describe('push through the app suite against the reference server', () => {
  it('passes on an Android and an iOS phone with Pro, and skips on Home with the reason', async () => {
    const checks = [appPushCheck];
    const summary = await runTwoFactor(checks);
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, appPushCheck.id).map(([column, verdict]) => [column, verdict])).toEqual([
      ['redmi-note-8 @ pro', 'pass'],
      ['iphone-6s @ pro', 'pass'],
      ['redmi-note-8 @ home', 'skipped'],
      ['iphone-6s @ home', 'skipped'],
    ]);
    expect(Object.values(verdictsOf(summary, checks)).every((v) => v === 'pass')).toBe(true);
  });
});
