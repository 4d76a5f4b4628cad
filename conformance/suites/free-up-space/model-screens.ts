/**
 * The free up space model through the app's screens: the switch and the limit picker in More, Backup and the
 * Restore file explorer, and `mobile:` methods for the device (storage, media, clock, what it holds). Each medium
 * is put on the phone in an album of its own, `F<serial>`, which the server keeps: the Album view of the explorer
 * then tells which items the server lists in each tab, the way the in-process adapter tells by SHA-256.
 *
 * Not through the screens: the iOS deletion prompt's answer (no screen or `mobile:` method gives it, so the command
 * that sets it is left out and the user always allows), what the prompts said, and Recently Deleted's contents.
 * Documents are listed by folder, not by album, so the server's listing is compared for photos and videos only; a
 * document removed from the phone still shows. Invalid limits cannot be chosen: the picker offers the five.
 */
import fc from 'fast-check';
import type { ItemKind } from '../../spec/file-types.js';
import type { TabName } from '../../spec/protocol/common.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkProperty, commandsOptions } from '../../kit/property.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import { expectTrue } from '../../kit/device-support.js';
import type { FreeUpSpaceApp } from './port.js';
import { fusSteps, newItem, setUp, SHARED_FUS_REQUIREMENTS, startModel } from './sequences.js';
import {
  browseRestore,
  listedAlbums,
  pairThroughScreens,
  pickFreeUpLimit,
  setSwitch,
  state,
  tapBackup,
  withApp,
} from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

const LISTED: readonly ItemKind[] = ['photo', 'video'];

function screensApp(driver: AppDriver): FreeUpSpaceApp {
  const device = () => driver.execute('mobile: deviceInfo');
  const setFreeUpSpace = (on: boolean) => setSwitch(driver, 'more-free-up-space', on);
  /** The albums, so the contents, the explorer lists for a kind and tab. */
  const albums = (kind: ItemKind, tab: TabName) => listedAlbums(driver, kind, tab, 'F');
  const browse = (kind: ItemKind) => browseRestore(driver, kind);
  const leave = async (explorerOpen: boolean) => {
    if (explorerOpen) await driver.tap('explorer-done');
    await driver.tap('nav-back');
  };
  return {
    // One check over both platforms: see its requirements.
    platformRules: false,
    setFreeBytes: async (freeBytes) => void (await driver.execute('mobile: setStorage', { freeBytes })),
    setFreeUpSpace,
    // The picker offers the five limits only, and only while the setting is on: a user turns it on to choose.
    async chooseLimit(gb) {
      const wasOn = (await state(driver)).settings.freeUpSpace;
      await setFreeUpSpace(true);
      await driver.tap('tab-more');
      await driver.tap('more-free-up-limit');
      await pickFreeUpLimit(driver, gb);
      await setFreeUpSpace(wasOn);
      return false;
    },
    async addMedia(media) {
      const content = `F${media.serial}`;
      const { ids } = await driver.execute('mobile: addMedia', {
        kind: media.kind,
        count: 1,
        sizeBytes: media.size,
        capturedAt: media.capturedAt,
        storage: media.storage,
        origin: media.origin,
        album: content,
        ...(media.heif ? { extension: 'heic' } : {}),
      });
      const id = ids[0]!;
      const name = (await device()).media.find((m) => m.id === id)?.name ?? id;
      return { id, name, content };
    },
    async backUp() {
      const seen = await tapBackup(driver);
      const line = seen.log.filter((e) => e.type === 'Backup Info').at(-1)?.message ?? '';
      return { state: seen.backup?.state ?? 'none', archived: seen.backup?.archived, resultLine: line };
    },
    advanceClock: async (ms) => void (await driver.execute('mobile: advanceClock', { ms })),
    async restoreOldestArchived(m) {
      const candidates: { content: string; kind: ItemKind; capturedAt: number }[] = [];
      for (const kind of LISTED) {
        const open = await browse(kind);
        if (open) {
          for (const content of await albums(kind, 'archive')) {
            // The explorer shows days, not times: the model knows when each removed item was taken.
            const was = m.removed.get(content);
            if (was && !m.items.some((p) => p.content === content))
              candidates.push({ content, kind, capturedAt: was.capturedAt });
          }
        }
        await leave(open);
      }
      const oldest = candidates.sort((a, b) => a.capturedAt - b.capturedAt)[0];
      if (!oldest) return undefined;
      const before = (await device()).media.map((i) => i.id);
      await browse(oldest.kind);
      await albums(oldest.kind, 'archive');
      await driver.tap(`group-${oldest.content.toLowerCase()}-select`);
      await driver.tap('explorer-done');
      await driver.tap('restore-start');
      const seen = await driver.execute('mobile: waitForIdle', {});
      const back = (await device()).media.find((i) => !before.includes(i.id));
      const restored = seen.restore?.restored ?? { photo: 0, video: 0, document: 0 };
      return { restored, kind: oldest.kind, content: oldest.content, id: back?.id ?? '', name: back?.name ?? '' };
    },
    async observe() {
      const seen = await driver.execute('mobile: waitForIdle', {});
      const info = await device();
      const server: { content: string; tab: TabName }[] = [];
      for (const kind of LISTED) {
        const open = await browse(kind);
        if (open) {
          for (const tab of ['recent', 'archive', 'deleted'] as const) {
            for (const content of await albums(kind, tab)) server.push({ content, tab });
          }
        }
        await leave(open);
      }
      return {
        onPhone: info.media.map((i) => i.id),
        freeBytes: info.freeBytes,
        limitGb: seen.settings.freeUpSpaceLimitGb,
        server,
        serverKinds: LISTED,
      };
    },
  };
}

const steps = fusSteps({ consent: false });

/** The same model through the app's screens: over WebDriver with `mbsc run --via appium`. */
export const uiFreeUpSpaceCheck: Check = {
  id: 'free-up-space-model-screens',
  title:
    'Through the screens: free up space removes confirmed photos and videos only, oldest first, down to the limit and no further, never when off; listed and restorable in the Archive tab',
  area: 'FUS',
  // The rules both platforms share. Each platform's own (the free bytes and the Android result, FUS-10, FUS-12,
  // FUS-14) and the iOS prompt (FUS-11) are left to free-up-space-model-android and -ios: one check over both
  // platforms would claim them where it cannot see them.
  requirements: SHARED_FUS_REQUIREMENTS,
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'free-up-space-model-*', device: 'paired' }),
  async run(context: DeviceCheckContext) {
    const profile = context.column.profile;
    const commands = fc.commands(steps, { ...commandsOptions(context, 10), size: 'max' });
    const initialItems = fc.array(newItem, { minLength: 3, maxLength: 6 });
    const start = fc.record({ on: fc.boolean() });
    const property = fc.asyncProperty(commands, initialItems, start, (cmds, initial, { on }) =>
      withApp(context, async (driver) => {
        const fresh = await state(driver);
        expectTrue(['FUS-01'], !fresh.settings.freeUpSpace, 'free up space is on in a freshly installed app');
        await pairThroughScreens(driver, context.session);
        const paired = await driver.execute('mobile: waitForIdle', {});
        const info = await driver.execute('mobile: deviceInfo');
        const sdCard = profile.sdCardBytes !== undefined;
        const platform = profile.platform;
        const model = startModel(platform, sdCard, paired.settings.freeUpSpaceLimitGb, info.freeBytes, info.clockMs);
        const app = screensApp(driver);
        await setUp(model, app, initial, { on, consent: 'allow' });
        await fc.asyncModelRun(() => ({ model, real: app }), cmds);
      }),
    );
    return checkProperty(property, context);
  },
};
