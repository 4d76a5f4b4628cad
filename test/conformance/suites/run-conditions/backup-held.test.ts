import { describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../../../../conformance/spec/requirements/index.js';
import { runConformance } from '../../../../conformance/runner/run-conformance.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { runConditionsCheck } from '../../../../conformance/suites/run-conditions/backup-held.js';
import { loadProfile } from '../../../../devices/load-profiles.js';

describe('run conditions suite against the reference server', () => {
  it('passes on an Android and an iOS profile, with every covered requirement passing', async () => {
    const { summary } = await runConformance({
      target: new ReferenceTarget(['pro']),
      checks: [runConditionsCheck],
      catalogue: REQUIREMENTS,
      profiles: [loadProfile('redmi-note-8'), loadProfile('iphone-6s')],
      seed: 42,
      runs: 15,
      command: 'test',
      kitVersion: 'test',
      replayCommand: () => 'mbsc run --seed 42',
    });
    const cells = summary.checks[0]!.cells;
    expect(cells.map((c) => [c.column, c.verdict, c.failure?.message])).toEqual([
      ['redmi-note-8 @ pro', 'pass', undefined],
      ['iphone-6s @ pro', 'pass', undefined],
    ]);
    expect(cells.every((c) => c.runs === 15)).toBe(true);
    const run03 = summary.requirements.find((r) => r.id === 'RUN-03');
    expect(run03).toMatchObject({ verdict: 'pass', checks: ['run-conditions-model'] });
    expect(summary.requirements.find((r) => r.id === 'TOTP-01')?.verdict).toBe('untested');
    expect(summary.verdict).toBe('pass');
  });
});
