/**
 * The login's other ways in, in Chromium, with a registered phone and the server's outbox on the other side (seed
 * 000 Appendix A; seed 002): "Forgot password" with the e-mail code and its 24-hour countdown, a one-time password
 * with the code's countdown and "Trust this browser", then "Unable to login" with the SMS code, which logs in and
 * shows a QR code to pair again, which a phone scans to register.
 */
import type { Check, CheckContext } from '../../kit/check.js';
import { skipUnless } from '../../kit/check.js';
import { EDITIONS } from '../../spec/editions.js';
import { MbsError } from '../../spec/errors.js';
import { newInstallId } from '../../kit/server-support.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { decodeRegistrationPayload } from '../../spec/protocol/two-factor-payload.js';
import { Outbox, parseSentCode, registerByQr, type ServerAuthenticator } from '../two-factor/common/actors.js';
import { codeAt, stepOf, STEP_MS } from '../two-factor/common/totp-steps.js';
import type { ServerTime } from '../two-factor/common/support.js';
import { withTwoFactor } from '../two-factor/common/session.js';
import { givePhone } from '../two-factor/recovery/real-time-phone.js';
import { expect, withConsolePage, type ConsolePage } from './console-page.js';
import { countsDown, freshRange, readCountdown, secondsRun, untilCountdown } from './countdown-drop.js';
import { kitEmail, kitName } from '../../kit/kit-names.js';

const PHONE = '+15550177342';
const EMAIL = kitEmail('license');
const PASSWORDS = ['Lock password 1', 'Lock password 2'] as const;
/** How far a code's countdown is moved on (the server's clock) or waited for (in real time) to show it counts. */
const CODE_DROP_S = 30;
/** The one-time password's countdown moves less: it must stay inside the code's 30-second step. */
const OTP_DROP_S = 3;
/** Where a movable clock is put within a step before its countdown is read: 18 s left of it. */
const INTO_STEP_MS = 12_000;
/** How far below what is left of the step the countdown may read: the page's own seconds, a poll on a busy machine. */
const OTP_SLACK_S = 4;
/** The least the step must have left before its countdown is read, so both readings fall in one step. */
const OTP_LEAST_S = OTP_DROP_S + 3;

async function state(view: ConsolePage, expected: string, ids: readonly string[]): Promise<void> {
  const selector = `${view.sel('loginState')}[data-state="${expected}"]`;
  await view.page
    .locator(selector)
    .first()
    .waitFor()
    .catch(async () => {
      const now = await view.at('loginState').getAttribute('data-state');
      expect(ids, false, `the login shows ${now ?? 'nothing'}, not ${expected}`);
    });
}

/**
 * A code's countdown read once within `range` (worked out once it is read), then seen to drop (by `CODE_DROP_S` after the server's clock
 * moves by as much, or in real time where it cannot move).
 */
async function countsDownFrom(
  view: ConsolePage,
  key: 'emailCodeCountdown' | 'smsCodeCountdown' | 'otpCountdown',
  time: ServerTime,
  range: () => readonly [number, number],
  ids: readonly string[],
  dropS = CODE_DROP_S,
): Promise<void> {
  const first = await readCountdown(view, key);
  const [low, high] = range();
  expect(ids, first >= low && first <= high, `${key} reads ${first} s, not within ${low}–${high} s`);
  await countsDown(view, key, time, first, dropS, ids);
}

/**
 * Where the e-mail code's 24 hours may stand at the first reading: on a movable clock what it has run since `since`
 * (read before the code was sent: nothing on a frozen clock, a slow server's round trips on a running one) and a
 * second more as the page counts; in real time, up to a minute gone.
 */
function emailCodeRange(time: ServerTime, since: number): readonly [number, number] {
  const lifetime = 24 * 3600;
  return [lifetime - (time.movable ? 1 + secondsRun(time, since) : 60), lifetime];
}

async function codeFrom(outbox: Outbox, channel: 'sms' | 'email', ids: readonly string[]) {
  const sent = (await outbox.read()).filter((m) => m.channel === channel);
  const code = parseSentCode(sent.at(-1)?.text ?? '');
  expect(ids, code !== undefined, `no ${channel} code in the outbox: ${JSON.stringify(sent)}`);
  return code!;
}

async function forgotPassword(view: ConsolePage, outbox: Outbox, time: ServerTime): Promise<void> {
  const ids = ['DESK-11'];
  await view.at('loginTab').click();
  await view.at('startLogin').click();
  await state(view, 'password', ids);
  await view.at('forgotPassword').click();
  await view.at('forgotEmail').fill(EMAIL);
  const sent = time.now();
  await view.at('forgotNext').click();
  const sentTo = await view.text('codeSentTo');
  expect(
    [...ids, 'PWL-15'],
    sentTo.includes('Verification code has been sent to') && sentTo.includes(EMAIL),
    `the page says "${sentTo}"`,
  );
  const code = await codeFrom(outbox, 'email', ids);
  const letters = await view.text('emailCodeLetters');
  expect(ids, letters.includes(code.letters), `the page shows the letters "${letters}", the e-mail ${code.letters}`);
  await countsDownFrom(view, 'emailCodeCountdown', time, () => emailCodeRange(time, sent), ids);
  await view.at('emailCodeDigits').fill(code.digits);
  await view.at('newPassword').fill(PASSWORDS[1]);
  await view.at('confirmPassword').fill(PASSWORDS[1]);
  await view.at('resetNext').click();
  await state(view, 'password', ids);
}

