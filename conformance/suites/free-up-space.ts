/**
 * Free up space (seed 000 §6.4.5, §2.6.2, §6.2.2.2), model-based: random sequences of free space set around the
 * limit (one byte below, at, one byte above), the setting turned on and off, limits chosen (valid or not), photos,
 * videos and documents with capture dates (and media a backup never takes), backups, the iOS deletion prompt's
 * answer, days passing across the 40 days of Recently Deleted, and restores from the Archive tab. After every step
 * the phone's items, free space and Recently Deleted, the prompts shown and the server's Archive tab match the model.
 */
import fc from 'fast-check';
import type { ItemKind } from '../spec/file-types.js';
import type { Check, CheckContext } from '../framework/check.js';
import { checkOnce, checkProperty, commandsOptions } from '../framework/property.js';
import { hashOf } from '../../simulators/app/content-registry.js';
import type { FreeUpSpaceLimitGb } from '../../simulators/app/settings.js';
import type { Platform } from '../../simulators/device/device-spec.js';
import {
  addMedia,
  BASE_DATE,
  DAY,
  deviceNeeds,
  expectEqual,
  expectTrue,
  mediaInit,
  newWorld,
  serverItems,
  type World,
} from './device-support.js';
import {
  fusSteps,
  LIMITS,
  newItem,
  setUp,
  SHARED_FUS_REQUIREMENTS,
  startModel,
  type FreeUpSpaceApp,
} from './free-up-space-commands.js';
import { GB } from './free-up-space-model.js';

/** The app model on a simulated device, paired, in process: it sees everything, Recently Deleted and prompts too. */
function modelApp(w: World): FreeUpSpaceApp {
  return {
    platformRules: true,
    setFreeBytes: async (bytes) => w.device.setFreeBytes(bytes),
    setFreeUpSpace: async (on) => w.app.updateSettings({ freeUpSpace: on }),
    async chooseLimit(gb) {
      try {
        w.app.updateSettings({ freeUpSpaceLimitGb: gb as FreeUpSpaceLimitGb });
        return false;
      } catch {
        return true;
      }
    },
    async addMedia(media) {
      const name = `F${media.serial}.${media.heif ? 'heic' : EXT[media.kind]}`;
      const { size, capturedAt, origin, storage } = media;
      const folder = media.kind === 'document' ? { folder: 'Documents' } : {};
      const item = addMedia(w.device, { name, size, capturedAt, origin, storage, ...folder });
      return { id: item.id, name, content: hashOf(item) };
    },
    async backUp() {
      const job = await w.app.backup();
      const line = w.app.log
        .all()
        .filter((e) => e.type === 'Backup Info')
        .at(-1)?.message;
      return { state: job.state, archived: job.archived, resultLine: line ?? '' };
    },
    setDeleteConsent: async (consent) => void (w.device.deleteConsent = consent),
    advanceClock: async (ms) => w.clock.advance(ms),
    async restoreOldestArchived(m) {
      const archive = await w.app.listRestorable('archive');
      const offPhone = archive.filter((i) => !m.items.some((p) => p.content === i.sha256));
      const oldest = offPhone.sort((a, b) => (a.meta.capturedAt ?? 0) - (b.meta.capturedAt ?? 0))[0];
      if (!oldest) return undefined;
      const job = await w.app.restore([oldest]);
      const back = w.device.mediaItems().find((i) => hashOf(i) === oldest.sha256)!;
      const kind = oldest.meta.kind;
      return { restored: job.restored, kind, content: oldest.sha256, id: back.id, name: back.name };
    },
    async observe() {
      return {
        onPhone: w.device.mediaItems().map((i) => i.id),
        freeBytes: w.device.freeBytes(),
        limitGb: w.app.settings.freeUpSpaceLimitGb,
        recentlyDeleted: w.device.recentlyDeleted().map((d) => hashOf(d.item)),
        prompts: w.device.deletePrompts.map((p) => p.count),
        server: (await serverItems(w.app)).map((i) => ({ content: i.sha256, tab: i.tab })),
        serverKinds: ['photo', 'video', 'document'],
      };
    },
  };
}

const EXT: Record<ItemKind, string> = { photo: 'jpg', video: 'mp4', document: 'pdf' };
const steps = fusSteps({ consent: true });

