/**
 * A check that ran without the server's clock: its pass is no pass of the requirements it could check only in part,
 * which read `untested` with the reason, while a failure charged to them still fails them.
 */
import { describe, expect, it } from 'vitest';
import { REASONS, where } from '../../../conformance/kit/applies.js';
import type { Cell } from '../../../conformance/runner/summary-schema.js';
import { cellReading, requirementVerdicts } from '../../../conformance/runner/verdicts.js';
import { totalsOf } from '../../../conformance/runner/run-verdict.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import { referenceApp } from '../../../conformance/targets/app-under-test.js';
import type { TargetSession } from '../../../conformance/targets/target.js';

const unchecked = { requirements: ['TOTP-13'], reason: REASONS.clock };
const cell = (verdict: Cell['verdict'], extra: Partial<Cell> = {}): Cell => ({
  column: 'pro',
  edition: 'pro',
  verdict,
  durationMs: 1,
  runs: 1,
  unchecked,
  ...extra,
});
const covered = ['TOTP-04', 'TOTP-13'];
const must = (id: string) => ({ id, level: 'MUST' as const });

describe('requirements a cell checked only in part', () => {
  it('read untested when the cell passed, and pass or fail by the finding otherwise', () => {
    expect(cellReading(cell('pass'), must('TOTP-13'), covered)).toBe('untested');
    expect(cellReading(cell('pass'), must('TOTP-04'), covered)).toBe('pass');
    const found = (requirements: string[]) =>
      cell('fail', { failure: { message: 'found', requirements, replayCommand: '' } });
    expect(cellReading(found(['TOTP-13']), must('TOTP-13'), covered)).toBe('fail');
    expect(cellReading(found(['TOTP-04']), must('TOTP-13'), covered)).toBe('untested');
  });

  it('carry the reason into the requirement, and count as applicable but not checked', () => {
    const coverage = new Map([
      ['TOTP-04', ['c']],
      ['TOTP-13', ['c']],
    ]);
    const results = [{ checkId: 'c', title: 'c', area: 'TOTP', cells: [cell('pass')] }];
    const rows = requirementVerdicts(REQUIREMENTS, results, coverage, { expectedFailures: new Set() });
    expect(rows.find((r) => r.id === 'TOTP-13')).toMatchObject({ verdict: 'untested', reason: REASONS.clock });
    const totals = totalsOf(rows.filter((r) => r.id === 'TOTP-04' || r.id === 'TOTP-13'));
    expect(totals).toMatchObject({ applicable: 2, checked: 1, untested: 1 });
  });

  it('come from a check skipped whole for want of the clock as untested, not skipped', () => {
    const session = { edition: 'pro', url: 'http://127.0.0.1:1', host: '127.0.0.1', udpPort: 1 } as const;
    const bare: TargetSession = { ...session, app: referenceApp(), close: async () => undefined };
    expect(where({ clock: true })({ edition: 'pro' }, bare)).toEqual({
      applies: false,
      reason: REASONS.clock,
      untested: true,
    });
    // What the target was not given is untested too; a rule of another edition is skipped.
    expect(where({ dataDir: true })({ edition: 'pro' }, bare)).toEqual({
      applies: false,
      reason: REASONS.dataDir,
      untested: true,
    });
    expect(where({ twoFactor: true })({ edition: 'home' }, bare)).toEqual({
      applies: false,
      reason: REASONS.twoFactor,
    });
  });
});
