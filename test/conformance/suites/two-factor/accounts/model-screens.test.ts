/** The 2FA page's model through the screens: the in-process session model stands in for the app over WebDriver. */
import { describe, expect, it } from 'vitest';
import { uiAccountsModelCheck } from '../../../../../conformance/suites/two-factor/accounts/model-screens.js';
import type { SimulatorSession } from '../../../../../simulators/session/simulator-session.js';
import { runDeviceChecks } from '../../fixtures/device-run.js';
import { failuresOf } from '../../fixtures/two-factor-run.js';
import { screensApp } from '../../fixtures/ui-broken-apps.js';

const run = (breakIt?: (session: SimulatorSession) => void) =>
  runDeviceChecks([uiAccountsModelCheck], { runs: 6, seed: 5, app: screensApp([], breakIt) });

describe('tfa-accounts-model-screens', () => {
  it('passes on Android and iOS through the screens', async () => {
    const summary = await run();
    expect(failuresOf(summary)).toEqual([]);
    expect(summary.checks[0]!.cells.map((c) => c.verdict)).toEqual(['pass', 'pass']);
    for (const id of uiAccountsModelCheck.requirements)
      expect(summary.requirements.find((r) => r.id === id)?.verdict).toBe('pass');
  }, 120_000);

  it.each([
    [
      'a Save that keeps the old name',
      'TFA-13',
      (s: SimulatorSession) => void (s.app.accounts.rename = () => undefined),
    ],
    [
      'codes a step late',
      'TOTP-02',
      (s: SimulatorSession) => {
        const codes = s.app.accounts.codes.bind(s.app.accounts);
        s.app.accounts.codes = (at) => codes(at - 30_000);
      },
    ],
    [
      'a Reorder that keeps the order',
      'TFA-15',
      (s: SimulatorSession) => void (s.app.accounts.reorder = () => undefined),
    ],
  ])(
    'fails an app with %s on %s',
    async (_what, id, breakIt) => {
      const summary = await run(breakIt);
      for (const cell of summary.checks[0]!.cells) expect(cell.failure?.requirements).toContain(id);
    },
    120_000,
  );
});
