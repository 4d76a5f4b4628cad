/**
 * The checks of free up space, and the free up space model's adapter to the app model on a simulated device.
 *
 * Free up space (seed 000 §6.4.5, §2.6.2, §6.2.2.2), model-based: random sequences of free space set around the
 * limit (one byte below, at, one byte above), the setting turned on and off, limits chosen (valid or not), photos,
 * videos and documents with capture dates (and media a backup never takes), backups, the iOS deletion prompt's
 * answer, days passing across the 40 days of Recently Deleted, and restores from the Archive tab. After every step
 * the phone's items, free space and Recently Deleted, the prompts shown and the server's Archive tab match the model.
 */
import fc from 'fast-check';
import type { ItemKind } from '../../spec/file-types.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkProperty, commandsOptions } from '../../kit/property.js';
import { hashOf } from '../../../simulators/app/content-registry.js';
import type { FreeUpSpaceLimitGb } from '../../../simulators/app/settings.js';
import type { Platform } from '../../../simulators/device/device-spec.js';
import { addMedia, expectTrue, newWorld, serverListing, type World } from '../../kit/device-support.js';
import { LANDED_ON_LIMIT, recordFreeUps } from './free-up-history.js';
import { Sometimes, withReached } from '../../kit/sometimes.js';
import type { FreeUpSpaceApp } from './port.js';
import { fusSteps, newItem, setUp, SHARED_FUS_REQUIREMENTS, startModel } from './sequences.js';
import { where } from '../../kit/applies.js';

/**
 * The app model on a simulated device, paired, in process: it sees everything, Recently Deleted and prompts too.
 * Each observation first judges the sequence's history (free-up-history.ts).
 */
function modelApp(w: World, sometimes: Sometimes<typeof LANDED_ON_LIMIT>): FreeUpSpaceApp {
  const history = recordFreeUps(w, sometimes);
  const listing = serverListing(w);
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
      const item = addMedia(w, { name, size, capturedAt, origin, storage, ...folder });
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
      history.judge();
      return {
        onPhone: w.device.mediaItems().map((i) => i.id),
        freeBytes: w.device.freeBytes(),
        limitGb: w.app.settings.freeUpSpaceLimitGb,
        recentlyDeleted: w.device.recentlyDeleted().map((d) => hashOf(d.item)),
        prompts: w.device.deletePrompts.map((p) => p.count),
        server: (await listing()).map((i) => ({ content: i.sha256, tab: i.tab })),
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
    applies: where({ device: 'paired', platform }),
    async run(context: DeviceCheckContext) {
      const profile = context.column.profile;
      const commands = fc.commands(steps, { ...commandsOptions(context, 10), size: 'max' });
      const initialItems = fc.array(newItem, { minLength: 3, maxLength: 6 });
      const start = fc.record({ on: fc.boolean(), consent: fc.constantFrom<'allow' | 'deny'>('allow', 'deny') });
      // iOS keeps removed items in Recently Deleted, still using storage: free space lands nowhere there.
      const sometimes = new Sometimes(platform === 'android' ? [LANDED_ON_LIMIT] : []);
      const property = fc.asyncProperty(commands, initialItems, start, async (cmds, initial, { on, consent }) => {
        // Its commands never stop a job inside an item, so the app's own upload chunks serve (fewer appends).
        const world = await newWorld(context, { appChunks: true });
        expectTrue(['FUS-01'], !world.app.settings.freeUpSpace, 'free up space is on in a freshly installed app');
        const { device, clock } = world;
        const limit = world.app.settings.freeUpSpaceLimitGb;
        const sdCard = profile.sdCardBytes !== undefined;
        const model = startModel(platform, sdCard, limit, device.freeBytes(), clock.now());
        const app = modelApp(world, sometimes);
        await setUp(model, app, initial, { on, consent });
        await fc.asyncModelRun(() => ({ model, real: app }), cmds);
      });
      return withReached(await checkProperty(property, context), sometimes);
    },
  };
}

export const freeUpSpaceChecks: Check[] = [freeUpSpaceModelCheck('android'), freeUpSpaceModelCheck('ios')];
