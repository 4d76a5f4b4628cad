/** The self-test's faulty variants of which editions serve 2FA and which clock the console moves (build-app.ts). */
import type { Edition } from '../../conformance/spec/editions.js';
import { MbsError } from '../../conformance/spec/errors.js';
import type { ServerFault } from '../../conformance/spec/faults.js';
import { ConformanceClock } from '../clock.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const BUILD_APP_FAULTS = {
  'two-factor-on-home': {
    // Serves the 2FA routes on every edition, Home included.
    servesTwoFactor: () => () => true,
  },
  'lite-without-two-factor': {
    // Serves 2FA on Pro only, as if Lite were Home with a few more features, and says so.
    servesTwoFactor: (rule) => withoutLite(rule),
    saysTwoFactor: (rule) => withoutLite(rule),
  },
  'two-factor-from-version-5': {
    // Offers 2FA from desktop version 5.0.0.0 on (a version check with the wrong bound), and says so.
    servesTwoFactor: (rule) => fromVersion5(rule),
    saysTwoFactor: (rule) => fromVersion5(rule),
  },
  'clock-routes-always-on': {
    // Leaves the conformance clock on in every build: advertised and moved by the console, started for it or not.
    clockOfRoutes: (rule) => (clocks) =>
      rule(clocks) ?? (clocks.serverClock instanceof ConformanceClock ? clocks.serverClock : undefined),
  },
  'home-without-backup-routes': {
    // Builds Home without the backup module: pairing works, then every backup and item route is route-not-found.
    refuseUnserved: (rule) => (group, served) => {
      if (served.edition === 'home' && (group === 'backup' || group === 'items')) throw new MbsError('route-not-found');
      rule(group, served);
    },
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;

type TwoFactorOffer = (edition: Edition, desktopVersion: string) => boolean;
const withoutLite =
  (rule: TwoFactorOffer): TwoFactorOffer =>
  (edition, desktopVersion) =>
    edition !== 'lite' && rule(edition, desktopVersion);
const fromVersion5 =
  (rule: TwoFactorOffer): TwoFactorOffer =>
  (edition, desktopVersion) =>
    Number(desktopVersion.split('.')[0]) >= 5 && rule(edition, desktopVersion);
