/**
 * What the 2FA checks through the screens share: registering the phone by the desktop's QR code on its 2FA page,
 * the code the page shows (the phone's clock first brought up to the server's), a step on for the next code, and a
 * desktop login with a code. What a check registered is removed by support.ts's removeAuthenticatorsSince.
 */
import type { AppDriver } from '../../../../devices/appium-driver/app-driver.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { authenticatorIds, removeAuthenticatorsSince, type ServerTime } from './support.js';
import { state } from '../../../kit/screens-support.js';
import { STEP_MS, stepOf } from './totp-steps.js';
import { keepFoundTwoFactor } from '../../../kit/as-found.js';

/**
 * The 2FA page's "Scan QR code" (or another button that opens the scanner) with a fresh registration QR code: what
 * the scan answered, the phone's first account registered for push, and the registration the desktop showed.
 */
export async function registerOnPhone(driver: AppDriver, desk: MbsClient, via = 'tfa-scan-qr') {
  await driver.tap('tab-2fa');
  await driver.tap(via);
  const registration = await desk.call('createRegistration', { body: {} });
  const scanned = await driver.execute('mobile: scanQr', { payload: registration.payload });
  const accounts = (await state(driver)).accounts;
  const authenticatorId = accounts.find((a) => a.authenticatorId)?.authenticatorId ?? undefined;
  return { scanned, authenticatorId, registration };
}

/**
 * Registers the phone by QR, runs `steps` with what the scan gave, and removes what was registered at the end. The
 * steps log in as on a server with no 2FA but the kit's: one whose owner set 2FA up leaves them untested (as-found.ts).
 */
export async function whileRegistered<T>(
  driver: AppDriver,
  desk: MbsClient,
  steps: (registered: Awaited<ReturnType<typeof registerOnPhone>>) => Promise<T>,
): Promise<T> {
  await keepFoundTwoFactor();
  const before = await authenticatorIds(desk);
  try {
    return await steps(await registerOnPhone(driver, desk));
  } finally {
    await removeAuthenticatorsSince(desk, before);
  }
}

/** Brings the phone's clock up to the server's plus `aheadMs` (a phone's clock never goes back). */
export async function syncClock(driver: AppDriver, time: ServerTime, aheadMs = 0): Promise<void> {
  const { clockMs } = await state(driver);
  const behind = time.now() + aheadMs - clockMs;
  if (behind > 0) await driver.execute('mobile: advanceClock', { ms: behind });
}

/**
 * Moves on a step for the next code the page shows (the last one is used up): the server's clock where the target
 * offers it, else the phone's own, whose code the server takes one step ahead (PROTOCOL.md's window).
 */
export async function stepOnPhone(driver: AppDriver, time: ServerTime): Promise<void> {
  if (time.movable) return time.advance(STEP_MS);
  await driver.execute('mobile: advanceClock', { ms: STEP_MS });
}

/**
 * Whether the server takes a code of the phone's clock: where the target offers its clock it is brought up to the
 * phone's; else the phone must be at most a step ahead of it (a phone's clock never goes back).
 */
export async function clocksAgree(driver: AppDriver, time: ServerTime): Promise<boolean> {
  const { clockMs } = await state(driver);
  if (time.movable) await time.moveTo(clockMs);
  return stepOf(clockMs) <= stepOf(time.now()) + 1;
}

/** The code the 2FA page shows for the phone's first account, at the server's time plus `aheadMs`. */
export async function codeOnPage(driver: AppDriver, time: ServerTime, aheadMs = 0): Promise<string> {
  await syncClock(driver, time, aheadMs);
  const { accounts } = await state(driver);
  await driver.tap('tab-2fa');
  return driver.text(`account-${accounts[0]?.id}-code`);
}

/** A desktop login with `code`: its state, or the server's error code. */
export async function logIn(desk: MbsClient, code: string): Promise<string> {
  const { loginId } = await desk.call('startLogin', { body: {} });
  return desk
    .call('loginOtp', { params: { loginId }, body: { code } })
    .then((r) => r.state as string)
    .catch((error: unknown) => (error as { code?: string }).code ?? String(error));
}
