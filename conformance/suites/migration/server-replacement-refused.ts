/**
 * Migration on the server, MIG-02: a replacement already paired for backup, or registered as a 2FA authenticator
 * where the edition has 2FA, is refused, changes nothing in the device list and leaves the token usable. Also the
 * device list as a case sees it, which the takeover compares too.
 */
import type { Static } from 'typebox';
import { EDITIONS } from '../../spec/editions.js';
import type { Device } from '../../spec/protocol/resources.js';
import { decodeRegistrationPayload } from '../../spec/protocol/two-factor-payload.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import type { TargetSession } from '../../targets/target.js';
import { consoleOf, identity, newInstallId, refused } from '../../kit/server-support.js';
import { kitName } from '../../kit/kit-names.js';

/** The list without the devices other checks left, as `id=name@path`. */
export async function listed(session: TargetSession, ids: ReadonlySet<string>): Promise<string[]> {
  return (await listedDevices(session, ids)).map(entryOf);
}

export const entryOf = (d: Static<typeof Device>) => `${d.deviceId}=${d.name}@${d.backupPath}`;

/** The list without the devices other checks left. */
export async function listedDevices(session: TargetSession, ids: ReadonlySet<string>) {
  const { devices } = await consoleOf(session).call('listDevices');
  return devices.filter((d) => ids.has(d.deviceId));
}

/** Where a device came from, as `id=name`, or none. */
export const origin = (d: Static<typeof Device> | undefined) =>
  d?.migratedFrom ? `${d.migratedFrom.deviceId}=${d.migratedFrom.name}` : 'none';

/** Tries to make an installation that is a 2FA authenticator the replacement; it must be refused. */
async function refuseTwoFactorReplacement(session: TargetSession, token: string): Promise<void> {
  const desk = consoleOf(session);
  const registration = await desk.call('createRegistration', { body: {} });
  const installId = newInstallId();
  const app = new MbsClient({ baseUrl: session.url });
  const registered = await app.call('registerAuthenticator', {
    body: {
      registrationToken: decodeRegistrationPayload(registration.payload).token,
      name: kitName('Authenticator'),
      platform: 'android',
      installId,
    },
  });
  try {
    const call = app.call('pair', {
      body: { token, edition: session.edition, device: identity('Auth', 'ios', installId) },
    });
    await refused(call, ['migration-target-paired'], 'migrating to an installation registered for 2FA');
  } finally {
    await desk.call('removeAuthenticator', { params: { authenticatorId: registered.authenticatorId } });
  }
}

/** MIG-02: an already paired replacement is refused, changes nothing and leaves the token usable. */
export async function refuseReplacements(
  session: TargetSession,
  token: string,
  ids: ReadonlySet<string>,
  bystander: { readonly name: string; readonly installId: string },
): Promise<void> {
  const before = await listed(session, ids);
  // The paired bystander again, as it was paired: its name and its installation.
  const bystanderIdentity = identity(bystander.name, 'android', bystander.installId);
  await refused(
    new MbsClient({ baseUrl: session.url }).call('pair', {
      body: { token, edition: session.edition, device: bystanderIdentity },
    }),
    ['migration-target-paired'],
    'migrating to an installation already paired for backup',
  );
  if (EDITIONS[session.edition].twoFactor) await refuseTwoFactorReplacement(session, token);
  if (JSON.stringify(await listed(session, ids)) !== JSON.stringify(before)) {
    throw new Error('a refused migration changed the device list');
  }
}
