/**
 * Push approval through the push notification service: 5 minutes from sending, answered once and only by the
 * authenticator it went to; Resend voids the earlier request; rejected, expired or voided requests never log in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { totpAt } from '../../../reference-server/two-factor/totp.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { refused, startFixture, T0, type App, type Fixture } from './fixture.js';

let f: Fixture;
let app: App;
let loginId: string;
beforeEach(async () => {
  f = await startFixture();
  app = await f.registerApp();
  loginId = (await f.desk.call('startLogin', { body: {} })).loginId;
});
afterEach(async () => f?.close());

const send = (to: App = app) =>
  f.desk.call('loginPush', { params: { loginId }, body: { authenticatorId: to.authenticatorId } });
const answer = (requestId: string, decision: 'approve' | 'reject', by: MbsClient = app) =>
  by.call('answerPush', { params: { requestId }, body: { decision } });
const state = async () => (await f.desk.call('getLogin', { params: { loginId } })).state;
const notifications = async (by: MbsClient = app) => (await by.call('listNotifications', { query: {} })).notifications;

describe('lifetime: 5 minutes from sending', () => {
  it('alive at 4:59.999: the app sees it pending, the desktop counts down 1 ms, and approval logs in', async () => {
    const sent = await send();
    expect(sent.state).toBe('push-wait');
    expect(sent.push).toMatchObject({ status: 'pending', sentAt: T0, expiresAt: T0 + 300_000, remainingMs: 300_000 });
    f.now = T0 + 299_999;
    const [seen] = await notifications();
    expect(seen).toMatchObject({
      requestId: sent.push?.requestId,
      loginId,
      status: 'pending',
      machine: expect.any(String),
    });
    expect((await f.desk.call('getLogin', { params: { loginId } })).push?.remainingMs).toBe(1);
    expect(await answer(sent.push?.requestId as string, 'approve')).toEqual({
      requestId: sent.push?.requestId,
      status: 'approved',
    });
    expect(await state()).toBe('logged-in');
  });

  it('expired at 5:00.000: approval is push-expired, the login shows push-expired, and Resend starts again', async () => {
    const requestId = (await send()).push?.requestId as string;
    f.now = T0 + 300_000;
    expect(await state()).toBe('push-expired');
    expect((await notifications())[0]?.status).toBe('expired');
    await refused(f, 'push-expired', () => answer(requestId, 'approve'));
    expect(await state()).toBe('push-expired');
    const again = await send();
    expect(again).toMatchObject({ state: 'push-wait', push: { status: 'pending', expiresAt: T0 + 600_000 } });
  });
});

describe('Resend', () => {
  it('voids the earlier request: it cannot be approved, and the new one logs in', async () => {
    const first = (await send()).push?.requestId as string;
    f.advance(60_000);
    const second = (await send()).push?.requestId as string;
    expect(second).not.toBe(first);
    expect((await notifications()).map((n) => [n.requestId, n.status])).toEqual([
      [first, 'voided'],
      [second, 'pending'],
    ]);
    await refused(f, 'push-voided', () => answer(first, 'approve'));
    expect(await state()).toBe('push-wait');
    await answer(second, 'approve');
    expect(await state()).toBe('logged-in');
  });

  it('to another device voids the request sent to the first', async () => {
    const other = await f.registerApp('iPhone 6s');
    const first = (await send()).push?.requestId as string;
    await send(other);
    await refused(f, 'push-voided', () => answer(first, 'approve'));
  });
});

describe('answers', () => {
  it('a rejection never logs in; the login offers Resend and one-time passwords', async () => {
    const requestId = (await send()).push?.requestId as string;
    expect(await answer(requestId, 'reject')).toEqual({ requestId, status: 'rejected' });
    expect(await state()).toBe('push-rejected');
    const again = await refused(f, 'push-already-answered', () => answer(requestId, 'approve'));
    expect(again.details).toMatchObject({ status: 'rejected' });
    expect(await state()).toBe('push-rejected');
    const login = await f.desk.call('loginOtp', { params: { loginId }, body: { code: app.code() } });
    expect(login.state).toBe('logged-in');
  });

  it('an approved request is answered once', async () => {
    const requestId = (await send()).push?.requestId as string;
    await answer(requestId, 'approve');
    for (const decision of ['approve', 'reject'] as const) {
      await refused(f, 'push-already-answered', () => answer(requestId, decision));
    }
  });

  it('a one-time password while the push waits logs in and voids the request', async () => {
    const requestId = (await send()).push?.requestId as string;
    await f.desk.call('loginOtp', { params: { loginId }, body: { code: app.code() } });
    await refused(f, 'push-voided', () => answer(requestId, 'approve'));
  });

  it('removing the device the request went to leaves the login unable to get an answer: push-expired', async () => {
    const requestId = (await send()).push?.requestId as string;
    const other = await f.registerApp('iPhone 6s');
    await f.desk.call('removeAuthenticator', { params: { authenticatorId: app.authenticatorId } });
    const login = await f.desk.call('getLogin', { params: { loginId } });
    expect(login).toMatchObject({ state: 'push-expired', push: { requestId, status: 'voided' } });
    expect((await send(other)).state).toBe('push-wait');
  });

  it("another authenticator's request, or an unknown one, is push-not-found", async () => {
    const other = await f.registerApp('iPhone 6s');
    const requestId = (await send()).push?.requestId as string;
    await refused(f, 'push-not-found', () => answer(requestId, 'approve', other));
    await refused(f, 'push-not-found', () => answer('no-such-request', 'approve'));
    expect(await notifications(other)).toEqual([]);
    expect(await state()).toBe('push-wait');
  });

  it('an unregistered or removed authenticator is authenticator-unauthorized', async () => {
    const requestId = (await send()).push?.requestId as string;
    const stranger = new MbsClient({ baseUrl: f.t.server.url, authenticatorKey: 'k'.repeat(43) });
    await refused(f, 'authenticator-unauthorized', () => answer(requestId, 'approve', stranger));
    await f.desk.call('removeAuthenticator', { params: { authenticatorId: app.authenticatorId } });
    await refused(f, 'authenticator-unauthorized', () => answer(requestId, 'approve'));
    await refused(f, 'authenticator-unauthorized', () => notifications());
    expect(await state()).toBe('push-expired');
  });

  it('an authenticator registered for one-time passwords only takes no push request', async () => {
    const registration = await f.desk.call('createRegistration', { body: {} });
    const totp = await f.desk.call('confirmRegistration', {
      params: { registrationId: registration.registrationId },
      body: { code: totpAt(registration.secret, f.now), name: 'Authy' },
    });
    expect(totp).toMatchObject({ kind: 'totp', push: false });
    await refused(f, 'push-unavailable', () =>
      f.desk.call('loginPush', { params: { loginId }, body: { authenticatorId: totp.authenticatorId } }),
    );
    await refused(f, 'authenticator-not-found', () =>
      f.desk.call('loginPush', { params: { loginId }, body: { authenticatorId: 'no-such-authenticator' } }),
    );
  });

  it('the notification service pages by sequence number', async () => {
    for (let i = 0; i < 3; i++) await send();
    const all = await notifications();
    expect(all).toHaveLength(3);
    const page = await app.call('listNotifications', { query: { after: all[0]?.seq as number, limit: 1 } });
    expect(page.notifications.map((n) => n.seq)).toEqual([all[1]?.seq]);
    expect(page.last).toBe(all[1]?.seq);
  });
});

describe('number matching (a server option, off by default)', () => {
  it('is off by default: no number on either side', async () => {
    const sent = await send();
    expect(sent.push?.number).toBeUndefined();
    expect((await notifications())[0]?.numberChoices).toBeUndefined();
    expect((await f.desk.call('getTwoFactor')).pushNumberMatching).toBe(false);
  });

  it('when on, the app must send the number the desktop shows; a wrong one rejects the request', async () => {
    const m = await startFixture('lite', { pushNumberMatching: true });
    try {
      const phone = await m.registerApp();
      const login = (await m.desk.call('startLogin', { body: {} })).loginId;
      const push = async () =>
        (
          await m.desk.call('loginPush', {
            params: { loginId: login },
            body: { authenticatorId: phone.authenticatorId },
          })
        ).push;
      const first = await push();
      const [seen] = (await phone.call('listNotifications', { query: {} })).notifications;
      expect(seen?.numberChoices).toHaveLength(3);
      expect(seen?.numberChoices).toContain(first?.number);
      const wrongNumber = [10, 11, 12, 13].find((n) => n !== first?.number) as number;
      const approve = (requestId: string, number?: number) =>
        phone.call('answerPush', {
          params: { requestId },
          body: { decision: 'approve', ...(number ? { number } : {}) },
        });
      await expect(approve(first?.requestId as string, wrongNumber)).rejects.toMatchObject({
        code: 'push-number-mismatch',
      });
      expect((await m.desk.call('getLogin', { params: { loginId: login } })).state).toBe('push-rejected');
      const second = await push();
      await expect(approve(second?.requestId as string)).rejects.toMatchObject({ code: 'push-number-mismatch' });
      const third = await push();
      expect(await approve(third?.requestId as string, third?.number)).toMatchObject({ status: 'approved' });
      expect((await m.desk.call('getLogin', { params: { loginId: login } })).state).toBe('logged-in');
    } finally {
      await m.close();
    }
  });
});

describe('notification numbers', () => {
  it("count each authenticator's own requests, whatever was sent to others between", async () => {
    const other = await f.registerApp('iPhone 12 mini');
    await send(app);
    await send(other);
    await send(app);
    expect((await notifications(app)).map((n) => n.seq)).toEqual([1, 2]);
    expect((await notifications(other)).map((n) => n.seq)).toEqual([1]);
    const page = await app.call('listNotifications', { query: { after: 1 } });
    expect(page.notifications.map((n) => n.seq)).toEqual([2]);
    expect(page.last).toBe(2);
  });
});
