/**
 * When backup and restore may run (seed 000 §2.5, §6.4.2, §6.4.3): on the backup machine's LAN; with power saving
 * on, not below 30% battery (exactly 30% is allowed), charging or not; with backup-while-charging on, a backup
 * holds while unplugged. The app always says why it holds: every reason that applies, in this order.
 */
import type { NetworkState } from '../device/simulated-device.js';
import type { AppSettings } from './settings.js';

export const LOW_BATTERY_PERCENT = 30;

export type HoldReason = 'not-on-backup-lan' | 'battery-low' | 'not-charging';
export type JobKind = 'backup' | 'restore';

export const HOLD_MESSAGES: Record<HoldReason, string> = {
  'not-on-backup-lan': 'Connect to the same Wi-Fi network as the backup machine.',
  'battery-low': `Power saving mode: backup is on hold while the battery is below ${LOW_BATTERY_PERCENT}%.`,
  'not-charging': 'Backup while charging only: connect the device to a power source to resume backup.',
};

/** What the app says for a reason it holds: the reason itself, so the user knows what to change. */
export function holdMessage(reason: HoldReason): string {
  return HOLD_MESSAGES[reason];
}

/**
 * On the backup machine's LAN: joined to a Wi-Fi network where that machine is reachable, not merely to any. The
 * internet plays no part (RUN-02): a LAN without it is the seed's setting.
 */
export function onBackupLan(network: Pick<NetworkState, 'wifi' | 'backupMachineReachable' | 'internet'>): boolean {
  return network.wifi !== null && network.backupMachineReachable;
}

export interface ConditionInputs {
  readonly batteryLevel: number;
  readonly charging: boolean;
  readonly onBackupLan: boolean;
}

export function holdReasons(
  kind: JobKind,
  device: ConditionInputs,
  settings: Pick<AppSettings, 'powerSaving' | 'backupWhileChargingOnly'>,
): HoldReason[] {
  const reasons: HoldReason[] = [];
  if (!device.onBackupLan) reasons.push('not-on-backup-lan');
  if (settings.powerSaving && device.batteryLevel < LOW_BATTERY_PERCENT) reasons.push('battery-low');
  // Charging only is a backup setting: a restore goes on unplugged.
  if (kind === 'backup' && settings.backupWhileChargingOnly && !device.charging) reasons.push('not-charging');
  return reasons;
}
