/** Restore's tabs through the screens: the latest state only, and the Delete tab while registered and after. */
import { describe, expect, it } from 'vitest';
import type { AppDriver } from '../../../../devices/appium-driver/app-driver.js';
import { uiRestoreTabChecks } from '../../../../conformance/suites/restore/tabs-screens.js';
import { deadTaps, runRestoreScreens } from '../fixtures/ui-restore-run.js';
import { runThroughScreens } from '../fixtures/device-run.js';

const [latest, deleteTab] = uiRestoreTabChecks;
const PHONES = ['redmi-note-8', 'iphone-12-mini'];

describe('restore tabs through the screens', () => {
  it('pass on Android and iOS', async () => {
    for (const [check, ids] of [
      [latest!, ['RST-01']],
      [deleteTab!, ['RFE-09', 'RFE-10']],
    ] as const) {
      const { cells, verdictOf } = await runRestoreScreens(check, PHONES);
      expect(cells.map((c) => [c.column, c.verdict, c.message])).toEqual(
        PHONES.map((p) => [`${p} @ pro`, 'pass', undefined]),
      );
      for (const id of ids) expect([id, verdictOf(id)]).toEqual([id, 'pass']);
    }
  }, 120_000);

  it('catch a Delete tab that shows the Recent items', async () => {
    const stuck = deadTaps(/^explorer-tab-deleted$/);
    const listed = await runRestoreScreens(latest!, PHONES, stuck);
    expect(listed.cells.map((c) => [c.verdict, c.requirements])).toEqual(PHONES.map(() => ['fail', ['RST-01']]));
    const restored = await runRestoreScreens(deleteTab!, PHONES, stuck);
    expect(restored.cells.map((c) => [c.verdict, c.requirements])).toEqual(PHONES.map(() => ['fail', ['RFE-09']]));
    expect(restored.verdictOf('RFE-09')).toBe('fail');
  }, 120_000);

  it('catch an app that keeps the lists of its first restore page (restore-lists-kept)', async () => {
    // The first backup's lists must be read, or the kept lists would never have been made before the second.
    const { cells, verdictOf } = await runThroughScreens(latest!, ['restore-lists-kept']);
    expect(cells.map((c) => [c.verdict, c.failure?.requirements])).toEqual(PHONES.map(() => ['fail', ['RST-01']]));
    expect(cells.map((c) => c.failure?.message)).toEqual(
      PHONES.map(() => expect.stringContaining('what restore offers after the second backup')),
    );
    expect(verdictOf('RST-01')).toBe('fail');
  }, 120_000);

  it('catches an app that still offers the items of a removed device', async () => {
    // The app shows the restore page it opened first again, instead of asking the server.
    const { cells, verdictOf } = await runRestoreScreens(deleteTab!, PHONES, (driver) => {
      let opened = 0;
      let first = '';
      const again = () => opened > 1;
      return {
        ...driver,
        async tap(element) {
          await driver.tap(element);
          if (element === 'backup-restore' && ++opened === 1) first = await driver.pageSource();
        },
        pageSource: async () => (again() ? first : driver.pageSource()),
        execute: (async (method: string, params?: object) => {
          const result = await driver.execute(method as never, params as never);
          const screen = method === 'mobile: waitForIdle' && again();
          return screen ? { ...(result as object), screen: 'restore', message: null } : result;
        }) as AppDriver['execute'],
      };
    });
    expect(cells.map((c) => [c.verdict, c.requirements])).toEqual(PHONES.map(() => ['fail', ['RFE-10']]));
    // The check stopped at its finding: what it never reached reads untested, not pass.
    expect(verdictOf('RFE-09')).toBe('untested');
  }, 120_000);
});
