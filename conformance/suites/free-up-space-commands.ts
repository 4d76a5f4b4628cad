/**
 * The commands of the free up space model (free-up-space-model.ts) and what they check after every step. They act
 * on a port, `FreeUpSpaceApp`, with two adapters: the app model on a simulated device in process (free-up-space.ts)
 * and the app through its screens and `mobile:` methods (free-up-space-screens.ts), so one model checks both.
 */
import fc from 'fast-check';
import type { ItemKind } from '../spec/file-types.js';
import type { TabName } from '../spec/protocol/common.js';
import { Violation } from '../framework/violation.js';
import type { FreeUpSpaceLimitGb } from '../../simulators/app/settings.js';
import type { MediaOrigin, StorageArea } from '../../simulators/device/media.js';
import { BASE_DATE, DAY, expectEqual, sorted } from './device-support.js';
import { advance, backUp, GB, removable, type FusModel, type PhoneItem } from './free-up-space-model.js';

/** A medium to put on the phone: its real kind (an Android HEIF is a photo), where, from where, and when taken. */
export interface NewMedia {
  readonly serial: number;
  readonly kind: ItemKind;
  readonly heif: boolean;
  readonly size: number;
  readonly capturedAt: number;
  readonly origin: MediaOrigin;
  readonly storage: StorageArea;
}

/** What the app shows after a step; an adapter leaves out what it cannot see. */
export interface FusSeen {
  /** Device ids of the items on the phone. */
  readonly onPhone: readonly string[];
  readonly freeBytes: number;
  readonly limitGb: number;
  /** The contents in iOS's Recently Deleted. */
  readonly recentlyDeleted?: readonly string[];
  /** The N of each deletion prompt shown so far. */
  readonly prompts?: readonly number[];
  /** What the server lists, for the kinds in `serverKinds` only. */
  readonly server: readonly { readonly content: string; readonly tab: TabName }[];
  readonly serverKinds: readonly ItemKind[];
}

export interface FreeUpSpaceApp {
  /**
   * Whether to check each platform's own rules (FUS-10, FUS-12, FUS-14: free bytes, the Android result): a check
   * over both platforms leaves them out, so that it never charges a failure to rules it does not declare.
   */
  readonly platformRules: boolean;
  setFreeBytes(bytes: number): Promise<void>;
  setFreeUpSpace(on: boolean): Promise<void>;
  /** Whether the app refused the limit. */
  chooseLimit(gb: number): Promise<boolean>;
  addMedia(media: NewMedia): Promise<{ readonly id: string; readonly name: string; readonly content: string }>;
  /** Taps Backup and waits for the job: its state, what it says it archived, and the log's last Backup Info line. */
  backUp(): Promise<{ readonly state: string; readonly archived: number | undefined; readonly resultLine: string }>;
  /** Absent where the iOS deletion prompt cannot be answered. */
  readonly setDeleteConsent?: (consent: 'allow' | 'deny') => Promise<void>;
  advanceClock(ms: number): Promise<void>;
  /** Restores the oldest item of the Archive tab that is not on the phone: what it restored, and its new id. */
  restoreOldestArchived(m: FusModel): Promise<
    | {
        readonly restored: Record<ItemKind, number>;
        readonly kind: ItemKind;
        readonly content: string;
        readonly id: string;
        readonly name: string;
      }
    | undefined
  >;
  observe(): Promise<FusSeen>;
}

export type FusStep = fc.AsyncCommand<FusModel, FreeUpSpaceApp>;

/** The rules of free up space both platforms share, which every check of the model covers. */
export const SHARED_FUS_REQUIREMENTS = [
  'FUS-01',
  'FUS-02',
  'FUS-03',
  'FUS-04',
  'FUS-05',
  'FUS-06',
  'FUS-07',
  'FUS-08',
  'FUS-09',
  'FUS-13',
  'RFE-07',
] as const;

function step(
  label: string,
  check: (m: FusModel) => boolean,
  run: (m: FusModel, app: FreeUpSpaceApp) => Promise<void>,
): FusStep {
  return {
    check,
    async run(m, app) {
      const before = m.items.map((i) => i.id);
      await run(m, app);
      await verify(m, app, before);
    },
    toString: () => label,
  };
}

/** Free space relative to the current limit (or to another limit, to catch a wrong one), then maybe a backup. */
type FreeSetting = { readonly limit?: FreeUpSpaceLimitGb; readonly delta: number; readonly thenBackup: boolean };

