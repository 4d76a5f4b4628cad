/** The backup sources checks through the screens, on the reference app and on apps that break one rule. */
import { describe, expect, it } from 'vitest';
import { UI_BACKUP_SOURCE_CHECKS } from '../../../conformance/suites/ui-backup-sources.js';
import { ANDROID, IOS, passOn, skipOn } from './device-run.js';
import { runOnScreens, screensApp } from './ui-broken-apps.js';

const only = (id: string) => UI_BACKUP_SOURCE_CHECKS.filter((c) => c.id === id);

describe('backup sources through the screens', () => {
  it('pass on Android and iOS; the platform and SD card checks skip where they do not apply', async () => {
    const { cells, verdictOf, verdict } = await runOnScreens(UI_BACKUP_SOURCE_CHECKS);
    expect(cells).toEqual({
      'ui-backup-sources-offered-android': [...passOn(ANDROID), skipOn(IOS, 'applies to Android only')],
      'ui-backup-sources-offered-ios': [skipOn(ANDROID, 'applies to iOS only'), ...passOn(IOS)],
      'ui-backup-sources-at-least-one': passOn(ANDROID, IOS),
      'ui-backup-sources-selected-only': passOn(ANDROID, IOS),
      'ui-backup-sources-2fa-accounts': passOn(ANDROID, IOS),
      'ui-backup-sources-sd-card': [...passOn(ANDROID), skipOn(IOS, 'applies to Android only')],
    });
    for (const id of ['SRC-01', 'SRC-02', 'SRC-03', 'SRC-04', 'SRC-05', 'SRC-06', 'SRC-07', 'SRC-08']) {
      expect(verdictOf(id)).toBe('pass');
    }
    expect(verdict).toBe('pass');
  }, 120_000);

  it('apply only over WebDriver: in process the in-process checks cover the same rules', async () => {
    const { cells } = await runOnScreens(only('ui-backup-sources-at-least-one'), {
      ...screensApp(),
      via: 'in-process',
    });
    const reason = 'runs with --via appium; in process, backup-sources-at-least-one checks the same rules';
    expect(cells['ui-backup-sources-at-least-one']).toEqual([skipOn(ANDROID, reason), skipOn(IOS, reason)]);
  });

  it('catch an app that accepts a selection with no source', async () => {
    const { failed, verdictOf } = await runOnScreens(
      only('ui-backup-sources-at-least-one'),
      screensApp(['no-source-accepted']),
    );
    const cells = failed('ui-backup-sources-at-least-one');
    expect(cells.map((c) => c.column)).toEqual([`${ANDROID} @ pro`, `${IOS} @ pro`]);
    for (const cell of cells) expect(cell.failure?.requirements).toEqual(['SRC-05']);
    expect(verdictOf('SRC-05')).toBe('fail');
  }, 60_000);

  it('catch an app that starts with Videos off', async () => {
    const app = screensApp([], (s) => void (s.app.sources = { ...s.app.sources, videos: false }));
    const { failed } = await runOnScreens(UI_BACKUP_SOURCE_CHECKS.slice(0, 2), app);
    expect(failed('ui-backup-sources-offered-android')[0]?.failure?.requirements).toEqual(['SRC-03']);
    expect(failed('ui-backup-sources-offered-ios')[0]?.failure?.requirements).toEqual(['SRC-04']);
  }, 60_000);

  it('catch an app that backs up the sources left out, and one that skips the SD card', async () => {
    const everything = screensApp([], (s) => {
      s.app.eligibleItems = () => s.device.mediaItems().filter((m) => m.kind !== undefined);
    });
    const sent = await runOnScreens(only('ui-backup-sources-selected-only'), everything);
    expect(sent.failed('ui-backup-sources-selected-only').map((c) => c.failure?.requirements)).toEqual([
      ['SRC-06'],
      ['SRC-06'],
    ]);
    const internalOnly = screensApp([], (s) => {
      const eligible = s.app.eligibleItems.bind(s.app);
      s.app.eligibleItems = () => eligible().filter((m) => m.storage !== 'sd');
    });
    const skipped = await runOnScreens(only('ui-backup-sources-sd-card'), internalOnly);
    expect(skipped.failed('ui-backup-sources-sd-card')[0]?.failure?.message).toMatch(/^items the server lists: got/);
    expect(skipped.verdictOf('SRC-07')).toBe('fail');
  }, 120_000);

  it('catch an app that never backs up its 2FA accounts, and one that backs them up deselected', async () => {
    for (const accounts of ['none', 'always'] as const) {
      const app = screensApp([], (s) => {
        s.app.accountsToBackUp = () => (accounts === 'none' ? [] : [...s.app.accounts.list()]);
      });
      const { failed, verdictOf } = await runOnScreens(only('ui-backup-sources-2fa-accounts'), app);
      const messages = failed('ui-backup-sources-2fa-accounts').map((c) => c.failure?.message);
      const when = accounts === 'none' ? 'selected' : 'deselected';
      expect(messages).toEqual([
        expect.stringContaining(`with them ${when}`),
        expect.stringContaining(`with them ${when}`),
      ]);
      expect(verdictOf('SRC-08')).toBe('fail');
    }
  }, 120_000);
});
