/**
 * A push request's 5 minutes, in real time (`--real-time`, a target without the clock): two logins each send a
 * request, to a device of their own; one is approved 20 s before its 5 minutes end and logs in, the other 20 s after
 * and is refused as expired (PUSH-04). Two devices, so the requests cannot void each other whatever a server voids
 * on a new request. No one-time password is used, so the real-time throttle checks running beside it cannot
 * disturb it. With the clock, tfa-push-login-model checks the same rule at 4:59.999 and 5:00.000.
 */
import type { Check, CheckContext } from '../../../kit/check.js';
import { where } from '../../../kit/applies.js';
import { probesOf, timed, waitUntil } from '../../../kit/real-time.js';
import { Violation } from '../../../kit/violation.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import type { ServerAuthenticator } from '../common/actors.js';
import { mustPass, mustRefuse } from '../common/support.js';
import { withOwnAuthenticators } from '../common/real-time-session.js';
import { PUSH_LIFETIME_MS } from './model.js';

/** A new login that sends a push request to `to`: the request's id and when it was sent, on the kit's clock. */
async function pushFrom(desk: MbsClient, to: ServerAuthenticator) {
  const { loginId } = await desk.call('startLogin', { body: {} });
  const sent = await timed(() => desk.call('loginPush', { params: { loginId }, body: { authenticatorId: to.id } }));
  const requestId = sent.value.push?.requestId;
  if (sent.value.state !== 'push-wait' || !requestId)
    throw new Violation(['PUSH-04'], `sending a push request left the login at ${sent.value.state}`);
  return { requestId, probes: probesOf(sent, PUSH_LIFETIME_MS) };
}

const approve = (by: ServerAuthenticator, requestId: string) =>
  by.client.call('answerPush', { params: { requestId }, body: { decision: 'approve' } });

export const pushLifetimeRealTimeCheck: Check = {
  id: 'tfa-push-lifetime-real-time',
  title: 'A push request is approved 20 s before its 5 minutes end and refused 20 s after (real time)',
  area: 'PUSH',
  requirements: ['PUSH-04'],
  scope: 'server',
  realTime: { lifetimeMs: PUSH_LIFETIME_MS },
  tags: ['2fa', 'real-time'],
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withOwnAuthenticators(context, ['Push alive', 'Push gone'], async (desk, [early, late]) => {
      const alive = await pushFrom(desk, early as ServerAuthenticator);
      const gone = await pushFrom(desk, late as ServerAuthenticator);
      await waitUntil(alive.probes.aliveAt);
      const answered = await mustPass(
        approve(early as ServerAuthenticator, alive.requestId),
        ['PUSH-04'],
        'a push request 20 s before its 5 minutes end',
      );
      if (answered.status !== 'approved')
        throw new Violation(['PUSH-04'], `approving 20 s before the end answered ${answered.status}`);
      await waitUntil(gone.probes.goneAt);
      await mustRefuse(
        approve(late as ServerAuthenticator, gone.requestId),
        ['push-expired'],
        ['PUSH-04'],
        'a push request 20 s after its 5 minutes',
      );
    }),
};
