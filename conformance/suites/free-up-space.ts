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
import { Violation } from '../framework/violation.js';
import { hashOf } from '../../simulators/app/content-registry.js';
import type { FreeUpSpaceLimitGb } from '../../simulators/app/settings.js';
import type { Platform } from '../../simulators/device/device-spec.js';
import type { MediaOrigin, StorageArea } from '../../simulators/device/media.js';
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
  sorted,
  type World,
} from './device-support.js';
import { advance, backUp, GB, removable, type FusModel, type PhoneItem } from './free-up-space-model.js';

type Step = fc.AsyncCommand<FusModel, World>;

function step(label: string, check: (m: FusModel) => boolean, run: (m: FusModel, w: World) => Promise<void>): Step {
  return {
    check,
    async run(m, w) {
      const before = m.items.map((i) => i.id);
      await run(m, w);
      await verify(m, w, before);
    },
    toString: () => label,
  };
}

/** Free space relative to the current limit (or to another limit, to catch a wrong one), then maybe a backup. */
type FreeSetting = { readonly limit?: FreeUpSpaceLimitGb; readonly delta: number; readonly thenBackup: boolean };

function setFree(setting: FreeSetting): Step {
  const base = setting.limit ? `${setting.limit} GB` : 'the limit';
  const delta = setting.delta === 0 ? '' : setting.delta > 0 ? ` + ${setting.delta} B` : ` - ${-setting.delta} B`;
  return step(
    `free space = ${base}${delta}${setting.thenBackup ? ', then tap Backup' : ''}`,
    () => true,
    async (m, w) => {
      const free = (setting.limit ?? m.limitGb) * GB + setting.delta;
      w.device.setFreeBytes(free);
      m.free = free;
      if (setting.thenBackup) await backUpNow(m, w);
    },
  );
}

function toggle(on: boolean): Step {
  return step(
    `free up space ${on ? 'on' : 'off'}`,
    () => true,
    async (m, w) => {
      w.app.updateSettings({ freeUpSpace: on });
      m.on = on;
    },
  );
}

const LIMITS = [2, 4, 6, 8, 10];

function chooseLimit(gb: number): Step {
  return step(
    `choose a limit of ${gb} GB`,
    () => true,
    async (m, w) => {
      let refused = false;
      try {
        w.app.updateSettings({ freeUpSpaceLimitGb: gb as FreeUpSpaceLimitGb });
      } catch {
        refused = true;
      }
      expectEqual(['FUS-02'], `whether ${gb} GB is refused`, refused, !LIMITS.includes(gb));
      if (!refused) m.limitGb = gb;
    },
  );
}

interface NewItem {
  readonly kind: ItemKind;
  readonly size: number;
  readonly ageDays: number;
  /** A photo a backup never takes (iTunes-synced on iOS, iOS HEIF on Android), or one on the SD card. */
  readonly variant: 'plain' | 'not-backed-up' | 'sd-card';
}

const EXT: Record<ItemKind, string> = { photo: 'jpg', video: 'mp4', document: 'pdf' };
let serial = 0;

function addItem(spec: NewItem): Step {
  const what =
    spec.variant === 'plain'
      ? spec.kind
      : spec.variant === 'sd-card'
        ? `${spec.kind} on the SD card`
        : `${spec.kind} no backup takes`;
  return step(
    `add a ${what} of ${spec.size} B taken ${spec.ageDays} days before 2021-04-19`,
    (m) => spec.variant !== 'sd-card' || (m.platform === 'android' && m.sdCard),
    async (m, w) => {
      const n = ++serial;
      const heif = spec.variant === 'not-backed-up' && m.platform === 'android';
      const origin: MediaOrigin =
        spec.variant !== 'not-backed-up' ? 'device' : m.platform === 'ios' ? 'itunes-sync' : 'ios-import';
      const storage: StorageArea = spec.variant === 'sd-card' ? 'sd' : 'internal';
      const kind = heif ? 'photo' : spec.kind;
      const name = `F${n}.${heif ? 'heic' : EXT[kind]}`;
      // Distinct capture times: oldest first is then one order.
      const capturedAt = BASE_DATE - spec.ageDays * DAY - n;
      const item = addMedia(w.device, {
        name,
        size: spec.size,
        capturedAt,
        origin,
        storage,
        ...(kind === 'document' ? { folder: 'Documents' } : {}),
      });
      const eligible =
        spec.variant !== 'not-backed-up' &&
        (kind !== 'document' || (m.platform === 'android' && storage === 'internal'));
      const entry = { id: item.id, name, sha256: hashOf(item), kind, size: spec.size, capturedAt, storage, eligible };
      m.items.push(entry);
      m.known.set(entry.id, entry);
      if (storage === 'internal') m.free -= spec.size;
    },
  );
}

const backup = step('tap Backup', () => true, backUpNow);