function freeUpSpaceModelCheck(platform: Platform): Check {
  const own = platform === 'android' ? ['FUS-10', 'FUS-14'] : ['FUS-11', 'FUS-12'];
  return {
    id: `free-up-space-model-${platform}`,
    title: `Free up space on ${platform === 'android' ? 'Android' : 'iOS'}: confirmed photos and videos only, oldest first, down to the limit and no further, never when off; ${platform === 'android' ? 'permanent, unasked, counted in the result' : 'asked first, kept 40 days in Recently Deleted'}; listed and restorable in the Archive tab`,
    area: 'FUS',
    requirements: [...SHARED_FUS_REQUIREMENTS, ...own].sort(),
    scope: 'device',
    applies: deviceNeeds({ platform }),
    async run(context: CheckContext) {
      const profile = context.column.profile!;
      const commands = fc.commands(steps, { ...commandsOptions(context, 10), size: 'max' });
      const initialItems = fc.array(newItem, { minLength: 3, maxLength: 6 });
      const start = fc.record({ on: fc.boolean(), consent: fc.constantFrom<'allow' | 'deny'>('allow', 'deny') });
      const property = fc.asyncProperty(commands, initialItems, start, async (cmds, initial, { on, consent }) => {
        const world = await newWorld(context.session, profile);
        expectTrue(['FUS-01'], !world.app.settings.freeUpSpace, 'free up space is on in a freshly installed app');
        const { device, clock } = world;
        const limit = world.app.settings.freeUpSpaceLimitGb;
        const sdCard = profile.sdCardBytes !== undefined;
        const model = startModel(platform, sdCard, limit, device.freeBytes(), clock.now());
        const app = modelApp(world);
        await setUp(model, app, initial, { on, consent });
        await fc.asyncModelRun(() => ({ model, real: app }), cmds);
      });
      return checkProperty(property, context);
    },
  };
}

/** Every whole number of GB around the five limits, and a few that are not whole numbers at all. */
const limits: Check = {
  id: 'free-up-space-limits',
  title: 'The free up space limit is 2, 4, 6, 8 or 10 GB: any other value is refused, and the chosen one is kept',
  area: 'FUS',
  requirements: ['FUS-02'],
  scope: 'device',
  applies: deviceNeeds({ pairs: false }),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const { app } = await newWorld(context.session, context.column.profile!, { pair: false });
      for (const gb of [...Array.from({ length: 13 }, (_, i) => i - 1), 2.5, 1.999, 1e9, Number.NaN]) {
        const before = app.settings.freeUpSpaceLimitGb;
        let refused = false;
        try {
          app.updateSettings({ freeUpSpaceLimitGb: gb as FreeUpSpaceLimitGb });
        } catch {
          refused = true;
        }
        expectEqual(['FUS-02'], `whether a limit of ${gb} GB is refused`, refused, !LIMITS.includes(gb));
        expectEqual(
          ['FUS-02'],
          `the limit after choosing ${gb} GB`,
          app.settings.freeUpSpaceLimitGb,
          refused ? before : gb,
        );
      }
    }),
};

/**
 * Each limit at its edges, with free up space on and off: one byte below the limit removes the oldest photo only,
 * the limit itself and one byte above remove nothing, and off never removes anything.
 */
