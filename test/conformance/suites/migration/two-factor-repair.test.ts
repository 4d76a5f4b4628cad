import { describe, expect, it } from 'vitest';
import { migrationRepairCheck } from '../../../../conformance/suites/migration/two-factor-repair.js';
import { cellsOf, runTwoFactor, verdictsOf } from '../fixtures/two-factor-run.js';

describe('2FA migration suite against the reference server', () => {
  it("reports the original's still-valid codes as an advisory finding (MIG-09) that never fails the run", async () => {
    const checks = [migrationRepairCheck];
    const summary = await runTwoFactor(checks);
    const cells = cellsOf(summary, migrationRepairCheck.id);
    expect(cells.filter(([column]) => column.endsWith('@ pro'))).toEqual([
      ['redmi-note-8 @ pro', 'advisory', expect.stringContaining('still accepted after migration')],
      ['iphone-6s @ pro', 'advisory', expect.stringContaining('still accepted after migration')],
    ]);
    expect(
      summary.checks[0]?.cells.every((c) => c.verdict !== 'advisory' || c.failure?.requirements?.join() === 'MIG-09'),
    ).toBe(true);
    expect(verdictsOf(summary, checks)).toEqual({
      'MIG-06': 'pass',
      'MIG-07': 'pass',
      'MIG-08': 'pass',
      'MIG-09': 'advisory',
    });
    expect(summary.verdict).toBe('pass');
  });
});