/**
 * Where the one-time password's countdown may read: in real time anywhere in the step; on a movable clock what the
 * server's clock has left of its step, less OTP_SLACK_S.
 */
function otpRange(time: ServerTime): readonly [number, number] {
  if (!time.movable) return [OTP_LEAST_S, STEP_MS / 1000];
  const left = (STEP_MS - (time.now() % STEP_MS)) / 1000;
  return [Math.floor(left) - OTP_SLACK_S, Math.ceil(left)];
}

async function otpAndTrust(view: ConsolePage, phone: ServerAuthenticator, time: ServerTime): Promise<void> {
  await view.at('password').fill(PASSWORDS[1]);
  await view.at('loginSubmit').click();
  await state(view, 'choose-method', ['DESK-11']);
  await view.at('useOtp').click();
  // Read the code's countdown away from a step's end, so both readings fall in one step: the clock moved into the
  // next step where it can (off the step's start, so only what is left of the step reads right), real time waited
  // for where it cannot.
  if (time.movable) await time.moveTo((stepOf(time.now()) + 1) * STEP_MS + INTO_STEP_MS);
  const range = otpRange(time);
  await untilCountdown(view, 'otpCountdown', range[0], range[1], STEP_MS + 5_000);
  await countsDownFrom(view, 'otpCountdown', time, () => range, ['DESK-09'], OTP_DROP_S);
  await view.at('otpCode').fill(codeAt(phone.secret, stepOf(time.now())));
  await view.at('trustBrowser').check();
  await view.at('otpNext').click();
  await state(view, 'logged-in', ['DESK-09']);
  await view.at('startLogin').click();
  await view.at('password').fill(PASSWORDS[1]);
  await view.at('loginSubmit').click();
  await state(view, 'logged-in', ['DESK-13']);
}

async function unableToLogin(
  url: string,
  view: ConsolePage,
  phone: ServerAuthenticator,
  outbox: Outbox,
  time: ServerTime,
): Promise<void> {
  const ids = ['DESK-10'];
  // A browser that is not trusted: a new start without the token this page keeps.
  await view.page.evaluate('localStorage.clear()');
  await view.at('startLogin').click();
  await view.at('password').fill(PASSWORDS[1]);
  await view.at('loginSubmit').click();
  await state(view, 'choose-method', ids);
  await view.at('unableToLogin').click();
  await view.at('recoveryDevice').selectOption({ label: phone.name });
  await view.at('recoveryNext').click();
  const discard = await view.text('recoveryDiscard');
  expect(ids, discard.includes(phone.name) && discard.includes('will be discarded'), `the page says "${discard}"`);
  const digits = await view.text('phoneLastDigits');
  expect(
    ids,
    digits.includes(PHONE.slice(-2)),
    `the page shows "${digits}", not the last two digits ${PHONE.slice(-2)}`,
  );
  await view.at('recoveryPhone').fill(PHONE);
  const sent = time.now();
  await view.at('phoneNext').click();
  await state(view, 'recovery-code', ids);
  const code = await codeFrom(outbox, 'sms', ids);
  const letters = await view.text('smsCodeLetters');
  expect(ids, letters.includes(code.letters), `the page shows the letters "${letters}", the SMS ${code.letters}`);
  await countsDownFrom(view, 'smsCodeCountdown', time, () => freshRange(time, 300, 20, sent), ids);
  await view.at('smsCodeDigits').fill(code.digits);
  await view.at('smsNext').click();
  await state(view, 'logged-in', ids);
  await view.at('registrationQr').waitFor();
  // The QR code to pair again must pair: a phone scanning it registers with its token.
  const { token } = decodeRegistrationPayload(await view.qrText('registrationQr'));
  const body = {
    registrationToken: token,
    name: kitName('Paired again'),
    platform: 'android' as const,
    installId: newInstallId(),
  };
  // Only the server's refusal is a finding: anything else (the kit's own error, a lost connection) stays what it is.
  await new MbsClient({ baseUrl: url }).call('registerAuthenticator', { body }).catch((error: unknown) => {
    if (!(error instanceof MbsError)) throw error;
    expect(ids, false, `a phone scanning the QR code shown after the recovery is refused: ${String(error)}`);
  });
}

async function verifyRecovery(context: CheckContext, view: ConsolePage): Promise<void> {
  await withTwoFactor(context, async (desk, time) => {
    const outbox = await Outbox.open(desk);
    const phone = await registerByQr(desk, context.session.url, `Redmi Note 8 ${context.content.tag()}`);
    await givePhone(phone, outbox, PHONE);
    await desk.call('setPasswordLock', { body: { password: PASSWORDS[0], email: EMAIL } });
    await outbox.read();
    await forgotPassword(view, outbox, time);
    await otpAndTrust(view, phone, time);
    await unableToLogin(context.session.url, view, phone, outbox, time);
    return { verdict: 'pass', runs: 1 };
  });
}

export const recoveryInChromiumCheck: Check = {
  id: 'desktop-console-recovery',
  title: 'Forgot password, a one-time password with Trust this browser, and Unable to login, in Chromium',
  area: 'DESK',
  requirements: ['DESK-09', 'DESK-10', 'DESK-11', 'DESK-13', 'PWL-15'],
  tags: ['browser', '2fa'],
  scope: 'server',
  exclusive: true,
  applies: (column) => skipUnless(EDITIONS[column.edition].twoFactor, 'Home has no 2FA login'),
  run: (context) => withConsolePage(context.session, (view) => verifyRecovery(context, view)),
};
