/**
 * Migration seen from the apps (seed 000 §7.1, §11, §11.2): the column's phone migrates to a phone of the other
 * platform and back the other way; the original is chosen from the device list, a replacement paired already is
 * refused, the replacement takes over the folder under its own name, the original's app loses its backup pairing
 * but keeps its 2FA accounts, and the replacement lists the inherited items in Archive and restores them (documents
 * only on Android) with the 2FA accounts. Where the edition has 2FA: after the replacement re-pairs, push goes to it
 * only; the original's one-time passwords stay valid (MUST, as the seed says) though NIST would revoke them (ADVISORY).
 */
import { ClientError, MbsError } from '../spec/errors.js';
import type { Check, CheckContext } from '../framework/check.js';
import { checkOnce } from '../framework/property.js';
import type { TargetSession } from '../targets/target.js';
import { TwoFactorApp } from '../../simulators/app/authenticator/two-factor-app.js';
import { hashOf } from '../../simulators/app/content-registry.js';
import { openRestorePage, restoreFromPage } from '../../simulators/app/restore-page.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import {
  addMedia,
  deviceNeeds,
  expectEqual,
  expectTrue,
  newWorld,
  pairApp,
  phoneOf,
  sorted,
  totp,
} from './device-support.js';

async function refusal(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
    return 'accepted';
  } catch (error) {
    return error instanceof MbsError || error instanceof ClientError ? error.code : String(error);
  }
}

/** One migration: the original backs up, the replacement takes over; every observable rule along the way. */
async function migrate(session: TargetSession, from: DeviceSpec, to: DeviceSpec): Promise<void> {
  const console = session.console!;
  const original = await newWorld(session, from);
  const made = ['IMG_1.jpg', 'VID_1.mp4', 'report.pdf'].map((name) =>
    addMedia(original.device, { name, ...(name.endsWith('.pdf') ? { folder: 'Documents' } : {}) }),
  );
  original.app.accounts.addFromSecret('Backup Pro', 'admin', 'JBSWY3DPEHPK3PXP');
  await original.app.backup();
  const { backupPath } = await original.app.client().call('getSelf');
  const originalId = original.app.pairing!.deviceId;
  const listed = (await console.call('listDevices')).devices.find((d) => d.deviceId === originalId);
  expectEqual(['MIG-01'], 'the original in the device list', listed?.name, original.device.spec.name);

  // A replacement already paired for backup is refused.
  const busy = await newWorld(session, to);
  const twice = await refusal(() => pairApp(session, busy.app, originalId));
  // The app may refuse by itself, or pass the server's refusal on.
  const refusals = ['already-paired', 'migration-target-paired'];
  expectTrue(['MIG-02'], refusals.includes(twice), `migrating to a phone paired for backup already: ${twice}`);

  const replacement = await newWorld(session, to, { pair: false });
  await pairApp(session, replacement.app, originalId);
  const self = await replacement.app.client().call('getSelf');
  expectEqual(['MIG-04'], "the replacement's backup folder", self.backupPath, backupPath);
  const devices = (await console.call('listDevices')).devices;
  expectTrue(['MIG-03'], !devices.some((d) => d.deviceId === originalId), 'the original is still in the device list');
  const entry = devices.find((d) => d.deviceId === replacement.app.pairing!.deviceId);
  expectEqual(['MIG-05'], "the replacement's entry", entry?.name, replacement.device.spec.name);

  const stale = await original.app.backup();
  const cause = stale.error instanceof MbsError ? stale.error.code : stale.error?.message;
  expectEqual(['MIG-06'], "the original's next backup", [stale.state, cause], ['failed', 'device-unauthorized']);
  expectEqual(['MIG-06'], "the original's 2FA accounts", original.app.accounts.list().length, 1);

  const eligible = made.filter((m) => m.kind !== 'document' || from.platform === 'android');
  const archive = await replacement.app.listRestorable('archive');
  expectEqual(
    ['MIG-11'],
    'inherited items in the Archive tab',
    sorted(archive.map((i) => i.sha256)),
    sorted(eligible.map(hashOf)),
  );
  const page = await openRestorePage(replacement.app);
  for (const kind of page.kinds) page.tap(kind);
  const job = await restoreFromPage(replacement.app, page);
  const expected = eligible.filter((m) => m.kind !== 'document' || to.platform === 'android');
  const back = sorted(replacement.device.mediaItems().map(hashOf));
  expectEqual(
    ['MIG-10', 'MIG-13'],
    `items restored on the ${to.platform} replacement`,
    [job.state, back],
    ['completed', sorted(expected.map(hashOf))],
  );
  expectEqual(
    ['MIG-10'],
    '2FA accounts restored',
    replacement.app.accounts.list().map((a) => a.label),
    ['admin'],
  );
}

const acrossPlatforms: Check = {
  id: 'migration-app-across-platforms',
  title:
    "Migration from this phone to one of the other platform and back: the device list, a paired replacement refused, the folder kept under the replacement's name, the original unpaired with its 2FA accounts, inherited items in Archive restored with the 2FA accounts",
  area: 'MIG',
  requirements: ['MIG-01', 'MIG-02', 'MIG-03', 'MIG-04', 'MIG-05', 'MIG-06', 'MIG-10', 'MIG-11', 'MIG-13'],
  scope: 'device',
  applies: deviceNeeds(),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const mine = context.column.profile!;
      const other = phoneOf(mine.platform === 'android' ? 'ios' : 'android');
      await migrate(context.session, mine, other);
      await migrate(context.session, other, mine);
    }),
};

