/**
 * Push approval through the app (seed 000 §2.4, §6.4.4, Appendix A; seed 001 "How it works"): a request reaches the
 * chosen phone, where approving logs the desktop in and rejecting never does (Resend and a code remain); a phone
 * without a network gets nothing until it is back, while Resend and its offline codes still work, and back online
 * approving the resent request logs in; a phone that denies notifications lists the request but raises no
 * notification; with enhanced security on, an approval needs the device password or a biometric, and with it off,
 * nothing.
 */
import type { Check, CheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { Violation } from '../../../kit/violation.js';
import { MbsError } from '../../../spec/errors.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { appWorld, shownCode, stepOn, type AppWorld } from '../common/app-world.js';
import { attempt, mustPass, said, type ServerTime } from '../common/support.js';
import { withTwoFactor } from '../common/session.js';
import { where } from '../../../kit/applies.js';

interface Phone {
  readonly world: AppWorld;
  readonly accountId: string;
  readonly authenticatorId: string;
}

async function register(desk: MbsClient, world: AppWorld): Promise<Phone> {
  const account = await world.twoFactor.scanRegistrationQr(
    (await desk.call('createRegistration', { body: {} })).payload,
  );
  return { world, accountId: account.id, authenticatorId: world.twoFactor.linkFor(account.id)?.authenticatorId ?? '' };
}

/**
 * A new login waiting on a push request to the phone registered as `phone.authenticatorId`. The phones of these
 * checks register no recovery phone: a push refused to one breaks TFA-17 as well as PUSH-01.
 */
export async function pushTo(
  desk: MbsClient,
  phone: { readonly authenticatorId: string },
): Promise<{ loginId: string; requestId: string }> {
  const { loginId } = await desk.call('startLogin', { body: {} });
  const push = desk.call('loginPush', { params: { loginId }, body: { authenticatorId: phone.authenticatorId } });
  const sent = await push.catch((error: unknown) => {
    // Only the refusal that says push is not offered to this phone names those rules; any other stands as it came.
    if (!(error instanceof MbsError && error.code === 'push-unavailable')) throw error;
    throw new Violation(
      ['PUSH-01', 'TFA-17'],
      'a login push to a phone registered without a recovery phone: refused with push-unavailable',
    );
  });
  return { loginId, requestId: sent.push?.requestId ?? '' };
}

export const stateOf = async (desk: MbsClient, loginId: string) =>
  (await desk.call('getLogin', { params: { loginId } })).state;

/** The request reaches the phone (a notification too), approval logs in, rejection never does. */
async function approveAndReject(desk: MbsClient, time: ServerTime, phone: Phone): Promise<void> {
  const { device, twoFactor } = phone.world;
  const first = await pushTo(desk, phone);
  const received = await twoFactor.receivePush();
  if (received.map((r) => r.requestId).join() !== first.requestId || device.pushInbox.at(-1)?.id !== first.requestId) {
    throw new Violation(
      ['PUSH-01'],
      `the phone got [${received.map((r) => r.requestId)}], notifications [${device.pushInbox.map((n) => n.id)}]`,
    );
  }
  const approved = await mustPass(
    twoFactor.answer(first.requestId, 'approve'),
    ['PUSH-03', 'ESEC-06', 'TFA-17'],
    'approving in the app',
  );
  if (approved !== 'approved' || (await stateOf(desk, first.loginId)) !== 'logged-in')
    throw new Violation(['PUSH-03'], `approved: ${approved}, login ${await stateOf(desk, first.loginId)}`);

  const second = await pushTo(desk, phone);
  await twoFactor.receivePush();
  await mustPass(twoFactor.answer(second.requestId, 'reject'), ['PUSH-01', 'PUSH-06'], 'rejecting in the app');
  if ((await stateOf(desk, second.loginId)) !== 'push-rejected')
    throw new Violation(['PUSH-06'], `after a rejection the login is at ${await stateOf(desk, second.loginId)}`);
  const again = await attempt(
    desk.call('loginPush', { params: { loginId: second.loginId }, body: { authenticatorId: phone.authenticatorId } }),
  );
  if (!again.ok) throw new Violation(['PUSH-06'], `Resend after a rejection: ${said(again)}`);
  const code = await attempt(
    desk.call('loginOtp', {
      params: { loginId: second.loginId },
      body: { code: shownCode(phone.world, phone.accountId) },
    }),
  );
  if (!code.ok || code.value.state !== 'logged-in')
    throw new Violation(['PUSH-06', 'TFA-17'], `a code after a rejection: ${said(code)}`);
  await stepOn(phone.world, time);
}

/**
 * No network: nothing arrives; Resend and an offline code still work (the code on a second login, so the first
 * stays waiting); back online the resent request arrives, and approving it logs its login in.
 */
async function offline(desk: MbsClient, time: ServerTime, phone: Phone): Promise<void> {
  const { device, twoFactor } = phone.world;
  const before = device.pushInbox.length;
  device.setNetwork({ wifi: null, internet: false });
  const { loginId } = await pushTo(desk, phone);
  const resent = await mustPass(
    desk.call('loginPush', { params: { loginId }, body: { authenticatorId: phone.authenticatorId } }),
    ['PUSH-08'],
    'Resend while the phone is offline',
  );
  if ((await twoFactor.receivePush()).length > 0 || device.pushInbox.length !== before)
    throw new Violation(['PUSH-08'], 'an offline phone received a push request');
  // A second login, sent no push: the protocol promises nothing of two requests waiting for one phone.
  const other = await desk.call('startLogin', { body: {} });
  const code = await attempt(
    desk.call('loginOtp', {
      params: { loginId: other.loginId },
      body: { code: shownCode(phone.world, phone.accountId) },
    }),
  );
  if (!code.ok || code.value.state !== 'logged-in')
    throw new Violation(['PUSH-08', 'TOTP-07'], `an offline phone's code: ${said(code)}`);
  device.setNetwork({ wifi: 'home', internet: true });
  const arrived = await twoFactor.receivePush();
  const requestId = resent.push?.requestId ?? '';
  if (!arrived.some((r) => r.requestId === requestId))
    throw new Violation(['PUSH-08'], 'back online, the resent request did not arrive');
  const approved = await mustPass(twoFactor.answer(requestId, 'approve'), ['PUSH-03'], 'approving the resent request');
  if (approved !== 'approved' || (await stateOf(desk, loginId)) !== 'logged-in')
    throw new Violation(['PUSH-03'], `the resent request approved: ${approved}, login ${await stateOf(desk, loginId)}`);
  await stepOn(phone.world, time);
}

/** Enhanced security on: approving needs the device password or a biometric (ESEC-04). */
async function secured(desk: MbsClient, phone: Phone): Promise<void> {
  const { app, device, twoFactor } = phone.world;
  if (device.screenLock === 'none') return;
  app.security.setEnabled(true, { method: 'password', password: device.lockSecret });
  const { loginId, requestId } = await pushTo(desk, phone);
  await twoFactor.receivePush();
  for (const attemptWith of [undefined, { method: 'password' as const, password: 'not it' }]) {
    const refused = await twoFactor
      .answer(requestId, 'approve', attemptWith ? { attempt: attemptWith } : {})
      .catch((e: unknown) => e);
    if (typeof refused === 'string' || (await stateOf(desk, loginId)) === 'logged-in')
      throw new Violation(['ESEC-04'], `approved ${attemptWith ? 'with a wrong password' : 'without authenticating'}`);
  }
  const match =
    device.biometric === 'none'
      ? { method: 'password' as const, password: device.lockSecret }
      : { method: 'biometric' as const, match: true };
  await mustPass(
    twoFactor.answer(requestId, 'approve', { attempt: match }),
    ['ESEC-04'],
    'approving after authenticating',
  );
  if ((await stateOf(desk, loginId)) !== 'logged-in')
    throw new Violation(['ESEC-04'], 'an authenticated approval did not log in');
}

export const appPushCheck: Check = {
  id: 'tfa-push-app-approval',
  title: 'Push through the app: approve logs in, reject never does; offline, denied notifications, enhanced security',
  area: 'PUSH',
  requirements: ['PUSH-01', 'PUSH-03', 'PUSH-06', 'PUSH-08', 'PUSH-09', 'TOTP-07', 'ESEC-04', 'ESEC-06', 'TFA-17'],
  scope: 'device',
  exclusive: true,
  tags: ['2fa', 'app', 'time-travel'],
  applies: where({ twoFactor: true, console: true, device: 'alone' }),
  run: (context: CheckContext) =>
    withTwoFactor(context, (desk, time) =>
      checkOnce(async () => {
        const phone = await register(desk, await appWorld(context, time));
        await approveAndReject(desk, time, phone);
        await offline(desk, time, phone);
        const denied = await appWorld(context, time, {
          before: (device) => device.permissions.answers.set('notifications', 'deny'),
        });
        const quiet = await register(desk, denied);
        const { requestId } = await pushTo(desk, quiet);
        const listed = await denied.twoFactor.receivePush();
        if (!listed.some((r) => r.requestId === requestId) || denied.device.pushInbox.length > 0) {
          throw new Violation(
            ['PUSH-09'],
            `notifications denied: listed [${listed.map((r) => r.requestId)}], notifications ${denied.device.pushInbox.length}`,
          );
        }
        await secured(desk, phone);
      }),
    ),
};
