import { describe, expect, it } from 'vitest';
import { migrationChecks as acrossPlatforms } from '../../../../conformance/suites/migration/across-platforms.js';
import { pushMoves, totpRevoked } from '../../../../conformance/suites/migration/two-factor-after-repair.js';
import { REASONS } from '../../../../conformance/kit/applies.js';
import { runConformance } from '../../../../conformance/runner/run-conformance.js';
import { REQUIREMENTS } from '../../../../conformance/spec/requirements/index.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { loadProfile } from '../../../../devices/load-profiles.js';
import { ANDROID, cellTable, IOS, passOn, runDeviceChecks, verdicts } from '../fixtures/device-run.js';

const migrationChecks = [...acrossPlatforms, pushMoves, totpRevoked];

describe('migration suite against the reference server', () => {
  it('passes on Android and iOS; the original TOTP staying valid is an advisory finding', async () => {
    const summary = await runDeviceChecks(migrationChecks);
    const table = cellTable(summary);
    expect(table['migration-app-across-platforms']).toEqual(passOn(ANDROID, IOS));
    expect(table['migration-push-moves-to-replacement']).toEqual(passOn(ANDROID, IOS));
    expect(table['migration-original-totp-revoked']!.map(([column, verdict]) => [column, verdict])).toEqual([
      [`${ANDROID} @ pro`, 'advisory'],
      [`${IOS} @ pro`, 'advisory'],
    ]);
    const musts = [
      'MIG-01',
      'MIG-02',
      'MIG-03',
      'MIG-04',
      'MIG-05',
      'MIG-06',
      'MIG-07',
      'MIG-08',
      'MIG-10',
      'MIG-11',
      'MIG-13',
    ];
    expect(verdicts(summary, musts)).toEqual(Object.fromEntries(musts.map((id) => [id, 'pass'])));
    expect(verdicts(summary, ['MIG-09'])).toEqual({ 'MIG-09': 'advisory' });
    expect(summary.verdict).toBe('pass');
  });

  it('skips the 2FA checks on the Home edition', async () => {
    const { summary } = await runConformance({
      target: new ReferenceTarget(['home']),
      checks: migrationChecks,
      catalogue: REQUIREMENTS,
      profiles: [loadProfile(IOS)],
      seed: 1,
      runs: 5,
      command: 'test',
      kitVersion: 'test',
      replayCommand: () => 'mbsc run',
    });
    expect(cellTable(summary)).toEqual({
      'migration-app-across-platforms': [[`${IOS} @ home`, 'pass', undefined]],
      'migration-push-moves-to-replacement': [[`${IOS} @ home`, 'skipped', REASONS.twoFactor]],
      'migration-original-totp-revoked': [[`${IOS} @ home`, 'skipped', REASONS.twoFactor]],
    });
  });
});
