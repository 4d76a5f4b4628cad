import { describe, expect, it } from 'vitest';
import { appPushCheck } from '../../../../../conformance/suites/two-factor/push/app-approval.js';
import { cellsOf, failuresOf, runTwoFactor, verdictsOf } from '../../fixtures/two-factor-run.js';
import { proWithoutClock } from '../../fixtures/no-clock-target.js';

describe('push through the app without the server clock', () => {
  it('checks every rule, the phone moving on a step for its next code', async () => {
    const summary = await runTwoFactor([appPushCheck], { target: proWithoutClock() });
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, appPushCheck.id).map(([, verdict]) => verdict)).toEqual(['pass', 'pass']);
    expect(Object.values(verdictsOf(summary, [appPushCheck])).every((v) => v === 'pass')).toBe(true);
  });
});
