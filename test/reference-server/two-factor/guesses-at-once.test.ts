/**
 * Wrong guesses sent at once under the throttle, for each kind whose check awaits nothing (a login's one-time
 * password, SMS code of "Unable to login", e-mail code of "Forgot password"): of 8 wrong guesses sent together, 5 are
 * judged (the free failures) and 3 wait, and the count holds all 5, so the right guess waits too. A variant that
 * reads the count on a round trip before writing it judges all 8 and counts them as one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MbsError } from '../../../conformance/spec/errors.js';
import type { ServerFault } from '../../../conformance/spec/faults.js';
import { wrongCode } from '../../../conformance/suites/two-factor/common/otp-model.js';
import { FREE_FAILURES } from '../../../reference-server/two-factor/throttle.js';
import { startFixture, type Fixture } from './fixture.js';

const BURST = FREE_FAILURES + 3;
const PHONE = '+85291234589';
const EMAIL = 'owner@example.com';

interface Guesses {
  readonly wrong: () => Promise<unknown>;
  readonly right: () => Promise<unknown>;
}

const other = (digits: string) => (digits === '000000' ? '000001' : '000000');

/** A login at each kind's step, and its wrong and right guess. */
const KINDS = {
  'one-time password': async (f: Fixture): Promise<Guesses> => {
    const app = await f.registerApp();
    const { loginId } = await f.desk.call('startLogin', { body: {} });
    const send = (code: string) => f.desk.call('loginOtp', { params: { loginId }, body: { code } });
    return { wrong: () => send(wrongCode([app.secret], f.now)), right: () => send(app.code()) };
  },
  'SMS code': async (f: Fixture): Promise<Guesses> => {
    const app = await f.registerApp();
    await app.call('setRecoveryPhone', { body: { phone: PHONE } });
    await app.call('verifyRecoveryPhone', { body: { digits: (await f.lastCode()).digits } });
    const { loginId } = await f.desk.call('startLogin', { body: {} });
    await f.desk.call('loginRecovery', { params: { loginId }, body: { authenticatorId: app.authenticatorId } });
    await f.desk.call('loginRecoveryPhone', { params: { loginId }, body: { phone: PHONE } });
    const { digits } = await f.lastCode();
    const send = (typed: string) => f.desk.call('loginRecoveryCode', { params: { loginId }, body: { digits: typed } });
    return { wrong: () => send(other(digits)), right: () => send(digits) };
  },
  'e-mail code': async (f: Fixture): Promise<Guesses> => {
    await f.desk.call('setPasswordLock', { body: { password: 'old password', email: EMAIL } });
    const { loginId } = await f.desk.call('startLogin', { body: {} });
    await f.desk.call('loginForgotPassword', { params: { loginId }, body: { email: EMAIL } });
    const { digits } = await f.lastCode();
    const body = (typed: string) => ({ digits: typed, newPassword: 'new password', confirmPassword: 'new password' });
    const send = (typed: string) => f.desk.call('loginResetPassword', { params: { loginId }, body: body(typed) });
    return { wrong: () => send(other(digits)), right: () => send(digits) };
  },
};

const said = (call: Promise<unknown>) =>
  call.then(
    () => 'accepted',
    (error: unknown) => (error instanceof MbsError ? error.code : String(error)),
  );

/** The answers to BURST wrong guesses sent at once, counted by answer, and the answer to the right guess after. */
async function burst(faults: readonly ServerFault[], kind: keyof typeof KINDS) {
  const f = (fixture = await startFixture('pro', { faults }));
  const g = await KINDS[kind](f);
  const answers = await Promise.all(Array.from({ length: BURST }, () => said(g.wrong())));
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[answer] = (counts[answer] ?? 0) + 1;
  return { counts, right: await said(g.right()) };
}

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const refusal = (kind: keyof typeof KINDS) =>
  kind === 'one-time password' ? 'otp-invalid' : 'verification-code-invalid';

describe.each(Object.keys(KINDS) as (keyof typeof KINDS)[])('wrong %ss sent at once', (kind) => {
  it('are judged no more than the free failures, and all of those are counted', async () => {
    expect(await burst([], kind)).toEqual({
      counts: { [refusal(kind)]: FREE_FAILURES, 'otp-throttled': BURST - FREE_FAILURES },
      right: 'otp-throttled',
    });
  });

  it('are all judged and counted as one by a server that reads the count a round trip before writing it', async () => {
    const fault = kind === 'one-time password' ? 'totp-failures-lost-at-once' : 'code-failures-lost-at-once';
    expect(await burst([fault], kind)).toEqual({ counts: { [refusal(kind)]: BURST }, right: 'accepted' });
  });
});
