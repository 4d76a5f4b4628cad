/**
 * Where a device-scope check applies: a device pairs and the app installs on its OS, and the check's own needs are
 * met (a platform, an SD card, a server the runner controls, an edition with 2FA). A check that does not apply
 * says why, so that the report can show the reason instead of a silent skip.
 */
import { APPLIES, skipUnless, type Applicability, type Column } from './check.js';
import type { TargetSession } from '../targets/target.js';
import { isOsSupported } from '../../simulators/app/os-support.js';
import type { DeviceSpec, Platform } from '../../simulators/device/device-spec.js';

export interface Needs {
  /** False for checks of the app alone, which pair with no server (they run without a console key too). */
  readonly pairs?: boolean;
  readonly platform?: Platform;
  readonly sdCard?: boolean;
  /** The check reads the server's files or moves its clock. */
  readonly controlled?: boolean;
  readonly twoFactor?: boolean;
}

/** Device checks need the desktop side to issue pairing tokens, and a device the app runs on. */
export function needsPairing(column: Column, session: TargetSession): Applicability {
  if (!session.console)
    return { applies: false, reason: 'needs the console key (--console-key) to issue pairing tokens' };
  return skipUnless(column.profile !== undefined, 'device checks need a device profile');
}

/** Device checks apply where a device pairs and the app installs, and where the check's needs are met. */
export function deviceNeeds(needs: Needs = {}): (column: Column, session: TargetSession) => Applicability {
  return (column, session) => {
    const pairing = needsPairing(column, session);
    if (!pairing.applies && (needs.pairs !== false || !column.profile)) return pairing;
    const profile = column.profile as DeviceSpec;
    if (!isOsSupported(profile.platform, profile.osVersion)) {
      const os = profile.platform === 'android' ? 'Android' : 'iOS';
      return { applies: false, reason: `the app does not install on ${os} ${profile.osVersion} (see PLAT-01/02)` };
    }
    if (needs.platform && profile.platform !== needs.platform) {
      return { applies: false, reason: `applies to ${needs.platform === 'android' ? 'Android' : 'iOS'} only` };
    }
    if (needs.sdCard && !profile.sdCardBytes) return { applies: false, reason: `${profile.id} has no SD card` };
    if (needs.controlled && !session.dataDir) {
      return { applies: false, reason: 'needs a server the runner controls (its data directory and clock)' };
    }
    if (needs.twoFactor && session.edition === 'home') {
      return { applies: false, reason: '2FA is not offered on the Home edition' };
    }
    return APPLIES;
  };
}
