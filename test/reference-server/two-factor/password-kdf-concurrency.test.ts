/**
 * The password lock's key derivation runs off the event loop, so that logins do not stall every other request; the
 * throttle must still count a burst of guesses as strictly as guesses one after another: of twenty wrong passwords
 * sent at once, five are evaluated (the free failures) and the rest are throttled, and the right password, sent
 * many times at once before any failure, logs in every time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MbsError } from '../../../conformance/spec/errors.js';
import { FREE_FAILURES } from '../../../reference-server/two-factor/throttle.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer('pro');
  await server.console.call('setPasswordLock', { body: { password: 'right password', email: 'owner@example.com' } });
});
afterEach(async () => server.close());

async function attempts(password: string, count: number): Promise<string[]> {
  const logins = await Promise.all(
    Array.from({ length: count }, () => server.console.call('startLogin', { body: {} })),
  );
  return Promise.all(
    logins.map((login) =>
      server.console
        .call('loginPassword', { params: { loginId: login.loginId }, body: { password } })
        .then((answer) => answer.state as string)
        .catch((error: unknown) => (error instanceof MbsError ? error.code : String(error))),
    ),
  );
}

describe('password lock under concurrent logins', () => {
  it('evaluates no more wrong passwords at once than the free failures', { timeout: 60_000 }, async () => {
    const outcomes = await attempts('wrong password', 20);
    expect(outcomes.filter((o) => o === 'password-invalid')).toHaveLength(FREE_FAILURES);
    expect(outcomes.filter((o) => o === 'otp-throttled')).toHaveLength(20 - FREE_FAILURES);
  });

  it('logs in every one of many right passwords sent at once', { timeout: 60_000 }, async () => {
    const outcomes = await attempts('right password', 12);
    // No authenticator registered: 2FA is off, so the password alone logs in.
    expect(outcomes).toEqual(Array.from({ length: 12 }, () => 'logged-in'));
  });
});
