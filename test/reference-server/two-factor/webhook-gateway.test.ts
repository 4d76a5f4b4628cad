/**
 * The HTTP gateway adapter: with webhook URLs configured, SMS and e-mail messages are POSTed as JSON
 * `{channel, to, subject?, text}` and recorded in the outbox as well. The third-party gateway is faked with nock; a
 * gateway that fails or cannot be reached is `gateway-failed`, and nothing is recorded.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { refused, startFixture, type App, type Fixture } from './fixture.js';

const GATEWAY = 'http://sms-gateway.test';
let f: Fixture;
let app: App;
beforeAll(async () => {
  // Only the gateway is faked; the server under test is reached for real on 127.0.0.1.
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  f = await startFixture('pro', { smsWebhook: `${GATEWAY}/sms`, emailWebhook: `${GATEWAY}/mail?key=k1` });
  app = await f.registerApp();
});
afterEach(() => nock.cleanAll());
afterAll(async () => {
  await f?.close();
  nock.enableNetConnect();
  nock.restore();
});

describe('the webhook gateway', () => {
  it('posts an SMS as JSON, records it in the outbox too; the code it carried verifies the phone', async () => {
    const bodies: unknown[] = [];
    const scope = nock(GATEWAY)
      .post('/sms', (body: unknown) => {
        bodies.push(body);
        return true;
      })
      .matchHeader('content-type', 'application/json')
      .reply(202);
    const sent = await app.call('setRecoveryPhone', { body: { phone: '+85291234589' } });
    expect(scope.isDone()).toBe(true);
    expect(bodies).toEqual([
      { channel: 'sms', to: '+85291234589', text: expect.stringMatching(/^Verification Code: [A-Z]{4}-\d{6}$/) },
    ]);
    const [, letters, digits] = /([A-Z]{4})-(\d{6})/.exec((bodies[0] as { text: string }).text) ?? [];
    expect(sent.letters).toBe(letters);
    // The protocol has every 2FA server list what it sent, whatever gateway carried it.
    expect((await f.outbox()).map((m) => m.text)).toEqual([(bodies[0] as { text: string }).text]);
    expect(await app.call('verifyRecoveryPhone', { body: { digits: digits as string } })).toEqual({
      recoveryPhoneLastDigits: '89',
    });
  });

  it('posts an e-mail with its subject to the e-mail URL', async () => {
    await f.desk.call('setPasswordLock', { body: { password: 'old password 1', email: 'owner@example.com' } });
    const loginId = (await f.desk.call('startLogin', { body: {} })).loginId;
    let mail: Record<string, unknown> | undefined;
    const scope = nock(GATEWAY)
      .post('/mail', (body: Record<string, unknown>) => {
        mail = body;
        return true;
      })
      .query({ key: 'k1' })
      .reply(200, { queued: true });
    expect(
      (await f.desk.call('loginForgotPassword', { params: { loginId }, body: { email: 'owner@example.com' } })).state,
    ).toBe('forgot-password');
    expect(scope.isDone()).toBe(true);
    expect(mail).toMatchObject({
      channel: 'email',
      to: 'owner@example.com',
      subject: 'Recover Password Lock for MBS Pro',
    });
    expect(mail?.text).toMatch(/The code will expire at .* UTC\.\n\n[A-Z]{4}-\d{6}$/);
  });

  it.each([
    ['answers 500', () => nock(GATEWAY).post('/sms').reply(500, 'down')],
    ['answers 404', () => nock(GATEWAY).post('/sms').reply(404)],
    ['cannot be reached', () => nock(GATEWAY).post('/sms').replyWithError({ code: 'ECONNREFUSED' })],
  ])('a gateway that %s is gateway-failed, and no code is recorded', async (_, fake) => {
    const scope = fake();
    await refused(f, 'gateway-failed', () => app.call('setRecoveryPhone', { body: { phone: '+85291234500' } }));
    expect(scope.isDone()).toBe(true);
  });
});
