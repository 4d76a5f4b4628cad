/**
 * The world the migration checks on the apps act in: the code an action was refused with, the server's time for
 * one-time passwords, and an original registered for 2FA migrated to a replacement that re-pairs, with a phone
 * registered for 2FA only refused as a replacement on the way (MIG-02).
 */
import { ClientError, MbsError } from '../../spec/errors.js';
import type { DeviceCheckContext } from '../../kit/check.js';
import type { TargetSession } from '../../targets/target.js';
import { TwoFactorApp } from '../../../simulators/app/authenticator/two-factor-app.js';
import { expectEqual, newWorld, pairApp, phoneOf } from '../../kit/device-support.js';
import { keepFoundTwoFactor } from '../../kit/as-found.js';

/** The error code an action was refused with, or `accepted`. */
export async function refusal(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
    return 'accepted';
  } catch (error) {
    return error instanceof MbsError || error instanceof ClientError ? error.code : String(error);
  }
}

/** The server's time, for one-time passwords the server checks. */
export function serverNow(session: TargetSession): number {
  return session.clock?.now() ?? Date.now();
}

/**
 * An original registered for 2FA, migrated to a replacement that re-pairs; the authenticators are removed after. The
 * checks log in as on a server with no 2FA but the kit's: one whose owner set 2FA up leaves them untested (as-found.ts).
 */
export async function withRepairedReplacement(
  context: DeviceCheckContext,
  body: (s: {
    original: TwoFactorApp;
    replacement: TwoFactorApp;
    originalId: string;
    replacementId: string;
    secret: string;
  }) => Promise<void>,
): Promise<void> {
  await keepFoundTwoFactor();
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
    const from = await newWorld(context, { authenticator: true });
    const original = new TwoFactorApp(from.app);
    const a = await register(original);
    // A phone registered for 2FA only is refused as a replacement too.
    const other = phoneOf(from.device.platform === 'android' ? 'ios' : 'android');
    const authenticatorOnly = await newWorld(context, { profile: other, pair: false, authenticator: true });
    await register(new TwoFactorApp(authenticatorOnly.app));
    const refused = await refusal(() => pairApp(session, authenticatorOnly.app, from.app.pairing!.deviceId));
    expectEqual(['MIG-02'], 'migrating to a phone registered for 2FA', refused, 'migration-target-paired');
    const to = await newWorld(context, { profile: other, pair: false, authenticator: true });
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
