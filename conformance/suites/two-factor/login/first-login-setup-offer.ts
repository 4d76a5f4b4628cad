/**
 * The first login offers to set up 2FA, and the user may skip it and set it up later (seed 000 §1.3, TFA-01): after
 * a reset the next login ends logged in with the offer; skipped, later logins come without it; set up later in the
 * settings, the login asks for the second factor. Set up from the offer instead, it is answered for good: with the
 * device removed again, no login offers it.
 */
import type { Check, CheckContext, CheckOutcome } from '../../../kit/check.js';
import { where } from '../../../kit/applies.js';
import { checkOnce } from '../../../kit/property.js';
import { Violation } from '../../../kit/violation.js';
import type { Login } from '../../../spec/protocol/two-factor-login.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { registerByQr } from '../common/actors.js';
import { withTwoFactor } from '../common/session.js';
import { offerSetupAgain } from '../common/setup-offer.js';

const start = (desk: MbsClient): Promise<Login> => desk.call('startLogin', { body: {} });

function expectLogin(login: Login, state: Login['state'], offered: boolean, what: string): void {
  const offers = login.setupOffer === true;
  if (login.state !== state || offers !== offered) {
    throw new Violation(
      ['TFA-01'],
      `${what}: the login is at ${login.state} ${offers ? 'with' : 'without'} the offer to set up 2FA, ` +
        `not at ${state} ${offered ? 'with' : 'without'} it`,
    );
  }
}

function verify(context: CheckContext): Promise<CheckOutcome> {
  const { url } = context.session;
  return withTwoFactor(context, (desk, time) =>
    checkOnce(async () => {
      await offerSetupAgain(desk, url, time);
      expectLogin(await start(desk), 'logged-in', true, 'the first login');
      await desk.call('skipTwoFactorSetup', { body: {} });
      expectLogin(await start(desk), 'logged-in', false, 'a login after skipping the set-up');
      await registerByQr(desk, url, 'Set up later');
      expectLogin(await start(desk), 'choose-method', false, 'a login after setting 2FA up later');

      await offerSetupAgain(desk, url, time);
      expectLogin(await start(desk), 'logged-in', true, 'the first login after a reset');
      const phone = await registerByQr(desk, url, 'Set up from the offer');
      await desk.call('removeAuthenticator', { params: { authenticatorId: phone.id } });
      expectLogin(await start(desk), 'logged-in', false, 'a login after the offer was taken and the device removed');
    }),
  );
}

export const firstLoginSetupOfferCheck: Check = {
  id: 'tfa-login-setup-offer',
  title: 'The first login offers to set up 2FA; skipped, later logins do not, and it can be set up later',
  area: 'TFA',
  requirements: ['TFA-01'],
  scope: 'server',
  exclusive: true,
  tags: ['2fa'],
  applies: where({ twoFactor: true, console: true }),
  run: verify,
};
