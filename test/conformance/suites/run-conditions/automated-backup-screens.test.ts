/** The run settings' defaults, automated backup and backup without internet through the screens, and broken apps. */
import { describe, expect, it } from 'vitest';
import { UI_AUTOMATED_BACKUP_CHECKS } from '../../../../conformance/suites/run-conditions/automated-backup-screens.js';
import { passOn } from '../fixtures/device-run.js';
import { runOnScreens, screensApp } from '../fixtures/ui-broken-apps.js';

const ids = [
  'run-conditions-settings-defaults-screens',
  'run-conditions-automated-backup-screens',
  'run-conditions-lan-without-internet-screens',
];

describe('the run settings and automated backup through the screens', () => {
  it('pass against the reference app on Android and iOS', async () => {
    const { cells, verdict } = await runOnScreens(UI_AUTOMATED_BACKUP_CHECKS);
    for (const id of ids) expect(cells[id]).toEqual(passOn('samsung-galaxy-a12', 'iphone-6s'));
    expect(verdict).toBe('pass');
  }, 120_000);

  it('catch an app installed with power saving off', async () => {
    const app = screensApp([], (s) => s.app.updateSettings({ powerSaving: false }));
    const { failed, verdictOf } = await runOnScreens(UI_AUTOMATED_BACKUP_CHECKS.slice(0, 1), app);
    expect(failed(ids[0]!).map((c) => c.failure?.requirements)).toEqual([['RUN-08'], ['RUN-08']]);
    // The check stopped at its finding: what it never reached reads untested, not pass.
    expect([verdictOf('RUN-08'), verdictOf('RUN-11'), verdictOf('RUN-15')]).toEqual(['fail', 'untested', 'untested']);
  }, 120_000);

  it('catch an Android app that never backs up in the background', async () => {
    const app = screensApp([], (s) => {
      const eligible = s.app.eligibleItems.bind(s.app);
      s.app.eligibleItems = () => (s.device.foreground ? eligible() : []);
    });
    const { failed, verdictOf } = await runOnScreens(UI_AUTOMATED_BACKUP_CHECKS.slice(1, 2), app);
    expect(failed(ids[1]!).map((c) => [c.column, c.failure?.requirements])).toEqual([
      ['samsung-galaxy-a12 @ pro', ['RUN-16']],
    ]);
    expect([verdictOf('RUN-16'), verdictOf('RUN-17')]).toEqual(['fail', 'pass']);
  }, 120_000);

  it('catch an app that holds backup without internet', async () => {
    const app = screensApp([], (s) => {
      const holds = s.app.holdReasons.bind(s.app);
      s.app.holdReasons = (kind) => [
        ...holds(kind),
        ...(s.device.network.internet ? [] : ['not-on-backup-lan' as const]),
      ];
    });
    const { failed, verdictOf } = await runOnScreens(UI_AUTOMATED_BACKUP_CHECKS.slice(2), app);
    expect(failed(ids[2]!).map((c) => c.failure?.requirements)).toEqual([['RUN-02'], ['RUN-02']]);
    expect(verdictOf('RUN-02')).toBe('fail');
  }, 120_000);
});
