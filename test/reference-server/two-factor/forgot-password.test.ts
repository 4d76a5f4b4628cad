/**
 * Password lock "Forgot password" (seed 000 Appendix A): the license e-mail gets a code ABCD-123456 valid 24 hours
 * less one second (the seed's e-mail: sent 14:22:35, "will expire at" 14:22:34 the next day); its digits and a new
 * password typed twice reset the lock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refused, startFixture, type Fixture } from './fixture.js';

/** Wed, 4 Nov 2020 14:22:35 +0800, the seed's e-mail. */
const SENT = Date.UTC(2020, 10, 4, 6, 22, 35);
const DAY = 24 * 60 * 60_000;
const EMAIL = 'owner@example.com';
const OLD = 'old password 1';
const NEW = 'new password 2';

let f: Fixture;
let loginId: string;
beforeEach(async () => {
  f = await startFixture();
  await f.desk.call('setPasswordLock', { body: { password: OLD, email: EMAIL } });
  f.now = SENT;
  loginId = (await f.desk.call('startLogin', { body: {} })).loginId;
});
afterEach(async () => f?.close());

const forgot = (email = EMAIL) => f.desk.call('loginForgotPassword', { params: { loginId }, body: { email } });
const reset = (digits: string, newPassword = NEW, confirmPassword = newPassword) =>
  f.desk.call('loginResetPassword', { params: { loginId }, body: { digits, newPassword, confirmPassword } });
const password = (value: string) => f.desk.call('loginPassword', { params: { loginId }, body: { password: value } });

describe('the e-mail', () => {
  it('goes to the license address and states when the code expires', async () => {
    const login = await forgot('Owner@Example.com');
    const code = await f.lastCode();
    expect(login).toMatchObject({
      state: 'forgot-password',
      code: { channel: 'email', letters: code.letters, sentAt: SENT, expiresAt: SENT + DAY, remainingMs: DAY },
    });
    const mail = (await f.outbox()).at(-1);
    expect(mail).toMatchObject({
      channel: 'email',
      to: EMAIL,
      from: 'PNS <pns@reference-server.invalid>',
      subject: 'Recover Password Lock for MBS Pro',
    });
    expect(mail?.text).toContain('The code will expire at 05/11/2020 06:22:34 UTC.');
    expect(mail?.text).toContain(`${code.letters}-${code.digits}`);
  });

  it('another address gets nothing', async () => {
    await refused(f, 'email-mismatch', () => forgot('someone@example.com'));
    expect(await f.outbox()).toEqual([]);
  });
});

describe('the code', () => {
  it('is accepted at 24 h − 1 s (14:22:34 the next day); the new password opens the lock, the old one does not', async () => {
    await forgot();
    const { digits } = await f.lastCode();
    f.now = SENT + DAY - 1000;
    expect((await f.desk.call('getLogin', { params: { loginId } })).code?.remainingMs).toBe(1000);
    expect((await reset(digits)).state).toBe('password');
    await refused(f, 'password-invalid', () => password(OLD));
    expect((await password(NEW)).state).toBe('logged-in');
  });

  it('is refused at 24 h (14:22:35 the next day)', async () => {
    await forgot();
    const { digits } = await f.lastCode();
    f.now = SENT + DAY;
    await refused(f, 'verification-code-expired', () => reset(digits));
    expect((await password(OLD)).state).toBe('logged-in');
  });

  it('sent at 14:22:35.600 it is still accepted through 14:22:34.999, the second its e-mail names', async () => {
    f.now = SENT + 600;
    await forgot();
    const { digits } = await f.lastCode();
    expect((await f.outbox()).at(-1)?.text).toContain('05/11/2020 06:22:34 UTC');
    f.now = SENT + DAY;
    await refused(f, 'verification-code-expired', () => reset(digits));
    f.now = SENT + DAY - 1;
    expect((await reset(digits)).state).toBe('password');
  });

  it('sending again voids the earlier code; a wrong code, or two passwords that differ, change nothing', async () => {
    await forgot();
    const first = await f.lastCode();
    await forgot();
    const second = await f.lastCode();
    if (first.digits !== second.digits) await refused(f, 'verification-code-invalid', () => reset(first.digits));
    await refused(f, 'password-mismatch', () => reset(second.digits, NEW, `${NEW}!`));
    await expect(reset(second.digits, 'short')).rejects.toMatchObject({ code: 'invalid-request' });
    expect((await reset(second.digits)).state).toBe('password');
    await refused(f, 'login-state', () => reset(second.digits));
  });

  it('wrong codes are throttled after 5', async () => {
    await forgot();
    const { digits } = await f.lastCode();
    const wrong = (i: number) => String((Number(digits) + 1 + i) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) await refused(f, 'verification-code-invalid', () => reset(wrong(i)));
    await refused(f, 'otp-throttled', () => reset(digits));
    f.advance(30_000);
    expect((await reset(digits)).state).toBe('password');
  });
});
