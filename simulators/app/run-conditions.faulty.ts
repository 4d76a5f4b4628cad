/**
 * The self-test's faulty variants of the run conditions (run-conditions.ts): each drops one reason a backup holds
 * for, or adds one to a restore, so the suites' run-conditions checks have something to catch.
 */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';
import { LOW_BATTERY_PERCENT, type HoldReason } from './run-conditions.js';

const without = (reasons: HoldReason[], reason: HoldReason) => reasons.filter((r) => r !== reason);

/** A backup no longer holds for `reason`; a restore still does. */
const backupIgnores = (reason: HoldReason): AppRuleOverride => ({
  holdReasons: (rule) => (kind, device, settings) => {
    const reasons = rule(kind, device, settings);
    return kind === 'backup' ? without(reasons, reason) : reasons;
  },
});

/** The app holds for `reason` but says only that it holds, not why. */
const unexplained = (reason: HoldReason): AppRuleOverride => ({
  holdMessage: (rule) => (held) => (held === reason ? 'Backup is on hold.' : rule(held)),
});

export const RUN_CONDITIONS_FAULTS = {
  'backup-below-30-percent': {
    // A backup holds for the battery only below 29%: at 29% it runs.
    holdReasons: (rule) => (kind, device, settings) => {
      const reasons = rule(kind, device, settings);
      const bent = kind === 'backup' && device.batteryLevel >= LOW_BATTERY_PERCENT - 1;
      return bent ? without(reasons, 'battery-low') : reasons;
    },
  },
  'backup-unplugged-charging-only': backupIgnores('not-charging'),
  'backup-off-lan': backupIgnores('not-on-backup-lan'),
  'charging-hold-unexplained': unexplained('not-charging'),
  'lan-hold-unexplained': unexplained('not-on-backup-lan'),
  'backup-on-any-wifi': {
    // Any Wi-Fi network counts as the backup machine's LAN.
    onBackupLan: () => (network) => network.wifi !== null,
  },
  'restore-held-by-charging-only': {
    // Charging only, a backup setting, holds a restore as well (last, where the straight rule lists it).
    holdReasons: (rule) => (kind, device, settings) => {
      const reasons = rule(kind, device, settings);
      const held = kind === 'restore' && settings.backupWhileChargingOnly && !device.charging;
      return held ? [...reasons, 'not-charging'] : reasons;
    },
  },
  // The battery hold, as an app team might get it wrong.
  'holds-at-30-percent': {
    // Holds at 30% too: "not above 30%" where the seed says "below 30%".
    holdReasons: (rule) => (kind, device, settings) => {
      const atBound = device.batteryLevel === LOW_BATTERY_PERCENT;
      return rule(kind, atBound ? { ...device, batteryLevel: LOW_BATTERY_PERCENT - 1 } : device, settings);
    },
  },
  'restore-ignores-low-battery': {
    // Power saving holds backups only: a restore runs below 30%.
    holdReasons: (rule) => (kind, device, settings) => {
      const reasons = rule(kind, device, settings);
      return kind === 'restore' ? without(reasons, 'battery-low') : reasons;
    },
  },
  'charging-lifts-battery-hold': {
    // Takes a charging device as out of the battery hold.
    holdReasons: (rule) => (kind, device, settings) => {
      const reasons = rule(kind, device, settings);
      return device.charging ? without(reasons, 'battery-low') : reasons;
    },
  },
  'battery-holds-with-power-saving-off': {
    // Holds below 30% whatever the power saving switch says.
    holdReasons: (rule) => (kind, device, settings) => rule(kind, device, { ...settings, powerSaving: true }),
  },
  'battery-hold-unexplained': unexplained('battery-low'),
  'backup-needs-internet': {
    // Takes "online" from the phone's internet reachability: a LAN with no internet holds backup and restore.
    onBackupLan: (rule) => (network) => rule(network) && network.internet,
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
