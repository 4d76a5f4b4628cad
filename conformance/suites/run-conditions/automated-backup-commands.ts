/**
 * What the run settings' defaults, automated backup and backup on a LAN without internet check (seed 000
 * §6.4.1–§6.4.3, §2.5), written once for two adapters: the app model on a simulated device in process
 * (automated-backup.ts) and the app through its screens and `mobile:` methods (automated-backup-screens.ts).
 */
import type { AppSettings } from '../../../simulators/app/settings.js';
import type { Platform } from '../../../simulators/device/device-spec.js';
import { expectEqual } from '../../kit/device-support.js';

type RunSetting = 'powerSaving' | 'backupWhileChargingOnly' | 'automatedBackup';

/** Right after install (seed 000 §6.4.1–§6.4.3): each setting, its rule, and the More page's switch for it. */
export const SETTING_DEFAULTS: readonly {
  readonly key: RunSetting & keyof AppSettings;
  readonly rule: string;
  readonly what: string;
  readonly on: boolean;
  readonly switchId: string;
}[] = [
  { key: 'powerSaving', rule: 'RUN-08', what: 'power saving mode', on: true, switchId: 'more-power-saving' },
  {
    key: 'backupWhileChargingOnly',
    rule: 'RUN-11',
    what: 'backup while charging only',
    on: false,
    switchId: 'more-charging-only',
  },
  { key: 'automatedBackup', rule: 'RUN-15', what: 'automated backup', on: true, switchId: 'more-automated-backup' },
];

/** `read` answers whether a setting is on right after install, as the adapter sees it. */
export async function expectDefaults(read: (key: RunSetting) => Promise<boolean | undefined>): Promise<void> {
  for (const { key, rule, what, on } of SETTING_DEFAULTS) {
    expectEqual([rule], `${what} after install`, await read(key), on);
  }
}

export interface AutomatedApp {
  /** Adds a photo and lets whatever job it starts finish: how many items the server then holds. */
  newPhoto(): Promise<number>;
  /** Taps Backup and lets the job finish: how many items the server then holds. */
  tapBackup(): Promise<number>;
  setAutomated(on: boolean): Promise<void>;
  /** Sends the app to the background or brings it back, and lets whatever job that starts finish. */
  setForeground(on: boolean): Promise<void>;
  stored(): Promise<number>;
}

/** Automated backup starts off (the check taps Backup itself); Android backs up in the background, iOS does not. */
export async function automatedRun(app: AutomatedApp, platform: Platform): Promise<void> {
  expectEqual(['RUN-18'], 'items held with automated backup off, before a tap', await app.newPhoto(), 0);
  expectEqual(['RUN-18'], 'items held after tapping Backup', await app.tapBackup(), 1);
  await app.setAutomated(true);
  await app.setForeground(false);
  if (platform === 'android') {
    expectEqual(['RUN-16'], 'items held after a photo taken in the background', await app.newPhoto(), 2);
    await app.setForeground(true);
    expectEqual(['RUN-16'], 'items held after a photo taken in the foreground', await app.newPhoto(), 3);
  } else {
    expectEqual(['RUN-17'], 'items held after a photo taken in the background', await app.newPhoto(), 1);
    await app.setForeground(true);
    expectEqual(['RUN-17'], 'items held once the app is in the foreground', await app.stored(), 2);
    expectEqual(['RUN-17'], 'items held after a photo taken in the foreground', await app.newPhoto(), 3);
  }
}

export interface LanOnlyApp {
  /** Joins the backup machine's LAN, which has no internet. */
  joinLanWithoutInternet(): Promise<void>;
  addPhoto(): Promise<void>;
  /** Taps Backup: the job's state once it ends. */
  backup(): Promise<string>;
  deletePhoto(): Promise<void>;
  /** Restores what the server holds: the job's state once it ends, and the photos it restored. */
  restoreAll(): Promise<{ readonly state: string; readonly photos: number }>;
}

export async function lanOnlyRun(app: LanOnlyApp): Promise<void> {
  await app.joinLanWithoutInternet();
  await app.addPhoto();
  expectEqual(['RUN-02'], 'the backup without internet', await app.backup(), 'completed');
  await app.deletePhoto();
  const restore = await app.restoreAll();
  expectEqual(['RUN-02'], 'the restore without internet', restore.state, 'completed');
  expectEqual(['RUN-02'], 'photos restored', restore.photos, 1);
}
