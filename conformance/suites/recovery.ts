/**
 * Recovery by SMS end to end (seed 000 §6.3.1, Appendix A "Unable to accept notification request", §11.2): the app
 * verifies a recovery phone with an SMS code; "Unable to login" then chooses the device to discard, shows the
 * phone's last two digits, sends nothing to another number, sends `ABCD-123456` valid 5 minutes (alive at 4:59.999,
 * expired at 5:00.000) and voided by a resend, throttles guessing, and on a valid code completes the login, discards
 * the device and offers a new QR registration. The SMS codes are read from the server's outbox.
 */
import type { Check, CheckContext } from '../framework/check.js';
import { checkOnce } from '../framework/property.js';
import { Violation } from '../framework/violation.js';
import type { Login } from '../spec/protocol/two-factor-login.js';
import { decodeRegistrationPayload } from '../spec/protocol/two-factor-payload.js';
import type { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import {
  codeAt,
  Outbox,
  type LoginUnderWay,
  parseSentCode,
  registerByQr,
  stepOf,
  type SentCode,
  type ServerAuthenticator,
} from './two-factor-actors.js';
import {
  attempt,
  inLastMillisecond,
  mustPass,
  mustRefuse,
  needsTwoFactorClock,
  said,
  verifyCountdown,
  type ServerTime,
} from './two-factor-support.js';
import { withTwoFactor } from './two-factor-session.js';

const PHONE = '+15550100467';
const SMS_LIFETIME_MS = 5 * 60_000;

/** The one SMS the last action sent to `to`, and its code. */
async function smsTo(outbox: Outbox, to: string, ids: readonly string[]): Promise<SentCode> {
  const sent = await outbox.read();
  const code =
    sent.length === 1 && sent[0]?.channel === 'sms' && sent[0].to === to ? parseSentCode(sent[0].text) : undefined;
  if (!code)
    throw new Violation(
      ids,
      `expected one SMS with a code ABCD-123456 to ${to}, the outbox has ${JSON.stringify(sent)}`,
    );
  return code;
}

/** The app registers its recovery phone: an SMS code, accepted once. */
async function verifyPhone(a: ServerAuthenticator, outbox: Outbox): Promise<void> {
  const sent = await a.client.call('setRecoveryPhone', { body: { phone: PHONE } });
  const sms = await smsTo(outbox, PHONE, ['TFA-16']);
  if (sms.letters !== sent.letters)
    throw new Violation(['TFA-16'], `the app shows ${sent.letters}, the SMS says ${sms.letters}`);
  const wrong = sms.digits === '000000' ? '000001' : '000000';
  await mustRefuse(
    a.client.call('verifyRecoveryPhone', { body: { digits: wrong } }),
    ['verification-code-invalid'],
    ['TFA-16'],
    'wrong SMS digits',
  );
  const ok = await mustPass(
    a.client.call('verifyRecoveryPhone', { body: { digits: sms.digits } }),
    ['TFA-16'],
    'the SMS digits',
  );
  if (ok.recoveryPhoneLastDigits !== PHONE.slice(-2))
    throw new Violation(['TFA-16'], `verified phone ends ${ok.recoveryPhoneLastDigits}`);
  await mustRefuse(
    a.client.call('verifyRecoveryPhone', { body: { digits: sms.digits } }),
    ['verification-code-invalid', 'verification-code-expired'],
    ['REC-14'],
    'the same SMS digits again',
  );
}

/** "Send SMS": a fresh code, shown by its letters with a 5-minute countdown. */
async function send(r: LoginUnderWay): Promise<{ login: Login; sms: SentCode }> {
  const probe = await r.time.probe(() =>
    r.desk.call('loginRecoveryPhone', { params: { loginId: r.loginId }, body: { phone: PHONE } }),
  );
  if (!probe.outcome.ok) throw new Violation(['REC-05'], `the registered number was refused: ${said(probe.outcome)}`);
  const login = probe.outcome.value;
  const sms = await smsTo(r.outbox, PHONE, ['REC-05']);
  const code = login.code;
  if (login.state !== 'recovery-code' || code?.channel !== 'sms' || code.letters !== sms.letters) {
    throw new Violation(
      ['REC-05'],
      `after sending, the login is at ${login.state} showing ${JSON.stringify(code)}, the SMS says ${sms.letters}`,
    );
  }
  const remaining = [code.expiresAt - probe.after, code.expiresAt - probe.before];
  if (
    code.expiresAt - code.sentAt !== SMS_LIFETIME_MS ||
    code.remainingMs < remaining[0]! ||
    code.remainingMs > remaining[1]!
  ) {
    throw new Violation(
      ['REC-06'],
      `sent ${code.sentAt}, expires ${code.expiresAt}, counting down ${code.remainingMs} ms: not 5 minutes`,
    );
  }
  return { login, sms };
}

const submit = (r: LoginUnderWay, digits: string) =>
  r.desk.call('loginRecoveryCode', { params: { loginId: r.loginId }, body: { digits } });

/** Codes of 6 random digits: 40 resends give distinct codes, and every digit varies (REC-13). */
async function sampleCodes(r: LoginUnderWay): Promise<SentCode> {
  const digits: string[] = [];
  let last: SentCode | undefined;
  for (let i = 0; i < 40; i++) digits.push((last = (await send(r)).sms).digits);
  const repeats = digits.length - new Set(digits).size;
  const fixed = [0, 1, 2, 3, 4, 5].filter((p) => new Set(digits.map((d) => d[p])).size === 1);
  if (repeats > 1 || fixed.length > 0)
    throw new Violation(
      ['REC-13'],
      `40 SMS codes: ${repeats} repeated, digit positions [${fixed.join()}] never change`,
    );
  return last as SentCode;
}

/** Wrong digits are throttled within 6 tries; the wait is waited out (REC-15). */
async function guess(r: LoginUnderWay, right: string): Promise<void> {
  const wrong = right === '000000' ? '000001' : '000000';
  for (let i = 0; i < 6; i++) {
    const outcome = await attempt(submit(r, wrong));
    if (outcome.ok) throw new Violation(['REC-05'], 'wrong SMS digits completed the recovery');
    if (outcome.code === 'otp-throttled') return r.time.advance(Number(outcome.details?.['retryAfterMs'] ?? 30_000));
    if (outcome.code !== 'verification-code-invalid')
      throw new Violation(['REC-05'], `wrong SMS digits: ${outcome.code}`);
  }
  throw new Violation(['REC-15'], '6 wrong SMS codes in a row and the server still evaluates the next');
}

/** The right digits at 4:59.999 complete the recovery. */
const lastMillisecond = (r: LoginUnderWay): Promise<Login> =>
  inLastMillisecond(
    r.time,
    async () => {
      const { login, sms } = await send(r);
      return { expiresAt: login.code?.expiresAt ?? 0, digits: sms.digits };
    },
    (digits) => submit(r, digits),
    {
      requirement: 'REC-06',
      acceptedLate: 'an SMS code was accepted after its 5 minutes',
      inTime: 'the SMS code at 4:59.999',
      end: '5:00.000',
    },
  );

/** Recovery done: a QR registration to pair again; the device is gone, its key, push and codes with it. */
async function verifyDiscarded(
  desk: MbsClient,
  time: ServerTime,
  done: Login,
  a: ServerAuthenticator,
  b: ServerAuthenticator,
) {
  const registration = done.registration;
  if (done.state !== 'logged-in' || !registration || !/^[A-Z2-7]{16}$/.test(registration.secret)) {
    throw new Violation(
      ['REC-08'],
      `after the code the login is at ${done.state} with ${JSON.stringify(registration)}`,
    );
  }
  decodeRegistrationPayload(registration.payload);
  const left = (await desk.call('getTwoFactor')).authenticators.map((x) => x.name);
  if (left.join() !== b.name) throw new Violation(['REC-09'], `after recovery the devices are [${left.join(', ')}]`);
  for (const call of [a.client.call('getAuthenticatorSelf'), a.client.call('listNotifications', { query: {} })]) {
    await mustRefuse(call, ['authenticator-unauthorized'], ['REC-09'], "the discarded device's key");
  }
  const id = { loginId: (await desk.call('startLogin', { body: {} })).loginId };
  await mustRefuse(
    desk.call('loginPush', { params: id, body: { authenticatorId: a.id } }),
    ['authenticator-not-found'],
    ['REC-09'],
    'push to the discarded device',
  );
  const step = stepOf(time.now());
  await mustRefuse(
    desk.call('loginOtp', { params: id, body: { code: codeAt(a.secret, step) } }),
    ['otp-invalid'],
    ['REC-09'],
    "the discarded device's code",
  );
  await desk.call('loginOtp', { params: id, body: { code: codeAt(b.secret, step) } });
}

export const recoveryCheck: Check = {
  id: 'tfa-recovery-sms',
  title: 'Unable to login: recovery phone, SMS code ABCD-123456 valid 5 minutes, device discarded, QR to re-pair',
  area: 'REC',
  requirements: [
    'REC-01',
    'REC-02',
    'REC-03',
    'REC-04',
    'REC-05',
    'REC-06',
    'REC-07',
    'REC-08',
    'REC-09',
    'REC-10',
    'REC-13',
    'REC-14',
    'REC-15',
    'TFA-16',
  ],
  scope: 'server',
  exclusive: true,
  tags: ['2fa', 'time-travel', 'outbox'],
  applies: needsTwoFactorClock,
  run: (context: CheckContext) =>
    withTwoFactor(context, async (desk, time) => {
      const outbox = await Outbox.open(desk);
      return checkOnce(async () => {
        const a = await registerByQr(desk, context.session.url, 'Lost phone');
        const b = await registerByQr(desk, context.session.url, 'Spare phone');
        await verifyPhone(a, outbox);
        const { loginId } = await desk.call('startLogin', { body: {} });
        const id = { loginId };
        await mustRefuse(
          desk.call('loginRecovery', { params: id, body: { authenticatorId: b.id } }),
          ['recovery-phone-missing'],
          ['REC-10'],
          'recovering a device without a recovery phone',
        );
        await desk.call('loginPush', { params: id, body: { authenticatorId: a.id } });
        const chosen = await mustPass(
          desk.call('loginRecovery', { params: id, body: { authenticatorId: a.id } }),
          ['REC-02'],
          'choosing the device',
        );
        const shown = chosen.recovery;
        if (chosen.state !== 'recovery-phone' || shown?.authenticatorId !== a.id || shown.name !== a.name)
          throw new Violation(
            ['REC-02'],
            `after choosing, the login is at ${chosen.state} with ${JSON.stringify(shown)}`,
          );
        if (shown.phoneLastDigits !== PHONE.slice(-2))
          throw new Violation(['REC-03'], `the phone step shows ${shown.phoneLastDigits}`);
        const back = await mustPass(
          desk.call('loginPush', { params: id, body: { authenticatorId: b.id } }),
          ['REC-01'],
          'Previous: back to push',
        );
        if (back.state !== 'push-wait') throw new Violation(['REC-01'], `Previous led to ${back.state}`);
        await desk.call('loginRecovery', { params: id, body: { authenticatorId: a.id } });
        await mustRefuse(
          desk.call('loginRecoveryPhone', { params: id, body: { phone: '+15550100468' } }),
          ['recovery-phone-mismatch'],
          ['REC-04'],
          'another phone number',
        );
        if ((await outbox.read()).length > 0)
          throw new Violation(['REC-04'], 'an SMS went out for another phone number');

        const r: LoginUnderWay = { desk, time, outbox, loginId };
        const first = (await send(r)).sms;
        const resent = await sampleCodes(r);
        if (first.digits !== resent.digits) {
          await mustRefuse(
            submit(r, first.digits),
            ['verification-code-invalid'],
            ['REC-07'],
            'the code sent before Resend',
          );
        }
        const { login, sms } = await send(r);
        time.advance(60_000);
        await verifyCountdown(desk, time, loginId, ['REC-06']);
        time.moveTo(login.code?.expiresAt ?? 0);
        await verifyCountdown(desk, time, loginId, ['REC-06']);
        await mustRefuse(submit(r, sms.digits), ['verification-code-expired'], ['REC-06'], 'the SMS code at 5:00.000');
        await guess(r, (await send(r)).sms.digits);
        await verifyDiscarded(desk, time, await lastMillisecond(r), a, b);
      });
    }),
};
