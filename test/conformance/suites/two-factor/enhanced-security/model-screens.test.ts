/** The enhanced security model through the screens: the in-process session model stands in for the app over WebDriver. */
import { describe, expect, it } from 'vitest';
import { uiEnhancedSecurityCheck } from '../../../../../conformance/suites/two-factor/enhanced-security/model-screens.js';
import type { SimulatorSession } from '../../../../../simulators/session/simulator-session.js';
import { runDeviceChecks } from '../../fixtures/device-run.js';
import { failuresOf } from '../../fixtures/two-factor-run.js';
import { screensApp } from '../../fixtures/ui-broken-apps.js';

// iphone-7 has no screen lock, samsung-galaxy-j4 neither a lock nor a biometric.
const PROFILES = ['redmi-note-8', 'iphone-12-mini', 'iphone-7', 'samsung-galaxy-j4'];

const run = (breakIt?: (session: SimulatorSession) => void, profiles = PROFILES, runs = 8) =>
  runDeviceChecks([uiEnhancedSecurityCheck], { runs, seed: 5, profiles, app: screensApp([], breakIt) });

describe('tfa-enhanced-security-model-screens', () => {
  it('passes through the screens on phones with and without a screen lock or a biometric', async () => {
    const summary = await run();
    expect(failuresOf(summary)).toEqual([]);
    expect(summary.checks[0]!.cells.map((c) => c.verdict)).toEqual(['pass', 'pass', 'pass', 'pass']);
    for (const id of uiEnhancedSecurityCheck.requirements)
      expect(summary.requirements.find((r) => r.id === id)?.verdict).toBe('pass');
  }, 180_000);

  it.each([
    ['never locks', 'ESEC-08', (s: SimulatorSession) => void (s.app.security.lockRemainingMs = () => 0)],
    [
      'turns on without a screen lock',
      'ESEC-02',
      (s: SimulatorSession) => {
        const tap = s.tap.bind(s);
        s.tap = async (id) => {
          if (id !== 'more-enhanced-security' || s.device.screenLock !== 'none') return tap(id);
          s.app.security.enabled = !s.app.security.enabled;
        };
      },
    ],
  ])(
    'fails an app that %s on %s',
    async (_what, id, breakIt) => {
      const summary = await run(breakIt, ['redmi-note-8', 'iphone-12-mini'], 60);
      const cells = summary.checks[0]!.cells;
      expect(cells.map((c) => [c.verdict, c.failure?.message])).toEqual([
        ['fail', expect.any(String)],
        ['fail', expect.any(String)],
      ]);
      for (const cell of cells) expect(cell.failure?.requirements).toContain(id);
    },
    180_000,
  );
});
