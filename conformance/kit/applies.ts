/**
 * Where a check applies, said once per check as a statement of what it needs: `applies: where({ device: 'paired',
 * platform: 'android', clock: true })`. Each need the column or the target lacks yields the reason the report shows
 * beside the skip, in a fixed order, so that two checks lacking the same thing say it in the same words. What a
 * target may offer beyond the protocol (its console, clock, data directory) is declared in
 * conformance/targets/target.ts; nothing here looks further into a session.
 */
import { EDITIONS } from '../spec/editions.js';
import { isOsSupported } from '../../simulators/app/os-support.js';
import type { Platform } from '../../simulators/device/device-spec.js';
import type { TargetSession } from '../targets/target.js';
import { APPLIES, type Applicability, type Column } from './check.js';

export { NotApplicable, Untestable } from './check.js';

export type Applies = (column: Column, session: TargetSession) => Applicability;

export interface Needs {
  /**
   * A device of the column's profile with the app installed: `paired` with the target's server (its console key
   * issues the pairing token), or the app `alone` (checks of the app that pair with no server).
   */
  readonly device?: 'paired' | 'alone';
  /** The check installs the app on OS versions of its own, so the profile's version need not be supported. */
  readonly anyOsVersion?: boolean;
  readonly platform?: Platform;
  readonly sdCard?: boolean;
  /** The desktop side's key: pairing tokens, the device list, the 2FA settings and logins. */
  readonly console?: boolean;
  /** An edition with 2FA. */
  readonly twoFactor?: boolean;
  /** The target's data directory, which the check reads. */
  readonly dataDir?: boolean;
  /** The target's clock, which the check moves. */
  readonly clock?: boolean;
  /** Servers like the target's, which the check starts itself on ports it chooses. */
  readonly ownServers?: boolean;
  /** A server like the target's whose push notification service the check runs and takes away. */
  readonly pushService?: boolean;
  /** A check through the screens: over WebDriver only, since in process this check covers the same rules. */
  readonly overWebDriverOf?: string;
  /** A condition of the check's own, asked after the others. */
  readonly also?: Applies;
}

export const REASONS = {
  twoFactor: '2FA exists on Pro and Lite only (DESIGN.md); editions-home-refuses-2fa checks that Home refuses it',
  console:
    "needs the console key (--console-key): pairing tokens, the device list and the 2FA settings are the desktop's",
  profile: 'device checks need a device profile',
  dataDir:
    "reads the server's data directory: the reference target offers it, a running server on this machine with --data-dir",
  ownServers:
    'starts servers like the target with chosen ports taken: the reference target can, a running server with --own-server COMMAND',
  clock: 'needs the conformance clock: it moves the server clock (code steps, lifetimes, throttling waits)',
  pushService:
    'starts a server like the target with a push service the kit runs and takes away: the reference target can, a running server with --own-server COMMAND that has {pushWebhook}',
} as const;

/**
 * What a target lacks when only the checking, not the rule, needs it (what the kit was not given or cannot start):
 * its cells are `untested`, not `skipped`. The others say the rule does not apply to this column or edition.
 */
const UNTESTED: ReadonlySet<string> = new Set([
  REASONS.console,
  REASONS.dataDir,
  REASONS.ownServers,
  REASONS.clock,
  REASONS.pushService,
]);

const osName = (platform: Platform) => (platform === 'android' ? 'Android' : 'iOS');

function firstLack(needs: Needs, column: Column, session: TargetSession): string | undefined {
  if (needs.overWebDriverOf && session.app.via !== 'webdriver')
    return `runs with --via appium; in process, ${needs.overWebDriverOf} checks the same rules`;
  if (needs.twoFactor && !EDITIONS[column.edition].twoFactor) return REASONS.twoFactor;
  if (needs.dataDir && !session.dataDir) return REASONS.dataDir;
  if (needs.ownServers && !session.startOwnServer) return REASONS.ownServers;
  if (needs.pushService && !session.startOwnServerWithPushService)
    return session.pushServiceLack ?? REASONS.pushService;
  if ((needs.console || needs.device === 'paired') && !session.console) return REASONS.console;
  if (needs.device || needs.platform || needs.sdCard) {
    const profile = column.profile;
    if (!profile) return REASONS.profile;
    if (!needs.anyOsVersion && !isOsSupported(profile.platform, profile.osVersion))
      return `the app does not install on ${osName(profile.platform)} ${profile.osVersion} (see PLAT-01/02)`;
    if (needs.platform && profile.platform !== needs.platform) return `applies to ${osName(needs.platform)} only`;
    if (needs.sdCard && !profile.sdCardBytes) return `${profile.id} has no SD card`;
  }
  if (needs.clock && !session.clock) return session.clockLack ?? REASONS.clock;
  return undefined;
}

/** Where a check with these needs applies; the first need not met is the reason it does not. */
export function where(needs: Needs): Applies {
  return (column, session) => {
    const lack = firstLack(needs, column, session);
    if (lack === undefined) return needs.also ? needs.also(column, session) : APPLIES;
    // The reasons a target gives for its own lacks (clock, push service) are of the same kind as the kit's.
    const untested = UNTESTED.has(lack) || lack === session.clockLack || lack === session.pushServiceLack;
    return { applies: false, reason: lack, ...(untested ? { untested: true } : {}) };
  };
}
