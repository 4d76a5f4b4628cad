/**
 * The services outside the system, faked with msw in this process (the reference server runs here too, so msw's
 * interceptor sees the requests it makes): the push notification service, the SMS gateway and the e-mail gateway.
 * A service that is down, slow or failing is `502 gateway-failed` and nothing is recorded: no push request, no
 * code, no counted attempt. NET-09: with the push service unreachable, the login says so at its start and offers
 * the one-time password only. Requests to the server itself on 127.0.0.1 pass through untouched.
 */
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { refused, startFixture, type App, type Fixture } from './fixture.js';

const PUSH = 'http://push.test/notify';
const SMS = 'http://sms.test/send';
const MAIL = 'http://mail.test/send';
/** A slow service is one slower than this; the fake answers only after twice as long. */
const TIMEOUT_MS = 300;

const received: { url: string; body: unknown }[] = [];
const taken = (url: string) =>
  http.post(url, async ({ request }) => {
    received.push({ url, body: await request.json() });
    return new HttpResponse(null, { status: 202 });
  });
const outside = setupServer(
  http.head(PUSH, () => new HttpResponse(null, { status: 405 })),
  ...[PUSH, SMS, MAIL].map(taken),
);

/** The three ways a service lets the server down. */
const BROKEN = [
  ['down', () => HttpResponse.error()],
  ['failing', () => HttpResponse.text('overloaded', { status: 503 })],
  [
    'slow',
    async () => {
      await delay(TIMEOUT_MS * 2);
      return new HttpResponse(null, { status: 202 });
    },
  ],
] as const;

let f: Fixture;
let app: App;
beforeAll(async () => {
  outside.listen({ onUnhandledRequest: 'bypass' });
  f = await startFixture('pro', {
    pushWebhook: PUSH,
    smsWebhook: SMS,
    emailWebhook: MAIL,
    gatewayTimeoutMs: TIMEOUT_MS,
  });
  app = await f.registerApp();
  await f.desk.call('setPasswordLock', { body: { password: 'old password 1', email: 'owner@example.com' } });
});
afterEach(() => {
  outside.resetHandlers();
  received.length = 0;
});
afterAll(async () => {
  outside.close();
  await f?.close();
});

/** A login past the password lock, at its second factor. */
async function secondFactor() {
  const { loginId } = await f.desk.call('startLogin', { body: {} });
  return f.desk.call('loginPassword', { params: { loginId }, body: { password: 'old password 1' } });
}

describe('the push notification service', () => {
  it('takes each push request as JSON before the app sees it', async () => {
    const login = await secondFactor();
    expect(login.state).toBe('choose-method');
    const sent = await f.desk.call('loginPush', {
      params: { loginId: login.loginId },
      body: { authenticatorId: app.authenticatorId },
    });
    expect(received).toEqual([
      {
        url: PUSH,
        body: {
          channel: 'push',
          to: app.authenticatorId,
          loginId: login.loginId,
          machine: expect.any(String),
          text: expect.stringMatching(/^Login request from ".+"$/),
        },
      },
    ]);
    const { notifications } = await app.call('listNotifications', { query: {} });
    expect(notifications.at(-1)?.requestId).toBe(sent.push?.requestId);
  });

  it.each(BROKEN)('%s: the push is gateway-failed, no request is recorded, the login stays', async (_, answer) => {
    const login = await secondFactor();
    const before = (await app.call('listNotifications', { query: {} })).notifications.length;
    outside.use(http.post(PUSH, answer));
    await refused(f, 'gateway-failed', () =>
      f.desk.call('loginPush', { params: { loginId: login.loginId }, body: { authenticatorId: app.authenticatorId } }),
    );
    expect((await app.call('listNotifications', { query: {} })).notifications).toHaveLength(before);
    expect((await f.desk.call('getLogin', { params: { loginId: login.loginId } })).state).toBe('choose-method');
  });

  it('NET-09: unreachable at the login start, the login says so and offers the one-time password only', async () => {
    // Its ports blocked: no answer to anything.
    outside.use(http.all(PUSH, () => HttpResponse.error()));
    const login = await secondFactor();
    expect(login).toMatchObject({ state: 'otp', pushService: 'unreachable' });
    expect(login.methods?.push).toEqual([]);
    expect(login.methods?.otp.map((a) => a.authenticatorId)).toEqual([app.authenticatorId]);
    await refused(f, 'gateway-failed', () =>
      f.desk.call('loginPush', { params: { loginId: login.loginId }, body: { authenticatorId: app.authenticatorId } }),
    );
    expect(received).toEqual([]);
    const done = await f.desk.call('loginOtp', { params: { loginId: login.loginId }, body: { code: app.code() } });
    expect(done.state).toBe('logged-in');
    // Reachable again: the next login offers push once more.
    outside.resetHandlers();
    const again = await secondFactor();
    expect(again.state).toBe('choose-method');
    expect(again).not.toHaveProperty('pushService');
  });
});

describe('the SMS and e-mail gateways', () => {
  it.each(BROKEN)('%s SMS gateway: the recovery phone is gateway-failed and no code is stored', async (_, answer) => {
    outside.use(http.post(SMS, answer));
    const before = (await f.outbox()).length;
    await refused(f, 'gateway-failed', () => app.call('setRecoveryPhone', { body: { phone: '+85291234589' } }));
    expect(await f.outbox()).toHaveLength(before);
  });

  it.each(BROKEN)('%s e-mail gateway: Forgot password is gateway-failed, the login stays', async (_, answer) => {
    outside.use(http.post(MAIL, answer));
    const { loginId } = await f.desk.call('startLogin', { body: {} });
    await refused(f, 'gateway-failed', () =>
      f.desk.call('loginForgotPassword', { params: { loginId }, body: { email: 'owner@example.com' } }),
    );
    expect((await f.desk.call('getLogin', { params: { loginId } })).state).toBe('password');
  });

  it('a working SMS gateway takes the message, and its code verifies the phone', async () => {
    const sent = await app.call('setRecoveryPhone', { body: { phone: '+85291234589' } });
    expect(received).toEqual([{ url: SMS, body: expect.objectContaining({ channel: 'sms', to: '+85291234589' }) }]);
    const digits = /-(\d{6})/.exec((received[0]?.body as { text: string }).text)?.[1] ?? '';
    expect((received[0]?.body as { text: string }).text).toContain(sent.letters);
    expect(await app.call('verifyRecoveryPhone', { body: { digits } })).toEqual({ recoveryPhoneLastDigits: '89' });
  });
});
