/**
 * One one-time password sent to several logins at once (TOTP-12): at most one may log in. A fresh authenticator,
 * settled with one code (which also ends any throttle an earlier check left), gives the next step's code, which
 * goes to AT_ONCE logins started beforehand, all sent before any answer.
 */
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { AT_ONCE } from '../../../kit/at-once.js';
import { presentedAtOnce } from '../common/at-once.js';
import { registerByQr, settleOtp } from '../common/actors.js';
import { codeAt } from '../common/totp-steps.js';
import type { ServerTime } from '../common/support.js';

export async function sameCodeAtOnce(desk: MbsClient, time: ServerTime, url: string): Promise<void> {
  const a = await registerByQr(desk, url, 'Totp at once');
  const settled = await settleOtp(desk, time, a, -1);
  const logins: string[] = [];
  for (let i = 0; i < AT_ONCE; i++) logins.push((await desk.call('startLogin', { body: {} })).loginId);
  const body = { code: codeAt(a.secret, settled + 1), authenticatorId: a.id };
  await presentedAtOnce(
    'totp',
    body.code,
    logins.map((loginId) => () => desk.call('loginOtp', { params: { loginId }, body })),
    ['TOTP-01'],
  );
}
