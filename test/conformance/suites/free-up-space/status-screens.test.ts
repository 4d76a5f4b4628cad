/** What the More page says of free up space through the screens: the session model stands in for WebDriver. */
import { describe, expect, it } from 'vitest';
import { UI_FREE_UP_STATUS_CHECKS } from '../../../../conformance/suites/free-up-space/status-screens.js';
import { runThroughScreens } from '../fixtures/device-run.js';

const [android, ios] = UI_FREE_UP_STATUS_CHECKS as [
  (typeof UI_FREE_UP_STATUS_CHECKS)[0],
  (typeof UI_FREE_UP_STATUS_CHECKS)[0],
];

describe('free-up-space-status-screens through the screens', () => {
  it('passes on each platform, with the iOS note on iOS only', async () => {
    const onAndroid = await runThroughScreens(android, []);
    expect(onAndroid.cells.map((c) => [c.column, c.verdict, c.reason])).toEqual([
      ['redmi-note-8 @ pro', 'pass', undefined],
      ['iphone-12-mini @ pro', 'skipped', 'applies to Android only'],
    ]);
    const onIos = await runThroughScreens(ios, []);
    expect(onIos.cells.map((c) => c.verdict)).toEqual(['skipped', 'pass']);
    expect(['FUS-15', 'FUS-16', 'FUS-17', 'FUS-18'].map(onIos.verdictOf)).toEqual(['pass', 'pass', 'pass', 'pass']);
  }, 120_000);

  it('catches an app whose status stays "Disabled" once free up space is on', async () => {
    const { cells, verdictOf } = await runThroughScreens(android, ['free-up-status-stale']);
    expect(cells[0]?.failure?.requirements).toEqual(['FUS-15']);
    expect(cells[0]?.failure?.message).toContain('the status once turned on');
    expect(verdictOf('FUS-15')).toBe('fail');
  }, 120_000);

  it('catches an app that says "successfully enabled" when free up space is turned off', async () => {
    const { cells, verdictOf } = await runThroughScreens(ios, ['free-up-toast-always-enabled']);
    expect(cells[1]?.failure?.requirements).toEqual(['FUS-17']);
    expect(cells[1]?.failure?.message).toContain('Free up space is successfully enabled.');
    expect(verdictOf('FUS-17')).toBe('fail');
  }, 120_000);

  it('catches an app that sets the limit on the tap, without waiting for Done', async () => {
    const { cells, verdictOf } = await runThroughScreens(android, ['free-up-limit-set-without-done']);
    expect(cells[0]?.failure?.requirements).toEqual(['FUS-18']);
    expect(cells[0]?.failure?.message).toContain('the picker once 8 GB is tapped');
    expect(verdictOf('FUS-18')).toBe('fail');
  }, 120_000);
});
