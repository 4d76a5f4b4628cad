/**
 * Migration on the server (seed 000 §7.1, §11.2; PROTOCOL.md "Pairing"), as a property over item sets, 2FA
 * accounts and platforms: the original is chosen from the device list; a replacement already paired (for backup,
 * or for 2FA where the edition has it) is refused without using the token up; the replacement then takes over the
 * original's folder under its own name, the original leaves the list and its key stops working, and the inherited
 * items and 2FA accounts are listed (Archive) and restorable byte-identical to the replacement.
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../framework/check.js';
import { checkProperty } from '../framework/property.js';
import { EDITIONS } from '../spec/editions.js';
import { ITEM_KINDS } from '../spec/file-types.js';
import { decodePairingPayload } from '../spec/protocol/pairing.js';
import type { AuthenticatorAccount } from '../spec/protocol/resources.js';
import { decodeRegistrationPayload } from '../spec/protocol/two-factor-payload.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { Violation, within } from '../framework/violation.js';
import type { TargetSession } from '../targets/target.js';
import {
  brief,
  bytesOf,
  consoleOf,
  identity,
  metaOf,
  needsConsole,
  newInstallId,
  pairDevice,
  type PairedDevice,
  refused,
  removeQuietly,
  sha256,
} from './server-support.js';

const scenario = fc.record({
  items: fc.array(
    fc.record({ kind: fc.constantFrom(...ITEM_KINDS), size: fc.integer({ min: 1, max: 4096 }), seed: fc.nat() }),
    { maxLength: 3 },
  ),
  accounts: fc.integer({ min: 0, max: 2 }),
  originalIos: fc.boolean(),
  replacementIos: fc.boolean(),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

function account(n: number): AuthenticatorAccount {
  return {
    id: `acct-${n}`,
    issuer: 'Mobile Backup',
    label: `user${n}@example.com`,
    secret: 'JBSWY3DPEHPK3PXP',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    push: false,
  };
}

/** The list without the devices other checks left, as `id=name@path`. */
async function listed(session: TargetSession, ids: ReadonlySet<string>): Promise<string[]> {
  const { devices } = await consoleOf(session).call('listDevices');
  return devices.filter((d) => ids.has(d.deviceId)).map((d) => `${d.deviceId}=${d.name}@${d.backupPath}`);
}

