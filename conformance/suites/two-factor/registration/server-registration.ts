/**
 * Registering authenticators on the server (seed 000 §6.3.1; seed 001 "Features"; seed 002 "Setting up 2FA"):
 * Add shows a QR code whose otpauth URI any authenticator takes (SHA1, 6 digits, 30 s, issuer in label and
 * parameter) with a fresh 16-character base32 secret; the app's QR registration takes push and codes, once; the
 * secret-key path and a third-party authenticator complete only with a valid code and never take push.
 */
import type { Check, CheckContext } from '../../../kit/check.js';
import { checkOnce } from '../../../kit/property.js';
import { Violation } from '../../../kit/violation.js';
import { decodeRegistrationPayload } from '../../../spec/protocol/two-factor-payload.js';
import type { Registration } from '../../../spec/protocol/two-factor.js';
import { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { codeAt, stepOf } from '../common/totp-steps.js';
import { mustPass, mustRefuse, type ServerTime } from '../common/support.js';
import { withTwoFactor } from '../common/session.js';
import { registering, verifyRegisteredAt } from './registered-at.js';
import { where } from '../../../kit/applies.js';
import { EDITIONS } from '../../../spec/editions.js';
import { kitName } from '../../../kit/kit-names.js';

/** The authenticators the check registers, by how: each name marked as the kit's (kit-names.ts). */
const NAMES = { qr: kitName('Redmi Note 8'), key: kitName('iPhone 6s'), authy: kitName('Authy') };

/** What Google's Key URI Format asks of the URI (TOTP-16), and the parameters it declares (TOTP-02). */
function verifyOtpauth(r: Registration): void {
  const uri = new URL(r.otpauthUri);
  const [labelIssuer, account] = decodeURIComponent(uri.pathname.replace(/^\//, '')).split(':');
  const p = uri.searchParams;
  if (
    uri.protocol !== 'otpauth:' ||
    uri.host !== 'totp' ||
    !account ||
    p.get('secret') !== r.secret ||
    p.get('issuer') !== labelIssuer
  ) {
    throw new Violation(
      ['TOTP-16'],
      `the otpauth URI is not otpauth://totp/<issuer>:<account>?secret&issuer: ${r.otpauthUri}`,
    );
  }
  const declared = [p.get('algorithm') ?? 'SHA1', p.get('digits') ?? '6', p.get('period') ?? '30'].join('/');
  if (declared !== 'SHA1/6/30') throw new Violation(['TOTP-02'], `the otpauth URI declares ${declared}, not SHA1/6/30`);
}

async function verifyAdd(desk: MbsClient): Promise<Registration> {
  const registrations = [];
  for (let i = 0; i < 3; i++) registrations.push(await desk.call('createRegistration', { body: {} }));
  const first = registrations[0] as Registration;
  if (!/^[A-Z2-7]{16}$/.test(first.secret)) throw new Violation(['TOTP-05'], `the secret key is ${first.secret}`);
  if (new Set(registrations.map((r) => r.secret)).size !== registrations.length)
    throw new Violation(['TOTP-17'], 'two registrations got the same secret');
  verifyOtpauth(first);
  const payload = decodeRegistrationPayload(first.payload);
  if (payload.otpauth !== first.otpauthUri) throw new Violation(['TFA-03'], `the QR code carries ${payload.otpauth}`);
  return first;
}

/** TFA-19: the account is named after the edition (issuer) and the desktop machine (label), as GET /v1/info says. */
async function verifyDefaultName(app: MbsClient, account: { issuer: string; label: string }): Promise<void> {
  const info = await app.call('getInfo');
  const edition = EDITIONS[info.edition].label;
  if (!new RegExp(`(^|\\s)${edition}$`).test(account.issuer) || account.label !== info.name) {
    throw new Violation(
      ['TFA-19'],
      `the account is "${account.issuer}" / "${account.label}"; the desktop is "${info.name}" of edition ${edition}`,
    );
  }
}

/** PROTOCOL.md: a registration is completed within 10 minutes of being issued, never from then on. */
const REGISTRATION_LIFETIME_MS = 10 * 60_000;

/**
 * The expiry a registration announces, in its answer (`expiresAt`) and in its QR code (`expires`), must be the one
 * instant 10 minutes after the server issued it, read on the server clock around the call: an app trusting either
 * would otherwise offer a registration the server no longer takes, or give up on one it still does.
 */
function verifyAnnouncedExpiry(r: Registration, issued: number, issuedBy: number, slackMs: number): void {
  const inQr = decodeRegistrationPayload(r.payload).expires;
  if (inQr !== r.expiresAt) {
    throw new Violation(
      ['TFA-18'],
      `the QR code says the registration expires at ${inQr}, its expiresAt ${r.expiresAt}`,
    );
  }
  const [least, most] = [issued - slackMs, issuedBy + slackMs].map((t) => t + REGISTRATION_LIFETIME_MS) as [
    number,
    number,
  ];
  if (r.expiresAt < least || r.expiresAt > most) {
    throw new Violation(
      ['TFA-18'],
      `expiresAt ${r.expiresAt} is ${r.expiresAt - issued} ms after the server clock read before the issue; ` +
        `10 minutes after issue is ${least}..${most}`,
    );
  }
}

/**
 * Two registrations issued together, each announcing that it expires 10 minutes after issue: one completes a second
 * before its 10 minutes, the other is expired at them.
 */
async function verifyLifetime(desk: MbsClient, time: ServerTime, url: string): Promise<void> {
  const issued = time.now();
  const [early, late] = [
    await desk.call('createRegistration', { body: {} }),
    await desk.call('createRegistration', { body: {} }),
  ];
  const issuedBy = time.now();
  for (const registration of [early, late]) verifyAnnouncedExpiry(registration, issued, issuedBy, time.slackMs);
  const scan = (registration: Registration, installId: string) =>
    new MbsClient({ baseUrl: url }).call('registerAuthenticator', {
      body: {
        registrationToken: decodeRegistrationPayload(registration.payload).token,
        name: kitName('Late phone'),
        platform: 'android' as const,
        installId,
      },
    });
  await time.moveTo(issued + REGISTRATION_LIFETIME_MS - 1000);
  await mustPass(scan(early, 'install-late-0001'), ['TFA-18'], 'a registration at 9:59');
  await time.moveTo(issuedBy + REGISTRATION_LIFETIME_MS);
  await mustRefuse(scan(late, 'install-late-0002'), ['registration-expired'], ['TFA-18'], 'a registration at 10:00');
}

export const registrationCheck: Check = {
  id: 'tfa-registration-server',
  title:
    'Add: a QR code with a fresh 16-character secret; QR takes push, secret key and third-party apps take codes only',
  area: 'TFA',
  requirements: [
    'TOTP-02',
    'TOTP-05',
    'TOTP-16',
    'TOTP-17',
    'TFA-03',
    'TFA-05',
    'TFA-06',
    'TFA-09',
    'TFA-10',
    'TFA-11',
    'TFA-18',
    'TFA-19',
  ],
  scope: 'server',
  // Without the clock no registration reaches its 10 minutes.
  requirementsWithout: { clock: ['TFA-18'] },
  exclusive: true,
  tags: ['2fa'],
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withTwoFactor(context, (desk, time) =>
      checkOnce(async () => {
        const { url } = context.session;
        const qr = await verifyAdd(desk);
        const app = new MbsClient({ baseUrl: url });
        const body = {
          registrationToken: decodeRegistrationPayload(qr.payload).token,
          name: NAMES.qr,
          platform: 'android' as const,
          installId: 'install-qr-0001',
        };
        const { value: registered, at: scanned } = await registering(time, ['TFA-05'], () =>
          mustPass(app.call('registerAuthenticator', { body }), ['TFA-05'], 'scanning the QR code'),
        );
        if (!registered.account.push || registered.account.secret !== qr.secret)
          throw new Violation(['TFA-05'], `the QR registration gave ${JSON.stringify(registered.account)}`);
        await verifyDefaultName(app, registered.account);
        await mustRefuse(
          app.call('registerAuthenticator', { body: { ...body, installId: 'install-qr-0002' } }),
          ['registration-used'],
          ['TFA-05'],
          'the same QR code again',
        );

        // "Not able to scan QR code?": username and secret key, proven by a code.
        const bySecret = await desk.call('createRegistration', { body: {} });
        const step = stepOf(time.now());
        const typed = {
          username: bySecret.username,
          secret: bySecret.secret,
          name: NAMES.key,
          platform: 'ios' as const,
          installId: 'install-key-0001',
        };
        const client = new MbsClient({ baseUrl: url });
        await mustRefuse(
          client.call('registerBySecret', { body: { ...typed, code: codeAt(bySecret.secret, step + 3) } }),
          ['otp-invalid'],
          ['TFA-09'],
          'the secret key with a wrong code',
        );
        const keyed = await mustPass(
          client.call('registerBySecret', { body: { ...typed, code: codeAt(bySecret.secret, step) } }),
          ['TFA-06'],
          'the secret key with its code',
        );
        if (keyed.account.push) throw new Violation(['TFA-06', 'TFA-10'], 'a secret-key registration takes push');

        // Any authenticator app given the secret key; the desktop types its code.
        const third = await desk.call('createRegistration', { body: {} });
        const secret = new URL(third.otpauthUri).searchParams.get('secret') ?? '';
        const confirm = (code: string) =>
          desk.call('confirmRegistration', {
            params: { registrationId: third.registrationId },
            body: { code, name: NAMES.authy },
          });
        await mustRefuse(
          confirm(codeAt(secret, step - 3)),
          ['otp-invalid'],
          ['TFA-09'],
          'a third-party app with a wrong code',
        );
        const { value: authy, at: confirmed } = await registering(time, ['TFA-11'], () =>
          mustPass(confirm(codeAt(secret, step)), ['TFA-11'], 'a third-party app with its code'),
        );
        // AuthenticatorKind: `app` registered by the app itself, `totp` any app confirmed on the desktop.
        const entry = (a: { name: string; kind: string; push: boolean }) => `${a.name}:${a.kind}:${a.push}`;
        if (entry(authy) !== `${NAMES.authy}:totp:false`)
          throw new Violation(['TFA-11'], `the third-party app was registered as ${entry(authy)}`);
        const settings = await desk.call('getTwoFactor');
        const listed = settings.authenticators.map(entry).sort().join();
        const sent = [`${NAMES.authy}:totp:false`, `${NAMES.qr}:app:true`, `${NAMES.key}:app:false`];
        if (listed !== sent.sort().join())
          throw new Violation(['TFA-05', 'TFA-06', 'TFA-11'], `the devices are ${listed}`);
        if (time.movable) {
          const calls = { [NAMES.qr]: scanned, [NAMES.authy]: confirmed };
          verifyRegisteredAt(time, 'the answer to the confirmation', [authy], calls);
          verifyRegisteredAt(time, 'Settings', settings.authenticators, calls);
        }

        const login = await desk.call('startLogin', { body: {} });
        const id = { loginId: login.loginId };
        if ((login.methods?.push ?? []).map((a) => a.name).join() !== NAMES.qr)
          throw new Violation(['TFA-10'], `push offered to ${JSON.stringify(login.methods?.push)}`);
        for (const authenticatorId of [keyed.authenticatorId, authy.authenticatorId]) {
          await mustRefuse(
            desk.call('loginPush', { params: id, body: { authenticatorId } }),
            ['push-unavailable'],
            ['TFA-10'],
            'push to a codes-only device',
          );
        }
        const done = await mustPass(
          desk.call('loginOtp', { params: id, body: { code: codeAt(secret, step + 1) } }),
          ['TFA-11'],
          "the third-party app's next code",
        );
        if (done.state !== 'logged-in') throw new Violation(['TFA-11'], `the third-party code led to ${done.state}`);
        if (time.movable) await verifyLifetime(desk, time, url);
      }),
    ),
};

export const secretStrengthCheck: Check = {
  id: 'tfa-registration-secret-strength',
  title: 'TOTP secrets have at least 128 bits (RFC 4226 R6); the seed’s 16 base32 characters have 80',
  area: 'TOTP',
  requirements: ['TOTP-15'],
  scope: 'server',
  exclusive: true,
  tags: ['2fa', 'advisory'],
  applies: where({ twoFactor: true, console: true }),
  run: (context: CheckContext) =>
    withTwoFactor(context, (desk) =>
      checkOnce(async () => {
        const { secret } = await desk.call('createRegistration', { body: {} });
        const bits = secret.replace(/=+$/, '').length * 5;
        if (bits < 128)
          throw new Violation(
            ['TOTP-15'],
            `the secret key ${secret} has ${bits} bits, RFC 4226 asks for at least 128 (160 recommended)`,
          );
      }),
    ),
};
