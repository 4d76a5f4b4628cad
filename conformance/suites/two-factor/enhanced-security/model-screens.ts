/**
 * The enhanced security model (commands.ts, its port in port.ts) through the
 * app's screens: More's "Enhanced security for 2FA" switch, the 2FA page opened from another tab with its Unlock,
 * the authentication screen answered with the device password typed or `mobile: biometric`, and `mobile:` methods
 * for the screen lock and the phone's clock.
 * The phone registers by QR for its one account, and its authenticator is removed from the server after each run.
 *
 * Not through the screens: setting the switch to what it already is (a tap flips it), so the model turns it only the
 * other way; the lock's wait to the millisecond (the dialog says whole seconds, which the model rounds up to); and
 * whether a failure locked the app is read from `mobile: appState`, since a page that is not open shows no wait.
 */
import fc from 'fast-check';
import type { Check, DeviceCheckContext, CheckOutcome } from '../../../kit/check.js';
import { checkProperty, commandsOptions } from '../../../kit/property.js';
import type { AppDriver } from '../../../../devices/appium-driver/app-driver.js';
import { securityModelRun, securitySteps, SECURITY_REQUIREMENTS } from './commands.js';
import { OK, type Kind, type Outcome, type SecurityApp } from './port.js';
import { withTwoFactor } from '../common/session.js';
import { elementsIn } from '../../../kit/page-elements.js';
import { state, typeDevicePassword, withApp } from '../../../kit/screens-support.js';
import { whileRegistered } from '../common/screens-support.js';
import { where } from '../../../kit/applies.js';
import { Violation } from '../../../kit/violation.js';

/** The screen lock's secret the check sets on the phone (`mobile: setScreenLock`). */
const PIN = '4711';

/** Answers the open authentication screen with `kind`; a refusal leaves it open with the reason, then Cancel. */
async function answer(driver: AppDriver, kind: Kind): Promise<Outcome> {
  if (kind.endsWith('password')) {
    await typeDevicePassword(driver, kind === 'password' ? PIN : `${PIN}9`);
  } else await driver.execute('mobile: biometric', { match: kind === 'biometric' });
  const after = await state(driver);
  if (after.screen !== 'authenticate') return OK;
  const message = after.message ?? '';
  await driver.tap('auth-cancel');
  const seconds = /try again\D*(\d+) s/i.exec(message)?.[1];
  return seconds === undefined
    ? { result: 'authentication-failed', retryAfterMs: 0, message }
    : { result: 'security-locked', retryAfterMs: Number(seconds) * 1000, message };
}

function screensApp(driver: AppDriver): SecurityApp {
  return {
    waitUnitMs: 1000,
    async setEnabled(_on, kind) {
      await driver.tap('tab-more');
      await driver.tap('more-enhanced-security');
      const after = await state(driver);
      if (after.screen === 'authenticate') return answer(driver, kind);
      return after.message === null ? OK : { result: 'security-unavailable', retryAfterMs: 0, message: after.message };
    },
    async enabled() {
      await driver.tap('tab-more');
      return elementsIn(await driver.pageSource()).find((e) => e.id === 'more-enhanced-security')?.checked === true;
    },
    async open(kind) {
      await driver.tap('tab-home');
      await driver.tap('tab-2fa');
      let outcome = OK;
      if ((await driver.pageSource()).includes('"tfa-unlock"')) {
        outcome = { result: 'authentication-failed', retryAfterMs: 0, message: 'the page asks to authenticate' };
        if (kind !== 'nothing') {
          await driver.tap('tfa-unlock');
          outcome = await answer(driver, kind);
        }
      }
      const shown = elementsIn(await driver.pageSource()).filter((e) => /^account-.+-code$/.test(e.id)).length;
      return { outcome, shown };
    },
    lockRemainingMs: async () => (await state(driver)).security.lockRemainingMs,
    now: async () => (await state(driver)).clockMs,
    setScreenLock: async (on) =>
      void (await driver.execute('mobile: setScreenLock', { lock: on ? 'pin' : 'none', secret: PIN })),
    async clockTo(epochMs) {
      const ms = epochMs - (await state(driver)).clockMs;
      if (ms > 0) await driver.execute('mobile: advanceClock', { ms });
    },
  };
}

export const uiEnhancedSecurityCheck: Check = {
  id: 'tfa-enhanced-security-model-screens',
  title:
    'Through the screens: enhanced security is off by default, needs a screen lock, guards the 2FA page and locks after failed attempts',
  area: 'ESEC',
  requirements: SECURITY_REQUIREMENTS,
  scope: 'device',
  tags: ['ui'],
  // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
  exclusive: true,
  applies: where({ overWebDriverOf: 'tfa-enhanced-security-model', twoFactor: true, console: true, device: 'alone' }),
  run: (context: DeviceCheckContext): Promise<CheckOutcome> =>
    withTwoFactor(context, (desk) => {
      const profile = context.column.profile;
      const steps = securitySteps({ sameToggle: false });
      const property = fc.asyncProperty(fc.commands(steps, { ...commandsOptions(context, 20), size: 'max' }), (cmds) =>
        withApp(context, async (driver) => {
          // Read before the registration, which needs the 2FA page open (securityModelRun reads it again).
          if (await screensApp(driver).enabled())
            throw new Violation(['ESEC-01'], 'enhanced security is on out of the box');
          return whileRegistered(driver, desk, async ({ scanned }) => {
            if (!scanned.ok) throw new Error(`registering the phone by QR failed: ${JSON.stringify(scanned)}`);
            const lock = profile.screenLock !== 'none';
            if (lock) await driver.execute('mobile: setScreenLock', { lock: profile.screenLock, secret: PIN });
            const phone = { screenLock: lock, biometric: profile.biometric !== 'none' };
            await securityModelRun(screensApp(driver), cmds, phone);
          });
        }),
      );
      return checkProperty(property, context);
    }),
};
