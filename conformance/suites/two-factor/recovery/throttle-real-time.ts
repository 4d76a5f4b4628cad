/**
 * SMS codes of "Unable to login" throttled from the sixth attempt, its 30 s wait waited out in real time
 * (`--real-time`): REC-15 (common/throttle-real-time.ts). tfa-recovery-code-lifetime-real-time also sends SMS codes,
 * but only from 4:40 on, long after this check's right code has reset the count (about a minute in).
 */
import type { Check, CheckContext } from '../../../kit/check.js';
import { where } from '../../../kit/applies.js';
import { Outbox, type ServerAuthenticator } from '../common/actors.js';
import { withOwnAuthenticators } from '../common/real-time-session.js';
import { FIRST_WAIT_MS, throttledInRealTime } from '../common/throttle-real-time.js';
import { givePhone, recoveringLogin } from './real-time-phone.js';

const PHONE = '+15550100491';

export const recoveryThrottleRealTimeCheck: Check = {
  id: 'tfa-recovery-throttle-real-time',
  title: 'SMS codes are throttled from the sixth attempt until 30 s after the fifth failure (real time)',
  area: 'REC',
  requirements: ['REC-15'],
  scope: 'server',
  realTime: { lifetimeMs: FIRST_WAIT_MS },
  tags: ['2fa', 'real-time', 'outbox'],
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withOwnAuthenticators(context, ['Throttled SMS'], async (desk, [auth]) => {
      const a = auth as ServerAuthenticator;
      const outbox = await Outbox.open(desk);
      await givePhone(a, outbox, PHONE);
      const login = await recoveringLogin(desk, a, outbox, PHONE);
      await throttledInRealTime({
        requirement: 'REC-15',
        what: 'SMS code',
        wrong: () => login.submit(login.digits === '000000' ? '000001' : '000000'),
        right: () => login.submit(login.digits),
        refusal: 'verification-code-invalid',
      });
    }),
};
