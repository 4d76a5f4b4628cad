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

describe('device verdicts by what their cells found', () => {
  const levels = [
    { id: 'TOTP-02', level: 'MUST' as const },
    { id: 'TOTP-15', level: 'ADVISORY' as const },
  ];
  const checks = [{ id: 'totp-synthetic', requirements: ['TOTP-02', 'TOTP-15'] }];
  const finding = (profile: string, verdict: 'fail' | 'advisory', charged: string): Cell => ({
    ...cell(profile, verdict),
    failure: { message: `${verdict} on ${profile}`, requirements: [charged], replayCommand: 'mbsc run' },
  });
  const phones = ['advisory-phone', 'failing-phone', 'erring-phone', 'idle-phone'].map((id) => ({
    id,
    platform: 'ios',
    osVersion: '17.5',
  }));
  const results: CheckResult[] = [
    {
      checkId: 'totp-synthetic',
      title: 'a synthetic check with a MUST and an ADVISORY requirement',
      area: 'TOTP',
      requirements: ['TOTP-02', 'TOTP-15'],
      cells: [
        finding('advisory-phone', 'advisory', 'TOTP-15'),
        finding('failing-phone', 'fail', 'TOTP-02'),
        cell('erring-phone', 'error', 'the target could not be reached'),
      ],
    },
  ];

  it('pass beside an advisory finding, fail on a MUST failure, error where the kit could not tell', () => {
    const devices = deviceVerdicts(phones, results, checks, levels);
    expect(devices.map((d) => [d.profile, d.verdict])).toEqual([
      ['advisory-phone', 'pass'],
      ['failing-phone', 'fail'],
      ['erring-phone', 'error'],
      ['idle-phone', 'skipped'],
    ]);
  });
});
