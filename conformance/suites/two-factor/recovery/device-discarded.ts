/**
 * What the recovery checks after the right SMS code: the login is done with a QR registration to pair again
 * (REC-08), and the discarded device is gone with its key, its push and its codes while the other one still works
 * (REC-09).
 */
import { Violation } from '../../../kit/violation.js';
import type { Login } from '../../../spec/protocol/two-factor-login.js';
import type { Registration } from '../../../spec/protocol/two-factor.js';
import { decodeRegistrationPayload } from '../../../spec/protocol/two-factor-payload.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { type ServerAuthenticator } from '../common/actors.js';
import { codeAt, stepOf } from '../common/totp-steps.js';
import { mustRefuse, type ServerTime } from '../common/support.js';

/** The registration to pair again is one: its QR code, its otpauth URI and its secret key name the same key. */
function verifyPairAgain(registration: Registration): void {
  const uri = new URL(registration.otpauthUri);
  const carried = decodeRegistrationPayload(registration.payload).otpauth;
  if (
    uri.protocol !== 'otpauth:' ||
    uri.searchParams.get('secret') !== registration.secret ||
    carried !== registration.otpauthUri
  ) {
    throw new Violation(
      ['REC-08'],
      `the registration to pair again gives the secret key ${registration.secret}, the otpauth URI ` +
        `${registration.otpauthUri} and a QR code carrying ${carried}: not one key`,
    );
  }
}

/** Recovery done: a QR registration to pair again; the device is gone, its key, push and codes with it. */
export async function verifyDiscarded(
  desk: MbsClient,
  time: ServerTime,
  done: Login,
  a: ServerAuthenticator,
  b: ServerAuthenticator,
) {
  const registration = done.registration;
  if (done.state !== 'logged-in' || !registration || !/^[A-Z2-7]{16}$/.test(registration.secret)) {
    throw new Violation(
      ['REC-08'],
      `after the code the login is at ${done.state} with ${JSON.stringify(registration)}`,
    );
  }
  verifyPairAgain(registration);
  const left = (await desk.call('getTwoFactor')).authenticators.map((x) => x.name);
  if (left.join() !== b.name) throw new Violation(['REC-09'], `after recovery the devices are [${left.join(', ')}]`);
  // One at a time, each made when it is awaited: a refusal that came before the other was awaited would be a
  // rejection nothing handles yet, and end the run.
  for (const call of [
    () => a.client.call('getAuthenticatorSelf'),
    () => a.client.call('listNotifications', { query: {} }),
  ]) {
    await mustRefuse(call(), ['authenticator-unauthorized'], ['REC-09'], "the discarded device's key");
  }
  const id = { loginId: (await desk.call('startLogin', { body: {} })).loginId };
  await mustRefuse(
    desk.call('loginPush', { params: id, body: { authenticatorId: a.id } }),
    ['authenticator-not-found'],
    ['REC-09'],
    'push to the discarded device',
  );
  const step = stepOf(time.now());
  await mustRefuse(
    desk.call('loginOtp', { params: id, body: { code: codeAt(a.secret, step) } }),
    ['otp-invalid'],
    ['REC-09'],
    "the discarded device's code",
  );
  await desk.call('loginOtp', { params: id, body: { code: codeAt(b.secret, step) } });
}
