/** What the app says once enhanced security is turned, through the screens: the session model stands in for WebDriver. */
import { describe, expect, it } from 'vitest';
import { uiSecuritySaysCheck } from '../../../../../conformance/suites/two-factor/enhanced-security/says-screens.js';
import { runThroughScreens } from '../../fixtures/device-run.js';

describe('tfa-enhanced-security-says-screens through the screens', () => {
  it('passes on Android and iOS', async () => {
    const { cells, verdictOf } = await runThroughScreens(uiSecuritySaysCheck, []);
    expect(cells.map((c) => [c.column, c.verdict, c.reason])).toEqual([
      ['redmi-note-8 @ pro', 'pass', undefined],
      ['iphone-12-mini @ pro', 'pass', undefined],
    ]);
    expect(verdictOf('ESEC-12')).toBe('pass');
  }, 120_000);

  it('catches an app that says "successfully enabled" when enhanced security is turned off', async () => {
    const { cells, verdictOf } = await runThroughScreens(uiSecuritySaysCheck, ['security-toast-always-enabled']);
    expect(cells[0]?.failure?.requirements).toEqual(['ESEC-12']);
    expect(cells[0]?.failure?.message).toContain('what the app says once turned off');
    expect(verdictOf('ESEC-12')).toBe('fail');
  }, 120_000);
});