function setFree(setting: FreeSetting): FusStep {
  const base = setting.limit ? `${setting.limit} GB` : 'the limit';
  const delta = setting.delta === 0 ? '' : setting.delta > 0 ? ` + ${setting.delta} B` : ` - ${-setting.delta} B`;
  return step(
    `free space = ${base}${delta}${setting.thenBackup ? ', then tap Backup' : ''}`,
    () => true,
    async (m, app) => {
      const free = (setting.limit ?? m.limitGb) * GB + setting.delta;
      await app.setFreeBytes(free);
      m.free = free;
      if (setting.thenBackup) await backUpNow(m, app);
    },
  );
}

export function toggle(on: boolean): FusStep {
  return step(
    `free up space ${on ? 'on' : 'off'}`,
    () => true,
    async (m, app) => {
      await app.setFreeUpSpace(on);
      m.on = on;
    },
  );
}

export const LIMITS = [2, 4, 6, 8, 10];

function chooseLimit(gb: number): FusStep {
  return step(
    `choose a limit of ${gb} GB`,
    () => true,
    async (m, app) => {
      const refused = await app.chooseLimit(gb);
      expectEqual(['FUS-02'], `whether ${gb} GB is refused`, refused, !LIMITS.includes(gb));
      if (!refused) m.limitGb = gb;
    },
  );
}

export interface NewItem {
  readonly kind: ItemKind;
  readonly size: number;
  readonly ageDays: number;
  /** A photo a backup never takes (iTunes-synced on iOS, iOS HEIF on Android), or one on the SD card. */
  readonly variant: 'plain' | 'not-backed-up' | 'sd-card';
}

let serial = 0;

export function addItem(spec: NewItem): FusStep {
  const what =
    spec.variant === 'plain'
      ? spec.kind
      : spec.variant === 'sd-card'
        ? `${spec.kind} on the SD card`
        : `${spec.kind} no backup takes`;
  return step(
    `add a ${what} of ${spec.size} B taken ${spec.ageDays} days before 2021-04-19`,
    (m) => spec.variant !== 'sd-card' || (m.platform === 'android' && m.sdCard),
    async (m, app) => {
      const n = ++serial;
      const heif = spec.variant === 'not-backed-up' && m.platform === 'android';
      const origin: MediaOrigin =
        spec.variant !== 'not-backed-up' ? 'device' : m.platform === 'ios' ? 'itunes-sync' : 'ios-import';
      const storage: StorageArea = spec.variant === 'sd-card' ? 'sd' : 'internal';
      const kind = heif ? 'photo' : spec.kind;
      // Distinct capture times: oldest first is then one order.
      const capturedAt = BASE_DATE - spec.ageDays * DAY - n;
      const added = await app.addMedia({ serial: n, kind, heif, size: spec.size, capturedAt, origin, storage });
      const eligible =
        spec.variant !== 'not-backed-up' &&
        (kind !== 'document' || (m.platform === 'android' && storage === 'internal'));
      const entry = { ...added, kind, size: spec.size, capturedAt, storage, eligible };
      m.items.push(entry);
      m.known.set(entry.id, entry);
      if (storage === 'internal') m.free -= spec.size;
    },
  );
}

export const backup = step('tap Backup', () => true, backUpNow);

async function backUpNow(m: FusModel, app: FreeUpSpaceApp): Promise<void> {
  const job = await app.backUp();
  expectEqual(['FUS-09'], 'the backup job', job.state, 'completed');
  backUp(m);
  if (m.platform !== 'android' || !app.platformRules) return;
  expectEqual(['FUS-14'], 'items the job says it archived', job.archived, m.lastArchived);
  const line = job.resultLine;
  const said = /; (\d+) archived or free up images and videos$/.exec(line)?.[1];
  expectEqual(['FUS-14'], `the archived count in "${line}"`, said, m.on ? String(m.lastArchived) : undefined);
}

export function answer(consent: 'allow' | 'deny'): FusStep {
  return step(
    `answer ${consent} to the deletion prompt`,
    (m) => m.platform === 'ios',
    async (m, app) => {
      await app.setDeleteConsent!(consent);
      m.consent = consent;
    },
  );
}

function wait(ms: number): FusStep {
  const days = ms / DAY;
  return step(
    `${Number.isInteger(days) ? `${days} days` : `${ms} ms`} pass`,
    () => true,
    async (m, app) => {
      await app.advanceClock(ms);
      advance(m, ms);
    },
  );
}

