/** Migration through the screens: the in-process session model stands in for the app over WebDriver. */
import { describe, expect, it } from 'vitest';
import type { ServerFault } from '../../../../conformance/spec/faults.js';
import { runConformance } from '../../../../conformance/runner/run-conformance.js';
import { REQUIREMENTS } from '../../../../conformance/spec/requirements/index.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { loadProfile } from '../../../../devices/load-profiles.js';
import { uiMigrationCheck } from '../../../../conformance/suites/migration/across-platforms-screens.js';
import { throughScreens } from '../fixtures/screens-apps.js';

/** The check on an Android and an iOS phone through the screens, against a server with `faults`. */
async function run(faults: ServerFault[]) {
  const { summary } = await runConformance({
    target: new ReferenceTarget(['pro'], { faults, app: throughScreens }),
    checks: [uiMigrationCheck],
    catalogue: REQUIREMENTS,
    profiles: ['redmi-note-8', 'iphone-12-mini'].map((id) => loadProfile(id)),
    seed: 5,
    runs: 1,
    command: 'test',
    kitVersion: 'test',
    replayCommand: () => 'mbsc run --seed 5',
  });
  const verdictOf = (id: string) => summary.requirements.find((r) => r.id === id)?.verdict;
  return { cells: summary.checks[0]!.cells, verdictOf };
}

describe('migration-across-platforms-screens through the screens', () => {
  it('passes against the reference server and app on Android and iOS', async () => {
    const { cells, verdictOf } = await run([]);
    expect(cells.map((c) => [c.column, c.verdict, c.failure?.message])).toEqual([
      ['redmi-note-8 @ pro', 'pass', undefined],
      ['iphone-12-mini @ pro', 'pass', undefined],
    ]);
    for (const id of ['MIG-02', 'MIG-06', 'MIG-10', 'MIG-11', 'MIG-13']) expect(verdictOf(id)).toBe('pass');
    expect(verdictOf('MIG-03')).toBe('untested');
  }, 120_000);

  it('catches a server that drops the original’s items on migration', async () => {
    const { cells, verdictOf } = await run(['migration-loses-items']);
    expect(cells.every((c) => c.verdict === 'fail')).toBe(true);
    for (const cell of cells) expect(cell.failure?.requirements).toEqual(['MIG-11']);
    expect(verdictOf('MIG-11')).toBe('fail');
  }, 120_000);
});
