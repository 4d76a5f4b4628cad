/** The app's side of pairing and its connection setting through the screens, and hand-made broken apps. */
import { describe, expect, it } from 'vitest';
import { ClientError } from '../../../../conformance/spec/errors.js';
import { UI_PAIRING_CONNECTION_CHECKS } from '../../../../conformance/suites/pairing/connection-screens.js';
import { passOn } from '../fixtures/device-run.js';
import { runOnScreens, screensApp } from '../fixtures/ui-broken-apps.js';

const [needsPairing, connection] = UI_PAIRING_CONNECTION_CHECKS as [
  (typeof UI_PAIRING_CONNECTION_CHECKS)[0],
  (typeof UI_PAIRING_CONNECTION_CHECKS)[0],
];

describe('pairing and the connection setting through the screens', () => {
  it('pass against the reference app on Android and iOS', async () => {
    const { cells, verdict } = await runOnScreens(UI_PAIRING_CONNECTION_CHECKS);
    for (const id of ['pairing-needed-before-backup-screens', 'pairing-connection-setting-screens'])
      expect(cells[id]).toEqual(passOn('samsung-galaxy-a12', 'iphone-6s'));
    expect(verdict).toBe('pass');
  }, 120_000);

  it('catch an app whose Restore opens the Restore page before pairing', async () => {
    const app = screensApp([], (s) => {
      const tap = s.tap.bind(s);
      s.tap = async (id) => (id === 'backup-restore' && !s.app.pairing ? s.open('restore') : tap(id));
    });
    const { failed, verdictOf } = await runOnScreens([needsPairing], app);
    expect(failed('pairing-needed-before-backup-screens').map((c) => c.failure?.message)).toEqual([
      expect.stringContaining('Restore before pairing: got "none: the restore page opened"'),
      expect.stringContaining('Restore before pairing: got "none: the restore page opened"'),
    ]);
    expect(verdictOf('PAIR-04')).toBe('fail');
  }, 120_000);

  it('catch an app that says something else than the seed when a host fails', async () => {
    const app = screensApp([], (s) => {
      const set = s.app.setConnection.bind(s.app);
      s.app.setConnection = (setting) =>
        set(setting).catch(() => Promise.reject(new ClientError('host-invalid', 'Could not connect.')));
    });
    const { failed, verdictOf } = await runOnScreens([connection], app);
    // The silent host fails first, before the property: the message names the rule's message.
    const messages = failed('pairing-connection-setting-screens').map((c) => c.failure?.message);
    expect(messages).toEqual([
      expect.stringContaining('failed with "Could not connect.", not the seed\'s message'),
      expect.stringContaining('failed with "Could not connect.", not the seed\'s message'),
    ]);
    expect(verdictOf('PAIR-08')).toBe('fail');
  }, 120_000);
});