/** Tries to make an installation that is a 2FA authenticator the replacement; it must be refused. */
async function refuseTwoFactorReplacement(session: TargetSession, token: string): Promise<void> {
  const desk = consoleOf(session);
  const registration = await desk.call('createRegistration', { body: {} });
  const installId = newInstallId();
  const app = new MbsClient({ baseUrl: session.url });
  const registered = await app.call('registerAuthenticator', {
    body: {
      registrationToken: decodeRegistrationPayload(registration.payload).token,
      name: 'Authenticator',
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

async function migrate(session: TargetSession, s: Scenario, paired: string[]): Promise<void> {
  const desk = consoleOf(session);
  const original = await pairDevice(session, 'ASUS_X00ID', s.originalIos ? 'ios' : 'android');
  paired.push(original.deviceId);
  const bystander = await pairDevice(session, 'Bystander');
  paired.push(bystander.deviceId);
  const backup = await original.client.call('startBackup', { body: {} });
  const contents = s.items.map((item, i) => ({ ...item, bytes: bytesOf(item.seed + i * 7919, item.size), i }));
  for (const c of contents) {
    await original.client.uploadItem(backup.backupId, c.bytes, metaOf(c.kind, `M${c.i}`, c.seed), sha256(c.bytes));
  }
  const shas = [...new Set(contents.map((c) => sha256(c.bytes)))];
  const accounts = Array.from({ length: s.accounts }, (_, n) => account(n));
  const snapshot = await original.client.call('commitBackup', {
    params: { backupId: backup.backupId },
    body: { present: shas, accounts },
  });

  // MIG-01: the original is chosen from the device list.
  const ids = new Set([original.deviceId, bystander.deviceId]);
  const pairing = await within(['MIG-01', 'PAIR-01'], async () => {
    const { devices } = await desk.call('listDevices');
    const chosen = devices.find((d) => d.deviceId === original.deviceId && d.name === 'ASUS_X00ID');
    if (!chosen) throw new Error(`the device list does not show the original: ${brief(devices)}`);
    await refused(
      desk.call('createPairing', { body: { mode: 'migrate', originalDeviceId: 'no-such-device' } }),
      ['device-not-found'],
      'a migration from a device not in the list',
    );
    const made = await desk.call('createPairing', { body: { mode: 'migrate', originalDeviceId: chosen.deviceId } });
    if (decodePairingPayload(made.payload).mode !== 'migrate') throw new Error(`not a migrate QR: ${made.payload}`);
    return made;
  });
  await within(['MIG-02'], () => refuseReplacements(session, pairing.token, ids, bystander.installId));
  await within(['MIG-03', 'MIG-04', 'MIG-05', 'MIG-10', 'MIG-13'], () =>
    migrateTo(session, s, { original, bystander, pairing, ids, shas, contents, snapshot }, paired),
  );
}

/** MIG-02: an already paired replacement is refused, changes nothing and leaves the token usable. */
async function refuseReplacements(
  session: TargetSession,
  token: string,
  ids: ReadonlySet<string>,
  bystanderInstallId: string,
): Promise<void> {
  const before = await listed(session, ids);
  const bystanderIdentity = identity('Bystander', 'android', bystanderInstallId);
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

interface Migration {
  readonly original: PairedDevice;
  readonly bystander: PairedDevice;
  readonly pairing: { readonly token: string };
  readonly ids: ReadonlySet<string>;
  readonly shas: readonly string[];
  readonly contents: readonly { readonly bytes: Buffer }[];
  readonly snapshot: { readonly accounts: unknown; readonly counts: unknown };
}

/** The migration itself, and what the server shows after it. */
async function migrateTo(session: TargetSession, s: Scenario, m: Migration, paired: string[]): Promise<void> {
  const { original, bystander, pairing, ids, shas, contents, snapshot } = m;

  const replacement = new MbsClient({ baseUrl: session.url });
  const device = identity('Redmi Note 8', s.replacementIos ? 'ios' : 'android');
  const answer = await replacement.call('pair', { body: { token: pairing.token, edition: session.edition, device } });
  paired.push(answer.deviceId);
  replacement.deviceKey = answer.deviceKey;
  const wanted = {
    name: 'Redmi Note 8',
    backupPath: original.backupPath,
    from: original.deviceId,
    fromName: 'ASUS_X00ID',
  };
  const got = {
    name: answer.name,
    backupPath: answer.backupPath,
    from: answer.migratedFrom?.deviceId,
    fromName: answer.migratedFrom?.name,
  };
  if (JSON.stringify(got) !== JSON.stringify(wanted))
    throw new Violation(['MIG-04', 'MIG-05'], `migration answered ${brief(got)}, not ${brief(wanted)}`);
  const after = await listed(session, new Set([...ids, answer.deviceId]));
  const expected = [
    `${bystander.deviceId}=Bystander@${bystander.backupPath}`,
    `${answer.deviceId}=Redmi Note 8@${original.backupPath}`,
  ];
  if (JSON.stringify(after.sort()) !== JSON.stringify(expected.sort())) {
    throw new Violation(
      ['MIG-03', 'MIG-04', 'MIG-05'],
      `after migration the device list shows [${after.join(', ')}], not [${expected.join(', ')}]`,
    );
  }
  await within(['MIG-03'], () =>
    refused(original.client.call('getSelf'), ['device-unauthorized'], 'the original device’s key after migration'),
  );
  await refused(
    new MbsClient({ baseUrl: session.url }).call('pair', {
      body: { token: pairing.token, edition: session.edition, device: identity('Again', 'android') },
    }),
    ['pairing-token-used'],
    'the migration token used a second time',
  );

  await within(['MIG-10'], () => inherited(replacement, shas, contents, snapshot));
}

/** MIG-10: the inherited items and 2FA accounts belong to the replacement now. */
async function inherited(
  replacement: MbsClient,
  shas: readonly string[],
  contents: Migration['contents'],
  snapshot: Migration['snapshot'],
): Promise<void> {
  const items = (await replacement.call('listItems', { query: { limit: 1000 } })).items;
  const shown = items.map((i) => `${i.sha256}:${i.tab}`).sort();
  const inherited = shas.map((sha) => `${sha}:archive`).sort();
  if (JSON.stringify(shown) !== JSON.stringify(inherited)) {
    throw new Error(`the replacement lists [${shown.join(', ')}], not the inherited [${inherited.join(', ')}]`);
  }
  for (const c of contents) {
    if (!(await replacement.download(sha256(c.bytes))).equals(c.bytes)) {
      throw new Error(`inherited item ${sha256(c.bytes)} does not download byte-identical to the replacement`);
    }
  }
  const latest = await replacement.call('getLatestSnapshot');
  const kept = (x: Migration['snapshot']) => JSON.stringify({ accounts: x.accounts, counts: x.counts });
  if (kept(latest) !== kept(snapshot)) {
    throw new Error(`the replacement's latest snapshot is ${brief(latest)}, not the original's ${brief(snapshot)}`);
  }
}

export const migrationCheck: Check = {
  id: 'server-migration-device-list',
  title: 'Migration moves the backup to the replacement: same folder, new name, original gone, items and accounts kept',
  area: 'MIG',
  requirements: ['PAIR-01', 'MIG-01', 'MIG-02', 'MIG-03', 'MIG-04', 'MIG-05', 'MIG-10', 'MIG-13'],
  scope: 'server',
  // Registering an authenticator turns 2FA on for every client for a moment: nothing may run beside it.
  exclusive: true,
  applies: needsConsole,
  async run(context: CheckContext) {
    const property = fc.asyncProperty(scenario, async (s) => {
      const paired: string[] = [];
      try {
        await migrate(context.session, s, paired);
      } finally {
        await removeQuietly(context.session, paired);
      }
    });
    // Each case pairs three devices and walks the whole migration: a fifth of the runs is plenty of evidence.
    return checkProperty(property, context, Math.max(1, Math.ceil(context.runs / 5)));
  },
};
