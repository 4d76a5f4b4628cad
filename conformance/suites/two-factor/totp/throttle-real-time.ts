/**
 * One-time passwords throttled from the sixth attempt, its 30 s wait waited out in real time (`--real-time`, a
 * target without the clock): TOTP-14 (common/throttle-real-time.ts). It is the only real-time check that sends
 * one-time passwords, so no other can be caught in its throttle. With the clock, tfa-totp-window-model checks it.
 */
import type { Check, CheckContext } from '../../../kit/check.js';
import { where } from '../../../kit/applies.js';
import { type ServerAuthenticator } from '../common/actors.js';
import { codeAt, stepOf } from '../common/totp-steps.js';
import { withOwnAuthenticators } from '../common/real-time-session.js';
import { FIRST_WAIT_MS, throttledInRealTime } from '../common/throttle-real-time.js';

export const totpThrottleRealTimeCheck: Check = {
  id: 'tfa-totp-throttle-real-time',
  title: 'One-time passwords are throttled from the sixth attempt until 30 s after the fifth failure (real time)',
  area: 'TOTP',
  requirements: ['TOTP-14'],
  scope: 'server',
  realTime: { lifetimeMs: FIRST_WAIT_MS },
  tags: ['2fa', 'real-time'],
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withOwnAuthenticators(context, ['Throttled codes'], async (desk, [auth]) => {
      const a = auth as ServerAuthenticator;
      const { loginId } = await desk.call('startLogin', { body: {} });
      const send = (code: string) =>
        desk.call('loginOtp', { params: { loginId }, body: { code, authenticatorId: a.id } });
      const right = () => codeAt(a.secret, stepOf(Date.now()));
      await throttledInRealTime({
        requirement: 'TOTP-14',
        what: 'one-time password',
        // A code two steps back is wrong whatever the window; it is never the right one.
        wrong: () => send(codeAt(a.secret, stepOf(Date.now()) - 20)),
        right: () => send(right()),
        refusal: 'otp-invalid',
      });
    }),
};