const boundaries: Check = {
  id: 'free-up-space-boundaries',
  title:
    'Free up space at each limit: one byte below removes the oldest photo only; at or above the limit, or off, nothing',
  area: 'FUS',
  requirements: ['FUS-03', 'FUS-04', 'FUS-05', 'FUS-06', 'FUS-08'],
  scope: 'device',
  applies: deviceNeeds(),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const { app, device } = await newWorld(context.session, context.column.profile!);
      // An older photo on the SD card, where removing it would free nothing, must stay.
      const sd = device.spec.sdCardBytes
        ? mediaInit('android', { name: 'sd.jpg', size: 10, capturedAt: BASE_DATE - 9 * DAY, storage: 'sd' })
        : undefined;
      // Older still: a document on Android (backed up, never removed) or an iTunes-synced photo on iOS (never backed up).
      const keep =
        device.platform === 'android'
          ? mediaInit('android', { name: 'doc.pdf', size: 10, capturedAt: BASE_DATE - 8 * DAY, folder: 'Documents' })
          : mediaInit('ios', { name: 'synced.jpg', size: 10, capturedAt: BASE_DATE - 8 * DAY, origin: 'itunes-sync' });
      const older = mediaInit(device.platform, { name: 'old.jpg', size: 10, capturedAt: BASE_DATE - DAY });
      const newer = mediaInit(device.platform, { name: 'new.jpg', size: 10, capturedAt: BASE_DATE });
      const photos = [...(sd ? [sd] : []), keep, older, newer];
      for (const photo of photos) device.addMedia(photo);
      await app.backup();
      // The photos are backed up once; each case puts back what the last one removed and runs free up space.
      for (const gb of LIMITS as FreeUpSpaceLimitGb[]) {
        for (const [on, delta] of [
          [true, 1],
          [true, 0],
          [false, -1],
          [true, -1],
        ] as const) {
          const onPhone = () => device.mediaItems().map((i) => i.name);
          for (const photo of photos) if (!onPhone().includes(photo.name)) device.addMedia(photo);
          app.updateSettings({ freeUpSpace: on, freeUpSpaceLimitGb: gb });
          if (device.platform === 'ios') device.clearRecentlyDeleted();
          device.setFreeBytes(gb * GB + delta);
          await app.freeUpSpace();
          const left = onPhone();
          if (sd) expectTrue(['FUS-06'], left.includes(sd.name), `free up space removed ${sd.name} from the SD card`);
          expectTrue(['FUS-06'], left.includes(keep.name), `free up space removed ${keep.name}`);
          const removed = [older, newer].filter((i) => !left.includes(i.name)).map((i) => i.name);
          const rule = !on ? 'FUS-04' : delta < 0 ? 'FUS-08' : 'FUS-05';
          const expected = on && delta < 0 ? [older.name] : [];
          const free = `${gb} GB ${delta >= 0 ? '+' : '-'} ${Math.abs(delta)} B free`;
          expectEqual([rule, 'FUS-03'], `removed with ${gb} GB ${on ? 'on' : 'off'} and ${free}`, removed, expected);
        }
      }
    }),
};

/** iOS: asked first, nothing on a refusal; then Recently Deleted holds the item, using storage, for 40 days. */
const recentlyDeleted: Check = {
  id: 'free-up-space-ios-recently-deleted',
  title:
    'On iOS free up space asks first and removes nothing when refused; removed items stay 40 days in Recently Deleted, using storage',
  area: 'FUS',
  requirements: ['FUS-11', 'FUS-12'],
  scope: 'device',
  applies: deviceNeeds({ platform: 'ios' }),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const { app, device, clock } = await newWorld(context.session, context.column.profile!);
      const photo = addMedia(device, { name: 'IMG_1.jpg', size: 5000 });
      app.updateSettings({ freeUpSpace: true, freeUpSpaceLimitGb: 2 });
      device.setFreeBytes(2 * GB - 1);
      device.deleteConsent = 'deny';
      await app.backup();
      const seen = () => [device.deletePrompts.map((p) => p.count), device.mediaItems().length];
      expectEqual(['FUS-11'], 'prompts, and photos on the phone after a refusal', seen(), [[1], 1]);
      device.deleteConsent = 'allow';
      await app.backup();
      expectEqual(['FUS-11'], 'prompts, and photos on the phone once allowed', seen(), [[1, 1], 0]);
      for (const [wait, kept] of [
        [39 * DAY, true],
        [DAY - 1, true],
        [1, false],
      ] as const) {
        clock.advance(wait);
        const held = device.recentlyDeleted().map((d) => d.item.id);
        const after = `${(clock.now() - device.deletePrompts[1]!.at) / DAY} days`;
        expectEqual(['FUS-12'], `Recently Deleted after ${after}`, held, kept ? [photo.id] : []);
        const free = kept ? 2 * GB - 1 : 2 * GB - 1 + photo.size;
        expectEqual(['FUS-12'], `free bytes after ${after}`, device.freeBytes(), free);
      }
    }),
};

export const freeUpSpaceChecks: Check[] = [
  recentlyDeleted,
  freeUpSpaceModelCheck('android'),
  freeUpSpaceModelCheck('ios'),
  limits,
  boundaries,
];
