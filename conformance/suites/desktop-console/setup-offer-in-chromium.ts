/**
 * The first login's offer to set up 2FA as a person sees it in Chromium (seed 000 §1.3): after a reset the login
 * ends logged in with the offer on the page; Skip takes it away and the next login comes without it; offered
 * again, Set up now shows the registration QR code, which a phone scans from the page, and the next login asks
 * for the second factor.
 */
import type { Check, CheckContext } from '../../kit/check.js';
import { skipUnless } from '../../kit/check.js';
import { newInstallId } from '../../kit/server-support.js';
import { EDITIONS } from '../../spec/editions.js';
import { decodeRegistrationPayload } from '../../spec/protocol/two-factor-payload.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { withTwoFactor } from '../two-factor/common/session.js';
import { offerSetupAgain } from '../two-factor/common/setup-offer.js';
import { expect, withConsolePage, type ConsolePage } from './console-page.js';
import { kitName } from '../../kit/kit-names.js';

/**
 * Starts a login on the page and waits for it to end logged in (2FA off, no password lock): for the new login's
 * screen, once the last one's is gone, so nothing is read off the screen before it.
 */
async function loggedIn(view: ConsolePage, what: string): Promise<void> {
  const last = await view.page.$(view.sel('loggedIn'));
  await view.at('startLogin').click();
  await last?.waitForElementState('hidden');
  await last?.dispose();
  await view
    .at('loggedIn')
    .waitFor()
    .catch(() => expect(['TFA-01'], false, `${what}: the page never said it logged in`));
}

async function offerShown(view: ConsolePage): Promise<boolean> {
  return view.at('setupOffer').isVisible();
}

async function verifyOffer(context: CheckContext, view: ConsolePage): Promise<void> {
  const { url } = context.session;
  await withTwoFactor(context, async (desk, time) => {
    await view.at('loginTab').click();
    await offerSetupAgain(desk, url, time);
    await loggedIn(view, 'the first login');
    expect(['TFA-01'], await offerShown(view), 'the first login ended without offering to set up 2FA');
    await view.at('setupSkip').click();
    await view.at('setupOffer').waitFor({ state: 'detached' });
    await loggedIn(view, 'a login after skipping');
    expect(['TFA-01'], !(await offerShown(view)), 'a login after skipping the set-up offers it again');

    await offerSetupAgain(desk, url, time);
    await loggedIn(view, 'the first login after a reset');
    expect(['TFA-01'], await offerShown(view), 'the first login after a reset ended without the offer');
    await view.at('setupNow').click();
    const payload = decodeRegistrationPayload(await view.qrText('registrationQr'));
    await new MbsClient({ baseUrl: url }).call('registerAuthenticator', {
      body: {
        registrationToken: payload.token,
        name: kitName('Scanned from the offer'),
        platform: 'android',
        installId: newInstallId(),
      },
    });
    const next = await desk.call('startLogin', { body: {} });
    expect(
      ['TFA-01', 'TFA-02'],
      next.state === 'choose-method',
      `set up from the first login's offer, the next login is at ${next.state}, not choose-method`,
    );
    return { verdict: 'pass', runs: 1 };
  });
}

export const setupOfferInChromiumCheck: Check = {
  id: 'desktop-console-setup-offer',
  title: 'The first login offers to set up 2FA in Chromium: Skip, then Set up now with the QR on the page',
  area: 'TFA',
  requirements: ['TFA-01', 'TFA-02'],
  tags: ['browser', '2fa'],
  scope: 'server',
  exclusive: true,
  applies: (column) => skipUnless(EDITIONS[column.edition].twoFactor, 'Home has no 2FA login'),
  run: (context) => withConsolePage(context.session, (view) => verifyOffer(context, view)),
};
