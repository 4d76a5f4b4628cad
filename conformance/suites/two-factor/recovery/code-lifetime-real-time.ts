/**
 * An SMS code's 5 minutes, in real time (`--real-time`, a target without the clock): two logins under "Unable to
 * login", each discarding a device of its own with a phone of its own, get a code; one is typed 20 s before its 5
 * minutes end and completes the recovery, the other 20 s after and is refused as expired (REC-06). Its first code is
 * typed at 4:40, long after tfa-recovery-throttle-real-time, the other check guessing SMS codes, has reset their
 * count (about a minute in). With the clock, tfa-recovery-sms checks the same rule at 4:59.999 and 5:00.000.
 */
import type { Check, CheckContext } from '../../../kit/check.js';
import { where } from '../../../kit/applies.js';
import { probesOf, waitUntil } from '../../../kit/real-time.js';
import { Outbox, type ServerAuthenticator } from '../common/actors.js';
import { mustPass, mustRefuse } from '../common/support.js';
import { withOwnAuthenticators } from '../common/real-time-session.js';
import { givePhone, recoveringLogin } from './real-time-phone.js';

const SMS_LIFETIME_MS = 5 * 60_000;
const PHONES = ['+15550100481', '+15550100482'] as const;

export const recoveryCodeLifetimeRealTimeCheck: Check = {
  id: 'tfa-recovery-code-lifetime-real-time',
  title: 'An SMS code is accepted 20 s before its 5 minutes end and refused 20 s after (real time)',
  area: 'REC',
  requirements: ['REC-06'],
  scope: 'server',
  realTime: { lifetimeMs: SMS_LIFETIME_MS },
  tags: ['2fa', 'real-time', 'outbox'],
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withOwnAuthenticators(context, ['SMS alive', 'SMS gone'], async (desk, auths) => {
      const outbox = await Outbox.open(desk);
      const [early, late] = auths as [ServerAuthenticator, ServerAuthenticator];
      await givePhone(early, outbox, PHONES[0]);
      await givePhone(late, outbox, PHONES[1]);
      const alive = await recoveringLogin(desk, early, outbox, PHONES[0]);
      const gone = await recoveringLogin(desk, late, outbox, PHONES[1]);
      await waitUntil(probesOf(alive.sent, SMS_LIFETIME_MS).aliveAt);
      await mustPass(alive.submit(alive.digits), ['REC-06'], 'an SMS code 20 s before its 5 minutes end');
      await waitUntil(probesOf(gone.sent, SMS_LIFETIME_MS).goneAt);
      await mustRefuse(
        gone.submit(gone.digits),
        ['verification-code-expired'],
        ['REC-06'],
        'an SMS code 20 s after its 5 minutes',
      );
    }),
};
