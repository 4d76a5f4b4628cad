/** What a check of the free up space model runs: the rules it covers, the commands drawn, the set-up and the start. */
import fc from 'fast-check';
import type { ItemKind } from '../../spec/file-types.js';
import type { FreeUpSpaceLimitGb } from '../../../simulators/app/settings.js';
import { DAY } from '../../kit/device-support.js';
import type { FusModel } from './model.js';
import type { FreeUpSpaceApp } from './port.js';
import type { FusStep } from './after-each-step.js';
import {
  addItem,
  answer,
  backup,
  chooseLimit,
  restoreOldestArchived,
  setFree,
  toggle,
  wait,
  type FreeSetting,
  type NewItem,
} from './commands.js';

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
  // Short by exactly what the oldest removable items hold: free up space lands on the limit, no more than needed.
  { weight: 2, arbitrary: fc.record({ shortByOldest: fc.constantFrom<1 | 2>(1, 2), thenBackup }) },
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
    added: 0,
  };
}
