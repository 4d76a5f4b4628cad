/**
 * The login and Settings > Authentication in Chromium, with a registered phone on the other side (seed 000 §6.3.1,
 * Appendix A): Show Secret Key behind "Not able to scan QR code?", which must show the key its QR code carries,
 * the registered phone listed by name, then a push login whose "Waiting for response" countdown is read, then read
 * again after the server's clock moves a minute (after real time, when it cannot move), approved on the phone while
 * the page counts down.
 */
import type { Check, CheckContext } from '../../kit/check.js';
import { skipUnless } from '../../kit/check.js';
import { EDITIONS } from '../../spec/editions.js';
import { decodeRegistrationPayload } from '../../spec/protocol/two-factor-payload.js';
import { allNotificationsAfter } from '../../../simulators/mbs-client/listing-pages.js';
import { registerByQr } from '../two-factor/common/actors.js';
import { withTwoFactor } from '../two-factor/common/session.js';
import type { ServerTime } from '../two-factor/common/support.js';
import { expect, withConsolePage, type ConsolePage } from './console-page.js';
import { countsDown, freshRange, readCountdown } from './countdown-drop.js';

/**
 * How far the server's clock moves for the push countdown to show it: far more than the seconds the page would count
 * by itself while the check waits, so only a page that follows the server's remainingMs shows it.
 */
const PUSH_DROP_S = 60;

async function showSecretKey(view: ConsolePage): Promise<void> {
  await view.at('authenticationTab').click();
  await view.at('addAuthenticator').click();
  await view.at('notAbleToScan').click();
  await view.at('showSecretKey').click();
  const secret = (await view.text('secretKey')).trim();
  expect(['DESK-06', 'TFA-07'], /^[A-Z2-7]{16}$/.test(secret), `Show Secret Key shows "${secret}", not 16 characters`);
  // The key a person types must be the account's: the one the dialog's own QR code carries.
  const { otpauth } = decodeRegistrationPayload(await view.qrText('registrationQr'));
  const inQr = new URL(otpauth).searchParams.get('secret') ?? '';
  expect(['DESK-06', 'TFA-07'], secret === inQr, `Show Secret Key shows "${secret}", the QR code's key is "${inQr}"`);
  await view.at('registrationClose').click();
}

/** Settings > Authentication lists a registered phone by its name. */
async function listsAuthenticator(view: ConsolePage, name: string): Promise<void> {
  await view.at('authenticationTab').click();
  await view.page
    .locator(view.sel('authenticatorRows'))
    .filter({ hasText: name })
    .first()
    .waitFor()
    .catch(() => expect(['DESK-06'], false, `Settings > Authentication never lists the registered "${name}"`));
}

async function pushLogin(view: ConsolePage, time: ServerTime, phoneName: string): Promise<void> {
  await view.at('loginTab').click();
  await view.at('startLogin').click();
  const button = view.page.locator(view.sel('pushDevice')).filter({ hasText: phoneName }).first();
  const label = (await button.textContent()) ?? '';
  expect(
    ['DESK-08'],
    label.includes(`Approve request in Authenticator App from "${phoneName}"`),
    `the push choice reads "${label}"`,
  );
  const sent = time.now();
  await button.click();
  const first = await readCountdown(view, 'pushCountdown');
  const [low, high] = freshRange(time, 300, 20, sent);
  expect(['DESK-08'], first <= high && first >= low, `the push countdown starts at ${first} s, not ${low}–${high} s`);
  await countsDown(view, 'pushCountdown', time, first, PUSH_DROP_S, ['DESK-08']);
}

async function verifyLogin(context: CheckContext, view: ConsolePage): Promise<void> {
  await withTwoFactor(context, async (desk, time) => {
    await showSecretKey(view);
    const phone = await registerByQr(desk, context.session.url, `Redmi ${context.content.tag()}`);
    await listsAuthenticator(view, phone.name);
    await pushLogin(view, time, phone.name);
    const { notifications } = await allNotificationsAfter(phone.client);
    const request = notifications.filter((n) => n.status === 'pending').at(-1);
    expect(['DESK-08'], request !== undefined, 'the phone got no pending push request');
    await phone.client.call('answerPush', { params: { requestId: request!.requestId }, body: { decision: 'approve' } });
    await view
      .at('loggedIn')
      .waitFor()
      .catch(() => expect(['DESK-08'], false, 'approved on the phone, the page never logged in'));
    return { verdict: 'pass', runs: 1 };
  });
}

export const loginInChromiumCheck: Check = {
  id: 'desktop-console-login',
  title: 'The login and Authentication screens in Chromium: Show Secret Key, a push login counting down',
  area: 'DESK',
  requirements: ['DESK-06', 'DESK-08', 'TFA-07'],
  tags: ['browser', '2fa'],
  scope: 'server',
  exclusive: true,
  applies: (column) => skipUnless(EDITIONS[column.edition].twoFactor, 'Home has no 2FA login'),
  run: (context) => withConsolePage(context.session, (view) => verifyLogin(context, view)),
};