/** The server's time, for one-time passwords the server checks. */
function serverNow(session: TargetSession): number {
  return (session as TargetSession & { clock?: { now(): number } }).clock?.now() ?? Date.now();
}

/** An original registered for 2FA, migrated to a replacement that re-pairs; the authenticators are removed after. */
async function withRepairedReplacement(
  context: CheckContext,
  body: (s: {
    original: TwoFactorApp;
    replacement: TwoFactorApp;
    originalId: string;
    replacementId: string;
    secret: string;
  }) => Promise<void>,
): Promise<void> {
  const { session } = context;
  const console = session.console!;
  const registered: string[] = [];
  const register = async (app: TwoFactorApp) => {
    const reg = await console.call('createRegistration', { body: {} });
    const account = await app.scanRegistrationQr(reg.payload);
    const id = app.linkFor(account.id)!.authenticatorId;
    registered.push(id);
    return { id, secret: account.secret };
  };
  try {
    const from = await newWorld(session, context.column.profile!);
    const original = new TwoFactorApp(from.app);
    const a = await register(original);
    // A phone registered for 2FA only is refused as a replacement too.
    const other = phoneOf(from.device.platform === 'android' ? 'ios' : 'android');
    const authenticatorOnly = await newWorld(session, other, { pair: false });
    await register(new TwoFactorApp(authenticatorOnly.app));
    const refused = await refusal(() => pairApp(session, authenticatorOnly.app, from.app.pairing!.deviceId));
    expectEqual(['MIG-02'], 'migrating to a phone registered for 2FA', refused, 'migration-target-paired');
    const to = await newWorld(session, other, { pair: false });
    await pairApp(session, to.app, from.app.pairing!.deviceId);
    const replacement = new TwoFactorApp(to.app);
    const b = await register(replacement);
    await body({ original, replacement, originalId: a.id, replacementId: b.id, secret: a.secret });
  } finally {
    for (const id of registered) {
      await console.call('removeAuthenticator', { params: { authenticatorId: id } }).catch(() => undefined);
    }
  }
}

const needs2fa = deviceNeeds({ twoFactor: true });

const pushMoves: Check = {
  id: 'migration-push-moves-to-replacement',
  title:
    "After migration and re-pairing, push requests go to the replacement and no longer to the original; the original's one-time passwords are still accepted",
  area: 'MIG',
  requirements: ['MIG-02', 'MIG-07', 'MIG-08'],
  scope: 'device',
  exclusive: true,
  applies: needs2fa,
  run: (context: CheckContext) =>
    checkOnce(() =>
      withRepairedReplacement(context, async ({ original, replacement, originalId, replacementId, secret }) => {
        const console = context.session.console!;
        const login = await console.call('startLogin', { body: {} });
        expectEqual(['MIG-07'], 'the login (no password lock expected)', login.state, 'choose-method');
        const pushable = (login.methods?.push ?? []).map((m) => m.authenticatorId);
        expectTrue(
          ['MIG-07'],
          pushable.includes(replacementId) && !pushable.includes(originalId),
          `push goes to [${pushable.join(', ')}]`,
        );
        const toOriginal = await refusal(() =>
          console.call('loginPush', { params: { loginId: login.loginId }, body: { authenticatorId: originalId } }),
        );
        const noPush = ['push-unavailable', 'authenticator-not-found'];
        expectTrue(['MIG-07'], noPush.includes(toOriginal), `a push request to the original: ${toOriginal}`);
        await console.call('loginPush', {
          params: { loginId: login.loginId },
          body: { authenticatorId: replacementId },
        });
        expectEqual(['MIG-07'], 'push requests the replacement received', (await replacement.receivePush()).length, 1);
        // An original whose registration the server dropped receives nothing either.
        const stale = await original.receivePush().catch((error: unknown) => {
          if (error instanceof MbsError && error.code === 'authenticator-unauthorized') return [];
          throw error;
        });
        expectEqual(['MIG-07'], 'push requests the original received', stale.length, 0);
        const otpLogin = await console.call('startLogin', { body: {} });
        let state: string;
        try {
          const code = totp(secret, serverNow(context.session));
          const body = { code, authenticatorId: originalId };
          state = (await console.call('loginOtp', { params: { loginId: otpLogin.loginId }, body })).state;
        } catch (error) {
          state = error instanceof MbsError ? error.code : String(error);
        }
        expectEqual(['MIG-08'], "a login with the original's one-time password", state, 'logged-in');
      }),
    ),
};

const totpRevoked: Check = {
  id: 'migration-original-totp-revoked',
  title: "After migration the server stops accepting the original's one-time passwords (NIST SP 800-63B; advisory)",
  area: 'MIG',
  requirements: ['MIG-09'],
  scope: 'device',
  exclusive: true,
  applies: needs2fa,
  run: (context: CheckContext) =>
    checkOnce(() =>
      withRepairedReplacement(context, async ({ originalId, secret }) => {
        const console = context.session.console!;
        const login = await console.call('startLogin', { body: {} });
        const code = totp(secret, serverNow(context.session));
        const answer = await refusal(() =>
          console.call('loginOtp', { params: { loginId: login.loginId }, body: { code, authenticatorId: originalId } }),
        );
        expectTrue(
          ['MIG-09'],
          answer !== 'accepted',
          "the server still accepts the original's one-time passwords after migration",
        );
      }),
    ),
};

export const migrationChecks: Check[] = [acrossPlatforms, pushMoves, totpRevoked];
