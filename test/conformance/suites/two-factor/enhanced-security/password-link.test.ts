/** ESEC-11: the password link's words per platform, in process and through the screens, and an app that says USE PASSWORD on iOS. */
import { describe, expect, it } from 'vitest';
import { passwordLinkCheck } from '../../../../../conformance/suites/two-factor/enhanced-security/password-link.js';
import { uiPasswordLinkCheck } from '../../../../../conformance/suites/two-factor/enhanced-security/password-link-screens.js';
import { referenceApp } from '../../../../../conformance/targets/app-under-test.js';
import { ANDROID, cellTable, IOS, passOn, runDeviceChecks, runThroughScreens } from '../../fixtures/device-run.js';

describe('the authentication screen’s password link', () => {
  it('passes in process on Android and iOS and catches iOS worded as Android', async () => {
    expect(cellTable(await runDeviceChecks([passwordLinkCheck]))).toEqual({
      'tfa-enhanced-security-password-link': passOn(ANDROID, IOS),
    });
    const faulty = await runDeviceChecks([passwordLinkCheck], {
      app: referenceApp(['passcode-link-worded-as-android']),
    });
    const cells = faulty.checks[0]!.cells;
    expect(cells.map((c) => [c.column, c.verdict])).toEqual([
      [`${ANDROID} @ pro`, 'pass'],
      [`${IOS} @ pro`, 'fail'],
    ]);
    expect(cells[1]!.failure?.requirements).toEqual(['ESEC-11']);
  }, 60_000);

  it('opens the entry through the screens, then Next; iOS worded as Android is caught', async () => {
    const straight = await runThroughScreens(uiPasswordLinkCheck, []);
    expect(straight.cells.map((c) => c.verdict)).toEqual(['pass', 'pass']);
    const faulty = await runThroughScreens(uiPasswordLinkCheck, ['passcode-link-worded-as-android']);
    expect(faulty.cells.map((c) => [c.verdict, c.failure?.requirements])).toEqual([
      ['pass', undefined],
      ['fail', ['ESEC-11']],
    ]);
  }, 60_000);
});
