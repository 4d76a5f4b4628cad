/**
 * Backup sources through the app's screens: the Backup page's source switches (which it lists, which it shows on,
 * what a tap does and the dialog that refuses the last one), `mobile: addMedia`, Backup, and the Restore file
 * explorer for what the server holds. The cases and expected values are offered-and-selected.ts's.
 *
 * The 2FA accounts source (SRC-08) is two-factor-accounts-screens.ts's: it registers the phone for 2FA, which every
 * client of the server shares. On iOS the restore page has no Documents row, so a document an iPhone sent would
 * not show.
 */
import type { ItemKind } from '../../spec/file-types.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import type { BackupSources } from '../../../simulators/app/settings.js';
import type { Platform } from '../../../simulators/device/device-spec.js';
import {
  KIND_OF,
  OFFERED,
  SD_CARD_MEDIA,
  selectionCases,
  selections,
  SOURCES,
  type Source,
} from './offered-and-selected.js';
import { expectEqual, sorted } from '../../kit/device-support.js';
import { addItems, backUp, heldItems, onPairedPhone, shownChecked } from '../../kit/screens-held-items.js';
import { withApp } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

const TOGGLE: Record<Source, string> = {
  photos: 'source-photos',
  videos: 'source-videos',
  documents: 'source-documents',
  twoFactorAccounts: 'source-2fa',
};

/** The Backup page's source switches (the page is open): which it lists, which it shows on, whether a dialog is up. */
async function shownSources(driver: AppDriver) {
  const source = await driver.pageSource();
  const on = (s: Source) => shownChecked(source, TOGGLE[s]) === true;
  return {
    listed: SOURCES.filter((s) => shownChecked(source, TOGGLE[s]) !== undefined),
    on: {
      photos: on('photos'),
      videos: on('videos'),
      documents: on('documents'),
      twoFactorAccounts: on('twoFactorAccounts'),
    },
    dialog: source.includes('"message-text"'),
  };
}

/** The switches to tap to go from `from` to `to`: those to turn on first, so no step passes through none. */
const tapsToward = (from: BackupSources, to: BackupSources): Source[] =>
  SOURCES.filter((s) => from[s] !== to[s]).sort((a, b) => Number(to[b]) - Number(to[a]));

async function select(driver: AppDriver, to: BackupSources): Promise<void> {
  await driver.tap('tab-backup');
  for (const source of tapsToward((await shownSources(driver)).on, to)) await driver.tap(TOGGLE[source]);
}

/** `kind:name` of each item, sorted: how the server's listing is compared. */
const listing = (items: Iterable<[string, ItemKind]>) => sorted([...items].map(([name, kind]) => `${kind}:${name}`));

function offeredCheck(platform: Platform): Check {
  const [offered, selected] = platform === 'android' ? ['SRC-01', 'SRC-03'] : ['SRC-02', 'SRC-04'];
  return {
    id: `sources-offered-${platform}-screens`,
    title: `Through the screens: the Backup page lists ${OFFERED[platform].join(', ')} as sources, all on right after pairing, each one switched off and on by a tap`,
    area: 'SRC',
    requirements: [offered, selected],
    scope: 'device',
    tags: ['ui'],
    applies: where({ overWebDriverOf: `sources-offered-${platform}`, device: 'paired', platform }),
    run: (context: DeviceCheckContext) =>
      onPairedPhone(context, async (driver) => {
        await driver.tap('tab-backup');
        const shown = await shownSources(driver);
        expectEqual([offered], 'the sources the Backup page lists', shown.listed, OFFERED[platform]);
        const all = Object.fromEntries(SOURCES.map((s) => [s, OFFERED[platform].includes(s)]));
        expectEqual([selected], 'the sources shown on right after pairing', shown.on, all);
        for (const source of OFFERED[platform]) {
          await driver.tap(TOGGLE[source]);
          expectEqual([offered], `${source} after a tap`, (await shownSources(driver)).on[source], false);
          await driver.tap(TOGGLE[source]);
          expectEqual([offered], `${source} after a second tap`, (await shownSources(driver)).on[source], true);
        }
      }),
  };
}

/** Every selection of the offered sources, reached by taps: the tap that would leave none is refused. */
const atLeastOne: Check = {
  id: 'sources-at-least-one-screens',
  title: 'Through the screens: the tap that would leave no backup source selected is refused with a dialog',
  area: 'SRC',
  requirements: ['SRC-05'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'sources-at-least-one', device: 'alone' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        await driver.tap('tab-backup');
        for (const selection of selections(context.column.profile.platform)) {
          let shown = await shownSources(driver);
          for (const source of tapsToward(shown.on, selection)) {
            const next = { ...shown.on, [source]: selection[source] };
            const empty = !SOURCES.some((s) => next[s]);
            const expected = empty ? shown.on : next;
            await driver.tap(TOGGLE[source]);
            const what = `tapping ${source} on the way to ${JSON.stringify(selection)}`;
            shown = await shownSources(driver);
            expectEqual(['SRC-05'], `whether a dialog refuses ${what}`, shown.dialog, empty);
            expectEqual(['SRC-05'], `the sources after ${what}`, shown.on, expected);
            if (shown.dialog) await driver.tap('message-ok');
          }
        }
      }),
    ),
};

/** Each selection in turn, new items of every kind, Backup: the server then holds the selected sources' items. */
const selectedOnly: Check = {
  id: 'sources-selected-only-screens',
  title: 'Through the screens: a backup sends the items of the selected sources only',
  area: 'SRC',
  requirements: ['SRC-06'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'sources-selected-only', device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    onPairedPhone(context, async (driver) => {
      // Nothing leaves the phone, so an item left behind by one selection goes with the next that selects it.
      const onPhone: { name: string; source: keyof typeof KIND_OF }[] = [];
      const expected = new Map<string, ItemKind>();
      for (const selection of selectionCases(context.column.profile.platform)) {
        await select(driver, selection);
        const sources = ['photos', 'videos', 'documents'] as const;
        const names = await addItems(
          driver,
          sources.map((source) => ({ kind: KIND_OF[source] })),
        );
        onPhone.push(...names.map((name, i) => ({ name, source: sources[i]! })));
        await backUp(driver, ['SRC-06']);
        for (const item of onPhone) if (selection[item.source]) expected.set(item.name, KIND_OF[item.source]);
        const what = `items the server lists after a backup with ${JSON.stringify(selection)}`;
        expectEqual(['SRC-06'], what, listing(await heldItems(driver)), listing(expected));
      }
    }),
};

const sdCard: Check = {
  id: 'sources-sd-card-screens',
  title: 'Through the screens: Android backs up photos and videos from the internal storage and from the SD card',
  area: 'SRC',
  requirements: ['SRC-07'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'sources-sd-card', device: 'paired', platform: 'android', sdCard: true }),
  run: (context: DeviceCheckContext) =>
    onPairedPhone(context, async (driver) => {
      const batches = SD_CARD_MEDIA.map(({ storage, kind, ext }) => ({ kind, storage, extension: ext }));
      const names = await addItems(driver, batches);
      await backUp(driver, ['SRC-07']);
      const expected = names.map((name, i): [string, ItemKind] => [name, SD_CARD_MEDIA[i]!.kind]);
      expectEqual(['SRC-07'], 'items the server lists', listing(await heldItems(driver)), listing(expected));
    }),
};

export const UI_BACKUP_SOURCE_CHECKS: readonly Check[] = [
  offeredCheck('android'),
  offeredCheck('ios'),
  atLeastOne,
  selectedOnly,
  sdCard,
];
