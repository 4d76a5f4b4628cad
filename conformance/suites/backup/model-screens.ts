/**
 * The backup, resume and integrity model through the app's screens: Backup, Stop and Resume Backup on the Backup
 * page, its status line, the Restore file explorer, and `mobile:` methods for the device (media, network, battery,
 * waiting for the app). Each item is put on the phone in an album of its own, `B<serial>`, which the server keeps:
 * the Album view of the explorer then tells which items the server lists in the Recent and Deleted tabs, the way
 * the in-process adapter tells by SHA-256.
 *
 * Not through the screens: a job interrupted part-way (Stop, a lost LAN or a low battery after the n-th append
 * needs a hook on the wire; here a job is held or stopped before it sends anything, when the LAN or the battery
 * was already gone), the wire itself (no byte sent twice, the jobs' byte counters: BAK-02's "resuming sends only
 * the items not yet backed up" as bytes, and BAK-07's as bytes), the server's bytes (byte-identical copies, BAK-08's
 * hash check), its blocks folders and files on disk and the job's counts against them (BAK-06), copies of an item
 * (`mobile: addMedia` cannot repeat an item's bytes), documents (the explorer lists them by folder, not by album)
 * and new 2FA accounts. Those stay with backup-resume-integrity-model-android and -ios.
 */
import fc from 'fast-check';
import type { ItemKind } from '../../spec/file-types.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkProperty, commandsOptions } from '../../kit/property.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import { newBackupModel } from './model.js';
import type { BackupApp, ListedItem } from './port.js';
import { backupSteps, initialItems, runSequence, type BackupOptions } from './sequences.js';
import { browseRestore, listedAlbums, pairThroughScreens, withApp } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

const LISTED: readonly ItemKind[] = ['photo', 'video'];

function screensApp(driver: AppDriver): BackupApp {
  const idle = () => driver.execute('mobile: waitForIdle', {});
  const browse = (kind: ItemKind) => browseRestore(driver, kind);
  /** The albums, so the items, the explorer lists for a kind and tab. */
  const albums = (kind: ItemKind, tab: 'recent' | 'deleted') => listedAlbums(driver, kind, tab, 'B');
  const unsupported = (what: string) => () => Promise.reject(new Error(`${what} is not drawn through the screens`));
  return {
    async addMedia(media) {
      if (media.copyOf) throw new Error('a copy of an item is not drawn through the screens');
      const album = `B${media.serial}`;
      const { ids } = await driver.execute('mobile: addMedia', {
        kind: media.kind,
        count: 1,
        sizeBytes: media.size,
        album,
      });
      const id = ids[0]!;
      const name = (await driver.execute('mobile: deviceInfo')).media.find((m) => m.id === id)?.name ?? id;
      return { id, name, sha256: album, size: media.size, contentSeed: 0 };
    },
    removeMedia: async (id) => void (await driver.execute('mobile: deleteMedia', { ids: [id] })),
    async backup(interrupt) {
      if (interrupt) throw new Error('an interrupted job is not drawn through the screens');
      await driver.tap('tab-backup');
      const job = (await idle()).backup?.state;
      await driver.tap(job === 'held' || job === 'stopped' ? 'backup-resume' : 'backup-start');
      await idle();
      return { fired: false };
    },
    async stop() {
      await driver.tap('tab-backup');
      await driver.tap('backup-stop');
    },
    setLan: async (on) => void (await driver.execute('mobile: setNetwork', { network: on ? 'lan' : 'off' })),
    setBattery: async (level) => void (await driver.execute('mobile: setBattery', { level })),
    addAccount: unsupported('a new 2FA account'),
    idle: async () => void (await idle()),
    async job() {
      const { backup } = await idle();
      return backup ? { state: backup.state, holdReasons: backup.holdReasons } : undefined;
    },
    async serverItems() {
      const items: ListedItem[] = [];
      for (const kind of LISTED) {
        const open = await browse(kind);
        if (open) {
          for (const tab of ['recent', 'deleted'] as const) {
            for (const album of await albums(kind, tab)) items.push({ sha256: album, name: `album ${album}`, tab });
          }
          await driver.tap('explorer-done');
        }
        await driver.tap('nav-back');
      }
      return items;
    },
    async resultLine() {
      await driver.tap('tab-backup');
      return driver.text('backup-status');
    },
  };
}

/** Through the screens: no interruption part-way, no copies, no documents, no 2FA accounts (see above). */
const SCREENS: BackupOptions = { interrupts: false, copies: false, documents: false, accounts: false };
const steps = backupSteps(SCREENS);

/** The same model through the app's screens: over WebDriver with `mbsc run --via appium`. */
export const uiBackupResumeCheck: Check = {
  id: 'backup-resume-model-screens',
  title:
    'Through the screens: Backup, Stop and Resume Backup on held jobs, the lost LAN and the low battery: the server lists exactly the backed-up photos and videos in the Recent and Deleted tabs, with the platform’s result line',
  area: 'BAK',
  // What the screens show: the job's state and why it holds, what the server lists in which tab, the status line.
  // The wire, the server's bytes and folders (BAK-06) are left to backup-resume-integrity-model-android and -ios.
  requirements: ['BAK-01', 'BAK-02', 'BAK-03', 'BAK-04', 'BAK-05', 'BAK-07', 'BAK-08', 'RFE-06', 'RFE-08'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'backup-resume-integrity-model-*', device: 'paired' }),
  async run(context: DeviceCheckContext) {
    const platform = context.column.profile.platform;
    const commands = fc.commands(steps, { ...commandsOptions(context, 10), size: 'max' });
    const property = fc.asyncProperty(commands, initialItems(SCREENS), (cmds, initial) =>
      withApp(
        context,
        async (driver) => {
          await pairThroughScreens(driver, context.session);
          await runSequence(newBackupModel(platform), screensApp(driver), initial, cmds);
        },
        { battery: { level: 80, charging: false } },
      ),
    );
    return checkProperty(property, context);
  },
};
