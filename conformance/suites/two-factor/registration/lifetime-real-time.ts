/**
 * A 2FA registration's lifetime, in real time (`--real-time`, a target without the clock): two registrations are
 * issued together; the app completes one by QR code 20 s before the end the server announced and is registered,
 * the other 20 s after and is refused as expired (TFA-05: scanning registers the device, while the registration
 * lives; the reference's is 10 minutes). Registering by QR code needs no one-time password, so the real-time
 * throttle checks running beside it cannot disturb it; its authenticator is removed at once.
 */
import type { Check, CheckContext } from '../../../kit/check.js';
import { where } from '../../../kit/applies.js';
import { probesAround, waitUntil } from '../../../kit/real-time.js';
import { newInstallId } from '../../../kit/server-support.js';
import { decodeRegistrationPayload } from '../../../spec/protocol/two-factor-payload.js';
import { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { mustPass, mustRefuse } from '../common/support.js';
import { withOwnAuthenticators } from '../common/real-time-session.js';
import { kitName } from '../../../kit/kit-names.js';

/** The reference server's lifetime, which the runner schedules by; a server announces its own in `expiresAt`. */
const REFERENCE_LIFETIME_MS = 10 * 60_000;

export const registrationLifetimeRealTimeCheck: Check = {
  id: 'tfa-registration-lifetime-real-time',
  title: 'A 2FA registration completes 20 s before it expires and is refused 20 s after (real time)',
  area: 'TFA',
  requirements: ['TFA-05'],
  scope: 'server',
  realTime: { lifetimeMs: REFERENCE_LIFETIME_MS },
  tags: ['2fa', 'real-time'],
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withOwnAuthenticators(context, [], async (desk) => {
      const { url } = context.session;
      const early = await desk.call('createRegistration', { body: {} });
      const late = await desk.call('createRegistration', { body: {} });
      const scan = (payload: string) =>
        new MbsClient({ baseUrl: url }).call('registerAuthenticator', {
          body: {
            registrationToken: decodeRegistrationPayload(payload).token,
            name: kitName('Registration lifetime'),
            platform: 'android',
            installId: newInstallId(),
          },
        });
      await waitUntil(probesAround(early.expiresAt).aliveAt);
      const registered = await mustPass(scan(early.payload), ['TFA-05'], 'a registration 20 s before it expires');
      await desk.call('removeAuthenticator', { params: { authenticatorId: registered.authenticatorId } });
      await waitUntil(probesAround(late.expiresAt).goneAt);
      await mustRefuse(
        scan(late.payload),
        ['registration-expired'],
        ['TFA-05'],
        'a registration 20 s after it expired',
      );
    }),
};
