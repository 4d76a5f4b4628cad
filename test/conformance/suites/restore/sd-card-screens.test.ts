/** Restoring to the SD card through the screens, and an app that writes to the card without the permission. */
import { describe, expect, it } from 'vitest';
import type { AppDriver } from '../../../../devices/appium-driver/app-driver.js';
import { uiRestoreSdCardCheck } from '../../../../conformance/suites/restore/sd-card-screens.js';
import { runRestoreScreens } from '../fixtures/ui-restore-run.js';

const SD = 'samsung-galaxy-a12';
const NO_SD = 'redmi-note-8';
const IOS = 'iphone-12-mini';

describe('restore-sd-card-permission-screens through the screens', () => {
  it('passes on an Android phone with an SD card and skips the others', async () => {
    const { cells, verdictOf } = await runRestoreScreens(uiRestoreSdCardCheck, [SD, NO_SD, IOS]);
    expect(cells.map((c) => [c.column, c.verdict, c.message])).toEqual([
      [`${SD} @ pro`, 'pass', undefined],
      [`${NO_SD} @ pro`, 'skipped', `${NO_SD} has no SD card`],
      [`${IOS} @ pro`, 'skipped', 'applies to Android only'],
    ]);
    expect(verdictOf('RST-10')).toBe('pass');
  }, 120_000);

  it('catches an app that restores to the SD card without the permission', async () => {
    const { cells, verdictOf } = await runRestoreScreens(uiRestoreSdCardCheck, [SD], (driver) => ({
      ...driver,
      // The app never asks: whatever the user would answer, it writes to the card.
      execute: ((method: string, params?: object) =>
        method === 'mobile: setPermission'
          ? driver.execute('mobile: setPermission', { permission: 'sd-card', answer: 'allow' })
          : driver.execute(method as never, params as never)) as AppDriver['execute'],
    }));
    expect(cells[0]!.verdict).toBe('fail');
    expect(cells[0]!.requirements).toEqual(['RST-10']);
    expect(verdictOf('RST-10')).toBe('fail');
  }, 120_000);
});
