/** What the phones say around a migration through the screens: the session model stands in for WebDriver. */
import { describe, expect, it } from 'vitest';
import { uiReplacementSaysCheck } from '../../../../conformance/suites/migration/replacement-says-screens.js';
import { runThroughScreens } from '../fixtures/device-run.js';

describe('migration-replacement-says-screens through the screens', () => {
  it('passes on Android and iOS', async () => {
    const { cells, verdictOf } = await runThroughScreens(uiReplacementSaysCheck, []);
    expect(cells.map((c) => [c.column, c.verdict, c.failure?.message])).toEqual([
      ['redmi-note-8 @ pro', 'pass', undefined],
      ['iphone-12-mini @ pro', 'pass', undefined],
    ]);
    expect(['MIG-16', 'MIG-17', 'RST-19'].map(verdictOf)).toEqual(['pass', 'pass', 'pass']);
  }, 120_000);

  it('catches an app that names the two devices the other way round', async () => {
    const { cells, verdictOf } = await runThroughScreens(uiReplacementSaysCheck, ['migration-names-swapped']);
    expect(cells.map((c) => c.failure?.requirements)).toEqual([['MIG-16'], ['MIG-16']]);
    expect(verdictOf('MIG-16')).toBe('fail');
  }, 120_000);

  it("catches an iOS replacement that says Android's one text, with no dialog for the pairing", async () => {
    const { cells, verdictOf } = await runThroughScreens(uiReplacementSaysCheck, ['migration-dialogs-merged-on-ios']);
    expect(cells.map((c) => [c.verdict, c.failure?.requirements])).toEqual([
      ['pass', undefined],
      ['fail', ['MIG-17']],
    ]);
    expect(cells[1]?.failure?.message).toContain("the replacement's dialogs on ios");
    expect(verdictOf('MIG-17')).toBe('fail');
  }, 120_000);

  it('catches an app whose replacement restores by Original location', async () => {
    const { cells, verdictOf } = await runThroughScreens(uiReplacementSaysCheck, ['restore-option-always-original']);
    expect(cells[0]?.failure?.message).toContain("the replacement's restore option");
    expect(verdictOf('RST-19')).toBe('fail');
  }, 120_000);
});