async function backUpNow(m: FusModel, w: World): Promise<void> {
  const job = await w.app.backup();
  expectEqual(['FUS-09'], 'the backup job', job.state, 'completed');
  backUp(m);
  if (m.platform !== 'android') return;
  expectEqual(['FUS-14'], 'items the job says it archived', job.archived, m.lastArchived);
  const line =
    w.app.log
      .all()
      .filter((e) => e.type === 'Backup Info')
      .at(-1)?.message ?? '';
  const said = /; (\d+) archived or free up images and videos$/.exec(line)?.[1];
  expectEqual(['FUS-14'], `the archived count in "${line}"`, said, m.on ? String(m.lastArchived) : undefined);
}

function answer(consent: 'allow' | 'deny'): Step {
  return step(
    `answer ${consent} to the deletion prompt`,
    (m) => m.platform === 'ios',
    async (m, w) => {
      w.device.deleteConsent = consent;
      m.consent = consent;
    },
  );
}

function wait(ms: number): Step {
  const days = ms / DAY;
  return step(
    `${Number.isInteger(days) ? `${days} days` : `${ms} ms`} pass`,
    () => true,
    async (m, w) => {
      w.clock.advance(ms);
      advance(m, ms);
    },
  );
}

const restoreOldestArchived = step(
  'restore the oldest item of the Archive tab',
  (m) => m.archived.size > 0,
  async (m, w) => {
    const archive = await w.app.listRestorable('archive');
    const offPhone = archive.filter((i) => !m.items.some((p) => p.sha256 === i.sha256));
    const oldest = offPhone.sort((a, b) => (a.meta.capturedAt ?? 0) - (b.meta.capturedAt ?? 0))[0];
    if (!oldest) return;
    const job = await w.app.restore([oldest]);
    expectEqual(['FUS-13'], `items restored from the Archive tab`, job.restored, {
      photo: oldest.meta.kind === 'photo' ? 1 : 0,
      video: oldest.meta.kind === 'video' ? 1 : 0,
      document: 0,
    });
    const was = m.removed.get(oldest.sha256)!;
    const back = w.device.mediaItems().find((i) => hashOf(i) === oldest.sha256)!;
    // Android keeps the capture date; iOS adds the photo anew, dated now.
    const capturedAt = m.platform === 'android' ? was.capturedAt : m.now;
    const entry = { ...was, id: back.id, name: back.name, capturedAt };
    m.items.push(entry);
    m.known.set(entry.id, entry);
    m.free -= was.size;
    // Each restore at its own moment, so that no two items share a capture time.
    w.clock.advance(1);
    advance(m, 1);
  },
);

async function verify(m: FusModel, w: World, before: string[]): Promise<void> {
  const onPhone = w.device.mediaItems().map((i) => i.id);
  const removed = before.filter((id) => !onPhone.includes(id));
  const expected = before.filter((id) => !m.items.some((i) => i.id === id));
  if (JSON.stringify(sorted(removed)) !== JSON.stringify(sorted(expected))) {
    throw new Violation(rulesBroken(m, removed, expected), removalMessage(m, removed, expected));
  }
  const iosRule = m.platform === 'ios' ? ['FUS-12'] : ['FUS-10'];
  expectEqual(iosRule, 'free bytes on the phone', w.device.freeBytes(), m.free);
  if (m.platform === 'ios') {
    const kept = w.device.recentlyDeleted().map((d) => hashOf(d.item));
    expectEqual(['FUS-12'], 'Recently Deleted', sorted(kept), sorted(m.recentlyDeleted.map((d) => d.sha256)));
    expectEqual(
      ['FUS-11'],
      'deletion prompts (N items each)',
      w.device.deletePrompts.map((p) => p.count),
      m.prompts,
    );
  } else {
    expectEqual(['FUS-10'], 'deletion prompts on Android', w.device.deletePrompts.length, 0);
  }
  expectEqual(['FUS-02'], 'the chosen limit', w.app.settings.freeUpSpaceLimitGb, m.limitGb);
  const items = await serverItems(w.app);
  const archive = items.filter((i) => i.tab === 'archive').map((i) => i.sha256);
  expectEqual(['FUS-13', 'RFE-07'], 'the Archive tab', sorted(archive), sorted(m.archived));
  expectEqual(['FUS-06'], 'items the server holds', sorted(items.map((i) => i.sha256)), sorted(m.confirmed));
}

/** Which rule a wrong removal breaks. */
function rulesBroken(m: FusModel, removed: string[], expected: string[]): string[] {
  if (!m.on && removed.length > 0) return ['FUS-04'];
  const wrongKind = removed.map((id) => m.known.get(id)).some((i) => !i || !removable(m, i));
  if (wrongKind) return ['FUS-06'];
  if (m.platform === 'ios' && m.consent === 'deny' && removed.length > 0) return ['FUS-11'];
  if (removed.length === expected.length) return ['FUS-07'];
  return removed.length > expected.length ? ['FUS-08', 'FUS-05', 'FUS-03'] : ['FUS-05', 'FUS-09', 'FUS-03'];
}

