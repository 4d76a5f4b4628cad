/** Confirming a detected pairing QR code through the screens: the session model stands in for WebDriver. */
import { describe, expect, it } from 'vitest';
import { uiPairingConfirmationCheck } from '../../../../conformance/suites/pairing/confirm-and-connect-screens.js';
import { runThroughScreens } from '../fixtures/device-run.js';

describe('pairing-confirmation-screens through the screens', () => {
  it('passes on Android and iOS', async () => {
    const { cells, verdictOf } = await runThroughScreens(uiPairingConfirmationCheck, []);
    expect(cells.map((c) => c.verdict)).toEqual(['pass', 'pass']);
    expect([verdictOf('PAIR-02'), verdictOf('PAIR-03'), verdictOf('PAIR-16')]).toEqual(['pass', 'pass', 'pass']);
  }, 120_000);

  it('catches an app that does not say "Device paired successfully"', async () => {
    const { cells, verdictOf } = await runThroughScreens(uiPairingConfirmationCheck, ['paired-message-unworded']);
    expect(cells[0]?.failure?.message).toContain('Paired with the backup machine.');
    expect(verdictOf('PAIR-16')).toBe('fail');
  }, 120_000);
});
