/**
 * The app side of the 2FA device checks: a simulated device of the column's profile with the reference app and its
 * 2FA page, whose clock reads the server's time (it starts at the server's now and is brought up to it before
 * every code is read, as a phone set to network time would be, or a set skew off it), optionally paired for backup.
 */
import type { Attempt } from '../../../../simulators/app/authenticator/enhanced-security.js';
import { TwoFactorApp } from '../../../../simulators/app/authenticator/two-factor-app.js';
import type { MobileApp } from '../../../../simulators/app/mobile-app.js';
import { VirtualClock } from '../../../../simulators/clock/virtual-clock.js';
import type { DeviceSpec } from '../../../../simulators/device/device-spec.js';
import { SimulatedDevice } from '../../../../simulators/device/simulated-device.js';
import type { MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import type { TargetSession } from '../../../targets/target.js';
import type { ServerTime } from './support.js';

export interface AppWorld {
  readonly clock: VirtualClock;
  readonly device: SimulatedDevice;
  readonly app: MobileApp;
  readonly twoFactor: TwoFactorApp;
  /** Brings the device's clock up to the server's. */
  sync(): void;
}

export function appWorld(
  session: TargetSession,
  profile: DeviceSpec,
  time: ServerTime,
  options: { overrides?: Partial<DeviceSpec>; skewMs?: number; beforeInstall?: (device: SimulatedDevice) => void } = {},
): AppWorld {
  const clock = new VirtualClock(time.now() + (options.skewMs ?? 0));
  const device = new SimulatedDevice({ ...profile, ...options.overrides }, clock);
  options.beforeInstall?.(device);
  const app = session.app.install(device, { discoveryHost: session.host });
  app.updateSettings({ automatedBackup: false });
  return {
    clock,
    device,
    app,
    twoFactor: new TwoFactorApp(app),
    sync: () => clock.advanceTo(Math.max(clock.now(), time.now() + (options.skewMs ?? 0))),
  };
}

/** Pairs the app for backup, as "Add device" on the desktop and a scan in the app do. */
export async function pairForBackup(world: AppWorld, desk: MbsClient): Promise<string> {
  const pairing = await desk.call('createPairing', { body: { mode: 'add' } });
  return (await world.app.scanQr(pairing.payload)).deviceId;
}

/** The 2FA page's code for an account, read now (after the device clock catches up with the server's). */
export function shownCode(world: AppWorld, accountId: string, attempt?: Attempt): string {
  world.sync();
  const shown = world.twoFactor.openPage(attempt).find((c) => c.id === accountId);
  if (!shown) throw new Error(`the 2FA page does not show account ${accountId}`);
  return shown.code;
}
