/** Confirming a detected pairing QR code through the screens: the session model stands in for WebDriver. */
import { describe, expect, it } from 'vitest';
import { uiPairingConfirmationCheck } from '../../../../conformance/suites/pairing/confirm-and-connect-screens.js';
import { runThroughScreens } from '../fixtures/device-run.js';

describe('pairing-confirmation-screens through the screens', () => {
  it('passes on Android and iOS', async () => {
    const { cells, verdictOf } = await runThroughScreens(uiPairingConfirmationCheck, []);
    expect(cells.map((c) => c.verdict)).toEqual(['pass', 'pass']);
    const verdicts = ['PAIR-02', 'PAIR-03', 'PAIR-16', 'PAIR-17'].map(verdictOf);
    expect(verdicts).toEqual(['pass', 'pass', 'pass', 'pass']);
  }, 120_000);

  it('catches an app that does not say "Device paired successfully"', async () => {
    const { cells, verdictOf } = await runThroughScreens(uiPairingConfirmationCheck, ['paired-message-unworded']);
    expect(cells[0]?.failure?.message).toContain('Paired with the backup machine.');
    expect(verdictOf('PAIR-16')).toBe('fail');
  }, 120_000);

  it('catches an app whose backup-source choice after pairing has only Photos selected', async () => {
    const { cells, verdictOf } = await runThroughScreens(uiPairingConfirmationCheck, [
      'paired-sources-not-preselected',
    ]);
    expect(cells[0]?.failure?.message).toContain('the sources selected once paired');
    expect(cells[0]?.failure?.requirements).toEqual(['PAIR-17']);
    expect(verdictOf('PAIR-17')).toBe('fail');
  }, 120_000);
});
