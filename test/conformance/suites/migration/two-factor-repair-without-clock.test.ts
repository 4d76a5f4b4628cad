import { describe, expect, it } from 'vitest';
import { migrationRepairCheck } from '../../../../conformance/suites/migration/two-factor-repair.js';
import { runTwoFactor, verdictsOf } from '../fixtures/two-factor-run.js';
import { proWithoutClock } from '../fixtures/no-clock-target.js';

describe('2FA after migration without the server clock', () => {
  it("checks every rule, the original's next code coming from its own clock a step on", async () => {
    const summary = await runTwoFactor([migrationRepairCheck], { target: proWithoutClock() });
    expect(verdictsOf(summary, [migrationRepairCheck])).toEqual({
      'MIG-06': 'pass',
      'MIG-07': 'pass',
      'MIG-08': 'pass',
      'MIG-09': 'advisory',
    });
    expect(summary.verdict).toBe('pass');
  });
});
