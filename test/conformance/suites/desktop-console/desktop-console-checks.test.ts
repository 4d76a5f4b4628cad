/**
 * The desktop console's checks driven through the runner in real Chromium, as `mbsc run` runs them: every one
 * passes on the reference console (Pro, and Home where the 2FA screens do not apply), and a faulty console fails
 * the requirement it breaks. Without Chromium or playwright-core the tests are skipped, their titles saying why.
 */
import { describe, expect, it } from 'vitest';
import { browserLack } from '../../../../conformance/kit/browser.js';
import { suite } from '../../../../conformance/suites/desktop-console/index.js';
import { loginInChromiumCheck } from '../../../../conformance/suites/desktop-console/login-in-chromium.js';
import { mobileBackupScreensCheck } from '../../../../conformance/suites/desktop-console/mobile-backup-in-chromium.js';
import { setupOfferInChromiumCheck } from '../../../../conformance/suites/desktop-console/setup-offer-in-chromium.js';
import type { CheckContext, ServerCheck } from '../../../../conformance/kit/check.js';
import { pairDevice } from '../../../../conformance/kit/server-support.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { cellsOf, failuresOf, runTwoFactor, verdictOf, verdictsOf } from '../fixtures/two-factor-run.js';

const lack = await browserLack();
const because = lack ? ` (skipped: ${lack})` : '';
const TIMEOUT = 300_000;

describe('the desktop console checks in Chromium', () => {
  it.skipIf(lack !== undefined)(`pass on the reference console${because}`, { timeout: TIMEOUT }, async () => {
    const checks = suite.checks;
    const summary = await runTwoFactor(checks, { runs: 1, target: new ReferenceTarget(['pro', 'home']) });
    expect(failuresOf(summary)).toEqual([]);
    expect(Object.values(verdictsOf(summary, checks)).every((v) => v === 'pass')).toBe(true);
    expect(cellsOf(summary, setupOfferInChromiumCheck.id)).toEqual([
      ['pro', 'pass', undefined],
      ['home', 'skipped', expect.stringContaining('Home has no 2FA login')],
    ]);
    expect(summary.verdict).toBe('pass');
  });

  it.skipIf(lack !== undefined)(
    `fail a console that lists devices without their backups${because}`,
    { timeout: TIMEOUT },
    async () => {
      const target = new ReferenceTarget(['pro'], { faults: ['console-backups-hidden'] });
      const summary = await runTwoFactor([mobileBackupScreensCheck], { runs: 1, target });
      expect(verdictOf(summary, 'DESK-04')).toBe('fail');
      expect(failuresOf(summary).join('\n')).toMatch(/shows the backups "No backups yet", without the backed-up/);
    },
  );

  it.skipIf(lack !== undefined)(
    `fail a console whose QR code no camera opens${because}`,
    { timeout: TIMEOUT },
    async () => {
      const target = new ReferenceTarget(['pro'], { faults: ['qr-payload-not-https'] });
      const summary = await runTwoFactor([mobileBackupScreensCheck], { runs: 1, target });
      expect(verdictOf(summary, 'PAIR-14')).toBe('fail');
      expect(failuresOf(summary).join('\n')).toMatch(/the QR code on the page: the QR code's link is mbs:\/\/…/);
    },
  );

  it.skipIf(lack !== undefined)(
    `show a new device and its backups among two thousand others${because}`,
    { timeout: TIMEOUT },
    async () => {
      // A server a full run has filled (each sequence pairs a phone of its own), registered all at one frozen instant.
      const alone = mobileBackupScreensCheck as ServerCheck;
      const crowded: ServerCheck = {
        ...alone,
        async run(context: CheckContext) {
          for (let i = 0; i < 2000; i += 25) {
            await Promise.all(Array.from({ length: 25 }, (_, j) => pairDevice(context.session, `Filler ${i + j}`)));
          }
          return alone.run(context);
        },
      };
      const summary = await runTwoFactor([crowded], { runs: 1, target: new ReferenceTarget(['lite']) });
      expect(failuresOf(summary)).toEqual([]);
      expect(verdictOf(summary, 'DESK-04')).toBe('pass');
    },
  );

  it.skipIf(lack !== undefined)(
    `fail a console that hides the first login's offer to set up 2FA${because}`,
    { timeout: TIMEOUT },
    async () => {
      const target = new ReferenceTarget(['pro'], { faults: ['console-setup-offer-hidden'] });
      const summary = await runTwoFactor([setupOfferInChromiumCheck], { runs: 1, target });
      expect(verdictOf(summary, 'TFA-01')).toBe('fail');
      expect(failuresOf(summary).join('\n')).toMatch(/the first login ended without offering to set up 2FA/);
    },
  );

  it.skipIf(lack !== undefined)(
    `fail a console whose countdown never counts down${because}`,
    { timeout: TIMEOUT },
    async () => {
      // The wait for the page to show the drop ends at its own limit, watched in the page, and the check fails.
      const target = new ReferenceTarget(['pro'], { faults: ['console-countdown-frozen'] });
      const summary = await runTwoFactor([loginInChromiumCheck], { runs: 1, target });
      expect(verdictOf(summary, 'DESK-08')).toBe('fail');
      expect(failuresOf(summary).join('\n')).toMatch(
        /pushCountdown read \d+ s, then \d+ s after the server's clock moved 60 s/,
      );
    },
  );
});
