/** The restore file explorer property through the screens, on Android and iOS, and on explorers that misbehave. */
import { describe, expect, it } from 'vitest';
import { uiRestoreExplorerCheck } from '../../../../conformance/suites/restore/explorer-screens.js';
import { referenceApp } from '../../../../conformance/targets/app-under-test.js';
import { runDeviceChecks } from '../fixtures/device-run.js';
import { deadTaps, misdrawn, runRestoreScreens } from '../fixtures/ui-restore-run.js';

const ANDROID = 'redmi-note-8';
const IOS = 'iphone-12-mini';
const REQUIREMENTS = ['RFE-01', 'RFE-02', 'RFE-03', 'RFE-04', 'RFE-05', 'RFE-14', 'RFE-15'];

describe('restore-explorer-model-screens through the screens', () => {
  it('passes on Android and iOS', async () => {
    const { cells, verdictOf } = await runRestoreScreens(uiRestoreExplorerCheck, [ANDROID, IOS]);
    expect(cells.map((c) => [c.column, c.verdict, c.message])).toEqual([
      [`${ANDROID} @ pro`, 'pass', undefined],
      [`${IOS} @ pro`, 'pass', undefined],
    ]);
    for (const id of REQUIREMENTS) expect([id, verdictOf(id)]).toEqual([id, 'pass']);
  }, 120_000);

  it('judges the explorer alone when the app frees up more than it should, as the in-process check does', async () => {
    const summary = await runDeviceChecks([uiRestoreExplorerCheck], {
      runs: 10,
      seed: 5,
      profiles: [ANDROID, IOS],
      app: { ...referenceApp(['frees-beyond-limit']), via: 'webdriver' },
    });
    expect(summary.checks[0]!.cells.map((c) => [c.column, c.verdict, c.failure?.message])).toEqual([
      [`${ANDROID} @ pro`, 'pass', undefined],
      [`${IOS} @ pro`, 'pass', undefined],
    ]);
  }, 120_000);

  it('catches an enlarge toggle that keeps 4 per row', async () => {
    const { cells, verdictOf } = await runRestoreScreens(uiRestoreExplorerCheck, [IOS], deadTaps(/^explorer-enlarge$/));
    expect(cells[0]!.verdict).toBe('fail');
    expect(cells[0]!.requirements).toEqual(['RFE-01']);
    expect(verdictOf('RFE-01')).toBe('fail');
  }, 120_000);

  it('catches a Select all that ticks nothing', async () => {
    const { cells } = await runRestoreScreens(uiRestoreExplorerCheck, [ANDROID], deadTaps(/^explorer-select-all$/));
    expect(cells[0]!.verdict).toBe('fail');
    // The items left unticked are Select all's finding (RFE-03 alone: its own view's items), judged before the count
    // they also throw off.
    expect(cells[0]!.requirements).toEqual(['RFE-03']);
  }, 120_000);

  it('catches an All view that groups by album', async () => {
    const { cells } = await runRestoreScreens(
      uiRestoreExplorerCheck,
      [IOS],
      misdrawn(/group-[\w-]+-title/, '2021-04-19', 'Camera'),
    );
    expect(cells[0]!.verdict).toBe('fail');
    expect(cells[0]!.requirements).toEqual(['RFE-05', 'RFE-15']);
  }, 120_000);
});