function removalMessage(m: FusModel, removed: string[], expected: string[]): string {
  const names = (ids: string[]) => ids.map((id) => describe(m.known.get(id)) ?? id).join(', ') || 'nothing';
  return `free up space removed [${names(removed)}], the rules say [${names(expected)}] (limit ${m.limitGb} GB, on: ${m.on})`;
}

function describe(item: PhoneItem | undefined): string | undefined {
  if (!item) return undefined;
  const date = new Date(item.capturedAt).toISOString();
  return `${item.name} ${item.kind} ${item.size} B taken ${date}${item.storage === 'sd' ? ' on SD' : ''}`;
}

const kinds = fc.constantFrom<ItemKind>('photo', 'photo', 'video', 'document');
const newItem: fc.Arbitrary<NewItem> = fc.record({
  kind: kinds,
  size: fc.oneof(fc.constantFrom(1, 1000, 2000, 3000), fc.integer({ min: 1, max: 4000 })),
  // Often older than everything on the phone, so that the newest backup holds the oldest item.
  ageDays: fc.oneof(fc.constantFrom(0, 1, 400, 3000, 5000, 6000), fc.nat(6000)),
  variant: fc.constantFrom('plain', 'plain', 'plain', 'not-backed-up', 'not-backed-up', 'sd-card'),
});
// One byte either side of the limit, the limit itself, a deficit several items deep, and other limits' edges.
const thenBackup = fc.constantFrom(true, true, true, false);
const freeSetting: fc.Arbitrary<FreeSetting> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ delta: fc.constantFrom(-1, -1, 0, 0, 1, -2500, -6000, -1_000_000), thenBackup }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      limit: fc.constantFrom<FreeUpSpaceLimitGb>(2, 4, 6, 8, 10),
      delta: fc.constantFrom(-1, 1),
      thenBackup,
    }),
  },
);

const steps = [
  freeSetting.map(setFree),
  freeSetting.map(setFree),
  freeSetting.map(setFree),
  freeSetting.map(setFree),
  fc.constantFrom(true, false).map(toggle),
  fc.constantFrom(true, false).map(toggle),
  fc.constantFrom(2, 4, 6, 8, 10).map(chooseLimit),
  newItem.map(addItem),
  newItem.map(addItem),
  fc.constant(backup),
  fc.constant(backup),
  fc.constantFrom<'allow' | 'deny'>('allow', 'deny').map(answer),
  // Across the 40 days of Recently Deleted: inside, at the edge, past it.
  fc.constantFrom(DAY, 20 * DAY, 39 * DAY, 40 * DAY - 1, 40 * DAY, 41 * DAY).map(wait),
  fc.constantFrom(20 * DAY, 39 * DAY, 40 * DAY).map(wait),
  fc.constantFrom(20 * DAY, 39 * DAY, 40 * DAY).map(wait),
  fc.constant(restoreOldestArchived),
];

function freeUpSpaceModelCheck(platform: Platform): Check {
  const own = platform === 'android' ? ['FUS-10', 'FUS-14'] : ['FUS-11', 'FUS-12'];
  return {
    id: `free-up-space-model-${platform}`,
    title: `Free up space on ${platform === 'android' ? 'Android' : 'iOS'}: confirmed photos and videos only, oldest first, down to the limit and no further, never when off; ${platform === 'android' ? 'permanent, unasked, counted in the result' : 'asked first, kept 40 days in Recently Deleted'}; listed and restorable in the Archive tab`,
    area: 'FUS',
    requirements: [
      'FUS-01',
      'FUS-02',
      'FUS-03',
      'FUS-04',
      'FUS-05',
      'FUS-06',
      'FUS-07',
      'FUS-08',
      'FUS-09',
      ...own,
      'FUS-13',
      'RFE-07',
    ].sort(),
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
        const model: FusModel = {
          platform,
          sdCard: profile.sdCardBytes !== undefined,
          on: false,
          limitGb: world.app.settings.freeUpSpaceLimitGb,
          consent: 'allow',
          free: world.device.freeBytes(),
          items: [],
          confirmed: new Set(),
          archived: new Set(),
          removed: new Map(),
          known: new Map(),
          recentlyDeleted: [],
          now: world.clock.now(),
          prompts: [],
          lastArchived: undefined,
        };
        // Most sequences start with the setting on and a few items on the phone, so that they free up space.
        for (const spec of initial) if (addItem(spec).check(model)) await addItem(spec).run(model, world);
        await backup.run(model, world);
        if (on) await toggle(true).run(model, world);
        if (platform === 'ios' && consent === 'deny') await answer('deny').run(model, world);
        await fc.asyncModelRun(() => ({ model, real: world }), cmds);
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
