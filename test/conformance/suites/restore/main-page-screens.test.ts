/** The restore main page property through the screens, on Android and iOS, and on apps whose page misbehaves. */
import { describe, expect, it } from 'vitest';
import { uiRestorePageChecks } from '../../../../conformance/suites/restore/main-page-screens.js';
import { deadTaps, misdrawn, runRestoreScreens } from '../fixtures/ui-restore-run.js';

const [android, ios] = uiRestorePageChecks;
const ANDROID = 'redmi-note-8';
const IOS = 'iphone-12-mini';

describe('restore-main-page-*-screens through the screens', () => {
  it('passes on Android and on iOS, each check skipping the other platform', async () => {
    for (const [check, offered] of [
      [android!, 'RST-03'],
      [ios!, 'RST-04'],
    ] as const) {
      const { cells, verdictOf } = await runRestoreScreens(check, [ANDROID, IOS]);
      const [onAndroid, onIos] = check === android ? ['pass', 'skipped'] : ['skipped', 'pass'];
      expect(cells.map((c) => [c.column, c.verdict])).toEqual([
        [`${ANDROID} @ pro`, onAndroid],
        [`${IOS} @ pro`, onIos],
      ]);
      for (const id of [offered, 'RST-05', 'RST-13', 'RST-14', 'RST-15', 'RST-17', 'RFE-11', 'RFE-12'])
        expect([id, verdictOf(id)]).toEqual([id, 'pass']);
      expect(verdictOf('RST-16')).toBe('untested');
    }
  }, 120_000);

  it('catches a checkbox that shows blue with only some items selected', async () => {
    const { cells, verdictOf } = await runRestoreScreens(
      android!,
      [ANDROID],
      misdrawn(/restore-colour-/, 'orange', 'blue'),
    );
    expect(cells[0]!.verdict).toBe('fail');
    expect(cells[0]!.requirements).toEqual(['RST-14']);
    expect(verdictOf('RST-14')).toBe('fail');
    // The check stopped at its finding: what it never reached reads untested, not pass.
    expect(verdictOf('RST-13')).toBe('untested');
  }, 120_000);

  it('catches a kind checkbox that does nothing', async () => {
    const { cells, verdictOf } = await runRestoreScreens(ios!, [IOS], deadTaps(/^restore-select-photo$/));
    expect(cells[0]!.verdict).toBe('fail');
    // The first tap of an empty checkbox selects: its rule is named with the count, not RST-17's or RFE-12's.
    expect(cells[0]!.requirements).toEqual(['RST-13', 'RFE-11']);
    expect(verdictOf('RFE-11')).toBe('fail');
  }, 120_000);

  it('catches a Restore that goes ahead with nothing selected', async () => {
    // The app asks nothing: Restore leaves the page as a restore would.
    const { cells } = await runRestoreScreens(ios!, [IOS], (driver) => {
      return {
        ...driver,
        async tap(element) {
          await driver.tap(element);
          if (element === 'restore-start' && (await driver.execute('mobile: appState')).screen === 'restore') {
            await driver.tap('message-ok');
            await driver.tap('nav-back');
          }
        },
      };
    });
    expect(cells[0]!.verdict).toBe('fail');
    expect(cells[0]!.requirements).toEqual(['RST-05']);
  }, 120_000);
});
