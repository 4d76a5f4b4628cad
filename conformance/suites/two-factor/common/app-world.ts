/**
 * The app side of the 2FA device checks: the kit's device world (device-world.ts) with the app's 2FA page, whose
 * clock reads the server's time (it starts at the server's now and is brought up to it before every code is read,
 * as a phone set to network time would be, or a set skew off it), optionally paired for backup.
 */
import type { Attempt } from '../../../../simulators/app/authenticator/enhanced-security.js';
import { TwoFactorApp } from '../../../../simulators/app/authenticator/two-factor-app.js';
import { type MbsClient } from '../../../../simulators/mbs-client/mbs-client.js';
import { type CheckContext } from '../../../kit/check.js';
import { newWorld, type World, type WorldOptions } from '../../../kit/device-world.js';
import type { ServerTime } from './support.js';
import { STEP_MS } from './totp-steps.js';

/** The device world of a 2FA check (device-world.ts), with the app's 2FA page and a clock that reads the server's. */
export interface AppWorld extends World {
  readonly twoFactor: TwoFactorApp;
  /** Brings the device's clock up to the server's. */
  sync(): void;
}

/**
 * A phone not paired for backup (unless the check pairs it), its clock `skewMs` off the server's, named as an
 * authenticator of the kit's (device-world.ts).
 */
export async function appWorld(
  context: CheckContext,
  time: ServerTime,
  options: Omit<WorldOptions, 'pair' | 'startMs'> & { readonly skewMs?: number } = {},
): Promise<AppWorld> {
  const { skewMs = 0, ...world } = options;
  const made = await newWorld(context, { ...world, pair: false, startMs: time.now() + skewMs, authenticator: true });
  const { clock, app } = made;
  return {
    ...made,
    twoFactor: new TwoFactorApp(app),
    sync: () => clock.advanceTo(Math.max(clock.now(), time.now() + skewMs)),
  };
}

/** Pairs the app for backup, as "Add device" on the desktop and a scan in the app do. */
export async function pairForBackup(world: AppWorld, desk: MbsClient): Promise<string> {
  const pairing = await desk.call('createPairing', { body: { mode: 'add' } });
  return (await world.app.scanQr(pairing.payload)).deviceId;
}

/** The 2FA page's code for an account, read now (after the device clock catches up with the server's). */
export function shownCode(world: AppWorld, accountId: string, attempt?: Attempt): string {
  return shownCodes(world, [accountId], attempt)[0]!;
}

/**
 * The codes of several accounts as one opening of the 2FA page shows them, after one catch-up of the device clock:
 * read one by one, each catching up, they could straddle a 30 s step where the server's clock runs on its own.
 */
export function shownCodes(world: AppWorld, accountIds: readonly string[], attempt?: Attempt): string[] {
  world.sync();
  const page = world.twoFactor.openPage(attempt);
  return accountIds.map((id) => {
    const shown = page.find((c) => c.id === id);
    if (!shown) throw new Error(`the 2FA page does not show account ${id}`);
    return shown.code;
  });
}

/**
 * A phone whose codes are a step later than the last one used: the server's clock moved a step on where it can
 * move, else a phone set a step ahead, whose code the server's ±1 step window accepts (TOTP-13). A code is accepted
 * once, so a second login by the same account needs one of these.
 */
export async function phoneAStepOn(context: CheckContext, time: ServerTime): Promise<AppWorld> {
  if (!time.movable) return appWorld(context, time, { skewMs: STEP_MS });
  await time.advance(STEP_MS);
  return appWorld(context, time);
}

/** Moves on a step for the codes `world` shows next: the server's clock where it can move, else the phone's own. */
export async function stepOn(world: AppWorld, time: ServerTime): Promise<void> {
  if (time.movable) return time.advance(STEP_MS);
  world.clock.advanceTo(world.clock.now() + STEP_MS);
}
