/** The backup sources checks through the screens, on the reference app and on apps that break one rule. */
import { describe, expect, it } from 'vitest';
import { UI_BACKUP_SOURCE_CHECKS as SELECTION } from '../../../../conformance/suites/sources/offered-and-selected-screens.js';
import { uiTwoFactorSourceCheck } from '../../../../conformance/suites/sources/two-factor-accounts-screens.js';

const UI_BACKUP_SOURCE_CHECKS = [...SELECTION, uiTwoFactorSourceCheck];
import { ANDROID, IOS, passOn, skipOn } from '../fixtures/device-run.js';
import { runOnScreens, screensApp } from '../fixtures/ui-broken-apps.js';

const only = (id: string) => UI_BACKUP_SOURCE_CHECKS.filter((c) => c.id === id);

describe('backup sources through the screens', () => {
  it('pass on Android and iOS; the platform and SD card checks skip where they do not apply', async () => {
    const { cells, verdictOf, verdict } = await runOnScreens(UI_BACKUP_SOURCE_CHECKS);
    expect(cells).toEqual({
      'sources-offered-android-screens': [...passOn(ANDROID), skipOn(IOS, 'applies to Android only')],
      'sources-offered-ios-screens': [skipOn(ANDROID, 'applies to iOS only'), ...passOn(IOS)],
      'sources-at-least-one-screens': passOn(ANDROID, IOS),
      'sources-selected-only-screens': passOn(ANDROID, IOS),
      'sources-2fa-accounts-screens': passOn(ANDROID, IOS),
      'sources-sd-card-screens': [...passOn(ANDROID), skipOn(IOS, 'applies to Android only')],
    });
    for (const id of ['SRC-01', 'SRC-02', 'SRC-03', 'SRC-04', 'SRC-05', 'SRC-06', 'SRC-07', 'SRC-08']) {
      expect(verdictOf(id)).toBe('pass');
    }
    expect(verdict).toBe('pass');
  }, 120_000);

  it('apply only over WebDriver: in process the in-process checks cover the same rules', async () => {
    const { cells } = await runOnScreens(only('sources-at-least-one-screens'), {
      ...screensApp(),
      via: 'in-process',
    });
    const reason = 'runs with --via appium; in process, sources-at-least-one checks the same rules';
    expect(cells['sources-at-least-one-screens']).toEqual([skipOn(ANDROID, reason), skipOn(IOS, reason)]);
  });

  it('catch an app that accepts a selection with no source', async () => {
    const { failed, verdictOf } = await runOnScreens(
      only('sources-at-least-one-screens'),
      screensApp(['no-source-accepted']),
    );
    const cells = failed('sources-at-least-one-screens');
    expect(cells.map((c) => c.column)).toEqual([`${ANDROID} @ pro`, `${IOS} @ pro`]);
    for (const cell of cells) expect(cell.failure?.requirements).toEqual(['SRC-05']);
    expect(verdictOf('SRC-05')).toBe('fail');
  }, 60_000);

  it('catch an app that pairs with Photos alone selected', async () => {
    const app = screensApp(['paired-sources-not-preselected']);
    const { failed } = await runOnScreens(UI_BACKUP_SOURCE_CHECKS.slice(0, 2), app);
    expect(failed('sources-offered-android-screens')[0]?.failure?.requirements).toEqual(['SRC-03']);
    expect(failed('sources-offered-ios-screens')[0]?.failure?.requirements).toEqual(['SRC-04']);
  }, 60_000);

  it('catch an app that backs up the sources left out, and one that skips the SD card', async () => {
    const everything = screensApp([], (s) => {
      s.app.eligibleItems = () => s.device.mediaItems().filter((m) => m.kind !== undefined);
    });
    const sent = await runOnScreens(only('sources-selected-only-screens'), everything);
    expect(sent.failed('sources-selected-only-screens').map((c) => c.failure?.requirements)).toEqual([
      ['SRC-06'],
      ['SRC-06'],
    ]);
    const internalOnly = screensApp([], (s) => {
      const eligible = s.app.eligibleItems.bind(s.app);
      s.app.eligibleItems = () => eligible().filter((m) => m.storage !== 'sd');
    });
    const skipped = await runOnScreens(only('sources-sd-card-screens'), internalOnly);
    expect(skipped.failed('sources-sd-card-screens')[0]?.failure?.message).toMatch(/^items the server lists: got/);
    expect(skipped.verdictOf('SRC-07')).toBe('fail');
  }, 120_000);

  it('catch an app that never backs up its 2FA accounts, and one that backs them up deselected', async () => {
    for (const accounts of ['none', 'always'] as const) {
      const app = screensApp([], (s) => {
        s.app.accountsToBackUp = () => (accounts === 'none' ? [] : [...s.app.accounts.list()]);
      });
      const { failed, verdictOf } = await runOnScreens(only('sources-2fa-accounts-screens'), app);
      const messages = failed('sources-2fa-accounts-screens').map((c) => c.failure?.message);
      const when = accounts === 'none' ? 'selected' : 'deselected';
      expect(messages).toEqual([
        expect.stringContaining(`with them ${when}`),
        expect.stringContaining(`with them ${when}`),
      ]);
      expect(verdictOf('SRC-08')).toBe('fail');
    }
  }, 120_000);
});
