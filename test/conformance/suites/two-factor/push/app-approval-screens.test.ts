/** Push approval through the screens: the in-process session model stands in for the app over WebDriver. */
import { describe, expect, it } from 'vitest';
import {
  uiPushCheck,
  uiPushNotificationsDeniedCheck,
} from '../../../../../conformance/suites/two-factor/push/app-approval-screens.js';
import type { SimulatorSession } from '../../../../../simulators/session/simulator-session.js';
import { cellTable, runDeviceChecks } from '../../fixtures/device-run.js';
import { failuresOf } from '../../fixtures/two-factor-run.js';
import { screensApp } from '../../fixtures/ui-broken-apps.js';

// iphone-7 has no screen lock: enhanced security cannot be turned on there, as in process.
const PROFILES = ['redmi-note-8', 'iphone-12-mini', 'iphone-7'];
const checks = [uiPushCheck, uiPushNotificationsDeniedCheck];

const run = (breakIt?: (session: SimulatorSession) => void) =>
  runDeviceChecks(checks, { runs: 1, seed: 5, profiles: PROFILES, app: screensApp([], breakIt) });

describe('push approval through the screens', () => {
  it('passes on Android and iOS; notifications denied only on Android', async () => {
    const summary = await run();
    expect(failuresOf(summary)).toEqual([]);
    expect(cellTable(summary)).toEqual({
      'tfa-push-app-approval-screens': PROFILES.map((p) => [`${p} @ pro`, 'pass', undefined]),
      'tfa-push-notifications-denied-screens': [
        ['redmi-note-8 @ pro', 'pass', undefined],
        ['iphone-12-mini @ pro', 'skipped', expect.stringContaining('first launch')],
        ['iphone-7 @ pro', 'skipped', expect.stringContaining('first launch')],
      ],
    });
    for (const id of checks.flatMap((c) => c.requirements))
      expect(summary.requirements.find((r) => r.id === id)?.verdict).toBe('pass');
  }, 120_000);

  it.each([
    [
      'approves on Reject',
      ['PUSH-06'],
      (s: SimulatorSession) => {
        const answer = s.twoFactor.answer.bind(s.twoFactor);
        s.twoFactor.answer = (id, _decision, options) => answer(id, 'approve', options);
      },
    ],
    [
      'approves without asking with enhanced security on',
      ['ESEC-04'],
      (s: SimulatorSession) => {
        const asks = s.app.security.asks.bind(s.app.security);
        s.app.security.asks = (action) => action !== 'approve' && asks(action);
      },
    ],
    [
      'notifies with notifications denied',
      ['PUSH-09'],
      (s: SimulatorSession) => {
        const answers = s.device.permissions.answers;
        const set = answers.set.bind(answers);
        answers.set = (permission, answer) => (permission === 'notifications' ? answers : set(permission, answer));
      },
    ],
  ])(
    'fails an app that %s',
    async (_what, ids, breakIt) => {
      const summary = await run(breakIt);
      const failed = summary.checks.flatMap((c) => c.cells.filter((cell) => cell.verdict === 'fail'));
      expect(failed.length).toBeGreaterThan(0);
      for (const cell of failed) expect(cell.failure?.requirements).toEqual(ids);
    },
    120_000,
  );
});