const restoreOldestArchived = step(
  'restore the oldest item of the Archive tab',
  (m) => m.archived.size > 0,
  async (m, app) => {
    const back = await app.restoreOldestArchived(m);
    if (!back) return;
    expectEqual(['FUS-13'], `items restored from the Archive tab`, back.restored, {
      photo: back.kind === 'photo' ? 1 : 0,
      video: back.kind === 'video' ? 1 : 0,
      document: 0,
    });
    const was = m.removed.get(back.content)!;
    // Android keeps the capture date; iOS adds the photo anew, dated now.
    const capturedAt = m.platform === 'android' ? was.capturedAt : m.now;
    const entry = { ...was, id: back.id, name: back.name, capturedAt };
    m.items.push(entry);
    m.known.set(entry.id, entry);
    m.free -= was.size;
    // Each restore at its own moment, so that no two items share a capture time.
    await app.advanceClock(1);
    advance(m, 1);
  },
);

async function verify(m: FusModel, app: FreeUpSpaceApp, before: string[]): Promise<void> {
  const seen = await app.observe();
  const removed = before.filter((id) => !seen.onPhone.includes(id));
  const expected = before.filter((id) => !m.items.some((i) => i.id === id));
  if (JSON.stringify(sorted(removed)) !== JSON.stringify(sorted(expected))) {
    throw new Violation(rulesBroken(m, removed, expected), removalMessage(m, removed, expected));
  }
  const iosRule = m.platform === 'ios' ? ['FUS-12'] : ['FUS-10'];
  if (app.platformRules) expectEqual(iosRule, 'free bytes on the phone', seen.freeBytes, m.free);
  if (m.platform === 'ios') {
    if (seen.recentlyDeleted) {
      const model = sorted(m.recentlyDeleted.map((d) => d.content));
      expectEqual(['FUS-12'], 'Recently Deleted', sorted(seen.recentlyDeleted), model);
    }
    if (seen.prompts) expectEqual(['FUS-11'], 'deletion prompts (N items each)', seen.prompts, m.prompts);
  } else if (seen.prompts) {
    expectEqual(['FUS-10'], 'deletion prompts on Android', seen.prompts.length, 0);
  }
  expectEqual(['FUS-02'], 'the chosen limit', seen.limitGb, m.limitGb);
  // The model's items of the kinds the adapter lists.
  const kinds = new Map([...m.known.values()].map((i) => [i.content, i.kind]));
  const shown = (c: string) => {
    const kind = kinds.get(c);
    return kind === undefined || seen.serverKinds.includes(kind);
  };
  const listed = (contents: Iterable<string>) => sorted([...contents].filter(shown));
  const archive = seen.server.filter((i) => i.tab === 'archive').map((i) => i.content);
  expectEqual(['FUS-13', 'RFE-07'], 'the Archive tab', sorted(archive), listed(m.archived));
  expectEqual(['FUS-06'], 'items the server holds', sorted(seen.server.map((i) => i.content)), listed(m.confirmed));
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

const kindsArb = fc.constantFrom<ItemKind>('photo', 'photo', 'video', 'document');
export const newItem: fc.Arbitrary<NewItem> = fc.record({
  kind: kindsArb,
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

/** The commands; without `consent`, none answers the iOS deletion prompt (for an adapter that cannot). */
export function fusSteps(options: { readonly consent: boolean }): fc.Arbitrary<FusStep>[] {
  return [
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
    ...(options.consent ? [fc.constantFrom<'allow' | 'deny'>('allow', 'deny').map(answer)] : []),
    // Across the 40 days of Recently Deleted: inside, at the edge, past it.
    fc.constantFrom(DAY, 20 * DAY, 39 * DAY, 40 * DAY - 1, 40 * DAY, 41 * DAY).map(wait),
    fc.constantFrom(20 * DAY, 39 * DAY, 40 * DAY).map(wait),
    fc.constantFrom(20 * DAY, 39 * DAY, 40 * DAY).map(wait),
    fc.constant(restoreOldestArchived),
  ];
}

/** Most sequences start with the setting on and a few items on the phone, so that they free up space. */
export async function setUp(
  model: FusModel,
  app: FreeUpSpaceApp,
  initial: readonly NewItem[],
  start: { readonly on: boolean; readonly consent: 'allow' | 'deny' },
): Promise<void> {
  for (const spec of initial) if (addItem(spec).check(model)) await addItem(spec).run(model, app);
  await backup.run(model, app);
  if (start.on) await toggle(true).run(model, app);
  if (model.platform === 'ios' && start.consent === 'deny') await answer('deny').run(model, app);
}

/** The model of a fresh app on a phone with `free` bytes free at `now`. */
export function startModel(
  platform: FusModel['platform'],
  sdCard: boolean,
  limitGb: number,
  free: number,
  now: number,
): FusModel {
  return {
    platform,
    sdCard,
    on: false,
    limitGb,
    consent: 'allow',
    free,
    items: [],
    confirmed: new Set(),
    archived: new Set(),
    removed: new Map(),
    known: new Map(),
    recentlyDeleted: [],
    now,
    prompts: [],
    lastArchived: undefined,
  };
}
