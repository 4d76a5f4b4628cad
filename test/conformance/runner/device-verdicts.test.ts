/**
 * A device's verdict in summary.json: untested where what applies to it could not be checked here (a target given
 * without its console key), skipped only where nothing applies to it, pass or fail by what ran on it.
 */
import { describe, expect, it } from 'vitest';
import type { Cell, CheckResult } from '../../../conformance/runner/summary-schema.js';
import { deviceVerdicts } from '../../../conformance/runner/summary-verdicts.js';

const profiles = ['untested-phone', 'skipped-phone', 'passing-phone'].map((id) => ({
  id,
  platform: 'android',
  osVersion: '13',
}));

const cell = (profile: string, verdict: Cell['verdict'], reason?: string): Cell => ({
  column: `${profile} @ pro`,
  edition: 'pro',
  profile,
  verdict,
  durationMs: 0,
  runs: verdict === 'pass' ? 1 : 0,
  ...(reason ? { reason } : {}),
});

const result: CheckResult = {
  checkId: 'pairing-synthetic',
  title: 'a synthetic device check',
  area: 'PAIR',
  requirements: ['PAIR-02'],
  cells: [
    cell('untested-phone', 'untested', 'needs the console key (--console-key)'),
    cell('skipped-phone', 'skipped', 'applies to iOS only'),
    cell('passing-phone', 'pass'),
  ],
};

describe('device verdicts', () => {
  it('read untested, skipped or pass as the device’s cells do', () => {
    const checks = [{ id: result.checkId, requirements: ['PAIR-02'] }];
    const devices = deviceVerdicts(profiles, [result], checks, [{ id: 'PAIR-02', level: 'MUST' }]);
    expect(devices.map((d) => [d.profile, d.verdict])).toEqual([
      ['untested-phone', 'untested'],
      ['skipped-phone', 'skipped'],
      ['passing-phone', 'pass'],
    ]);
  });
});
