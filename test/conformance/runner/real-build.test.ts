/** A real build (`--via emulator`) is judged through its screens only: model checks of the app do not apply to it. */
import { describe, expect, it } from 'vitest';
import { uiPairingConfirmationCheck } from '../../../conformance/suites/pairing/confirm-and-connect-screens.js';
import { runConditionsCheck } from '../../../conformance/suites/run-conditions/backup-held.js';
import { referenceApp, type AppUnderTest } from '../../../conformance/targets/app-under-test.js';
import { runDeviceChecks } from '../suites/fixtures/device-run.js';

// A build that serves the element ids and the kit's mobile: methods: here the simulated app's screens in process.
const build: AppUnderTest = { ...referenceApp(), via: 'webdriver', realBuild: true };
const confirmation = uiPairingConfirmationCheck;

describe('a run against a real build', () => {
  it('skips the app model checks with the reason and runs the checks of the screens', async () => {
    const summary = await runDeviceChecks([runConditionsCheck, confirmation], { app: build, runs: 3 });
    const cells = Object.fromEntries(summary.checks.map((c) => [c.checkId, c.cells.map((x) => [x.verdict, x.reason])]));
    const reason = 'checks the app model in process; a real build is checked through its screens';
    expect(cells['run-conditions-model']).toEqual([
      ['skipped', reason],
      ['skipped', reason],
    ]);
    expect(cells['pairing-confirmation-screens']).toEqual([
      ['pass', undefined],
      ['pass', undefined],
    ]);
    expect(summary.requirements.find((r) => r.id === 'RUN-01')?.verdict).toBe('skipped');
  }, 60_000);

  it('runs the same model check on the reference app model', async () => {
    const summary = await runDeviceChecks([runConditionsCheck], { runs: 3 });
    expect(summary.checks[0]!.cells.map((c) => c.verdict)).toEqual(['pass', 'pass']);
  }, 60_000);
});
