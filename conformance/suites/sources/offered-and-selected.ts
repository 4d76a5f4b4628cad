/**
 * Backup sources (seed 000 §8, §7.1, §7.2, §1.1, §1.2, §2.6.2): which sources each platform offers and selects
 * right after pairing, that a selection with none is refused, that a backup sends exactly the items of the
 * selected sources (every selection, each once) with the 2FA accounts when selected, and that Android backs up
 * photos and videos from the SD card too.
 */
import type { Static } from 'typebox';
import { ClientError } from '../../spec/errors.js';
import type { ItemKind } from '../../spec/file-types.js';
import type { AuthenticatorAccount } from '../../spec/protocol/resources.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import type { BackupSources } from '../../../simulators/app/settings.js';
import { hashOf } from '../../../simulators/app/content-registry.js';
import type { Platform } from '../../../simulators/device/device-spec.js';
import { addMedia, expectEqual, newWorld, serverItems, sorted } from '../../kit/device-support.js';
import { where } from '../../kit/applies.js';

export const SOURCES = ['photos', 'videos', 'documents', 'twoFactorAccounts'] as const;
export type Source = (typeof SOURCES)[number];
export const OFFERED: Record<Platform, readonly Source[]> = {
  android: ['photos', 'videos', 'documents', 'twoFactorAccounts'],
  ios: ['photos', 'videos', 'twoFactorAccounts'],
};

function offeredCheck(platform: Platform): Check {
  const [offered, selected] = platform === 'android' ? ['SRC-01', 'SRC-03'] : ['SRC-02', 'SRC-04'];
  return {
    id: `sources-offered-${platform}`,
    title: `${platform === 'android' ? 'Android' : 'iOS'} offers ${OFFERED[platform].join(', ')} as backup sources, all selected right after pairing`,
    area: 'SRC',
    requirements: [offered, selected],
    scope: 'device',
    applies: where({ device: 'paired', platform }),
    run: (context: DeviceCheckContext) =>
      checkOnce(async () => {
        const { app } = await newWorld(context);
        const expected = Object.fromEntries(SOURCES.map((s) => [s, OFFERED[platform].includes(s)]));
        expectEqual([selected], 'the sources selected right after pairing', app.sources, expected);
        // Each offered source can be deselected and selected again; a source not offered cannot be selected.
        for (const source of SOURCES) {
          const offers = OFFERED[platform].includes(source);
          let refused = false;
          try {
            app.updateSources({ [source]: !offers });
            expectEqual([offered], `${source} after changing it`, app.sources[source], !offers);
            app.updateSources({ [source]: offers });
          } catch (error) {
            if (!(error instanceof ClientError)) throw error;
            refused = true;
          }
          expectEqual([offered], `whether selecting ${source} is refused`, refused, !offers);
        }
      }),
  };
}

/** Every selection of the offered sources: each empty one refused, the others kept. */
const atLeastOne: Check = {
  id: 'sources-at-least-one',
  title: 'A backup source selection with no source selected is refused; any other is kept',
  area: 'SRC',
  requirements: ['SRC-05'],
  scope: 'device',
  applies: where({ device: 'alone' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const { app } = await newWorld(context, { pair: false });
      for (const selection of selections(app.device.platform)) {
        const empty = !Object.values(selection).some(Boolean);
        const before = { ...app.sources };
        let refused = false;
        try {
          app.updateSources(selection);
        } catch (error) {
          if (!(error instanceof ClientError)) throw error;
          refused = true;
        }
        const what = `the selection ${JSON.stringify(selection)}`;
        expectEqual(['SRC-05'], `whether ${what} is refused`, refused, empty);
        expectEqual(['SRC-05'], `the sources after ${what}`, app.sources, empty ? before : selection);
      }
    }),
};

export function selections(platform: Platform): BackupSources[] {
  const offered = OFFERED[platform];
  return Array.from({ length: 2 ** offered.length }, (_, bits) => {
    const on = (s: Source) => offered.includes(s) && (bits & (1 << offered.indexOf(s))) !== 0;
    return {
      photos: on('photos'),
      videos: on('videos'),
      documents: on('documents'),
      twoFactorAccounts: on('twoFactorAccounts'),
    };
  });
}

export const KIND_OF: Record<'photos' | 'videos' | 'documents', ItemKind> = {
  photos: 'photo',
  videos: 'video',
  documents: 'document',
};

/** Each offered source alone, each left out, and all of them: every source is seen on and off. */
export function selectionCases(platform: Platform): BackupSources[] {
  const offered = OFFERED[platform];
  const only = (pick: (s: Source) => boolean): BackupSources => ({
    photos: offered.includes('photos') && pick('photos'),
    videos: offered.includes('videos') && pick('videos'),
    documents: offered.includes('documents') && pick('documents'),
    twoFactorAccounts: offered.includes('twoFactorAccounts') && pick('twoFactorAccounts'),
  });
  return [
    ...offered.map((source) => only((s) => s === source)),
    ...offered.map((source) => only((s) => s !== source)),
    only(() => true),
  ];
}

/** Selections that show every source on and off: new items of each kind, one backup, and what reached the server. */
const deselectedNotSent: Check = {
  id: 'sources-selected-only',
  title: 'A backup sends the items of the selected sources only, and the 2FA accounts when they are selected',
  area: 'SRC',
  requirements: ['SRC-06', 'SRC-08'],
  scope: 'device',
  applies: where({ device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context);
      const { app, device } = world;
      app.accounts.addFromSecret('Backup Pro', 'admin', 'JBSWY3DPEHPK3PXP');
      for (const selection of selectionCases(device.platform)) {
        app.updateSources(selection);
        const before = new Set((await serverItems(app)).map((i) => i.sha256));
        const added = (['photos', 'videos', 'documents'] as const).map((source) => {
          const kind = KIND_OF[source];
          const ext = { photo: 'jpg', video: 'mp4', document: 'pdf' }[kind];
          const item = addMedia(world, { name: `${source}-${world.content.count()}.${ext}`, size: 700 });
          return { source, sha: hashOf(item) };
        });
        const job = await app.backup();
        expectEqual(['SRC-06'], 'the backup job', job.state, 'completed');
        const fresh = (await serverItems(app)).filter((i) => !before.has(i.sha256)).map((i) => i.sha256);
        const expected = added.filter((a) => selection[a.source]).map((a) => a.sha);
        expectEqual(
          ['SRC-06'],
          `new items on the server with ${JSON.stringify(selection)}`,
          sorted(fresh),
          sorted(expected),
        );
        // Deselected items stay behind; select everything again so that the next selection starts clean.
        for (const a of added) device.removeMedia(device.mediaItems().find((m) => hashOf(m) === a.sha)!.id);
        const { accounts } = await app.client().call('getLatestSnapshot');
        const mine: Static<typeof AuthenticatorAccount>[] = selection.twoFactorAccounts ? [...app.accounts.list()] : [];
        expectEqual(['SRC-08'], `2FA accounts in the snapshot with ${JSON.stringify(selection)}`, accounts, mine);
      }
    }),
};

/** A photo and a video on each storage: SRC-07 wants all four on the server. */
export const SD_CARD_MEDIA = (['internal', 'sd'] as const).flatMap((storage) =>
  (['photo', 'video'] as const).map((kind) => ({ storage, kind, ext: kind === 'photo' ? 'jpg' : 'mp4' })),
);

const sdCard: Check = {
  id: 'sources-sd-card',
  title: 'Android backs up photos and videos from the internal storage and from the SD card',
  area: 'SRC',
  requirements: ['SRC-07'],
  scope: 'device',
  applies: where({ device: 'paired', platform: 'android', sdCard: true }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context);
      const items = SD_CARD_MEDIA.map(({ storage, ext }) =>
        addMedia(world, { name: `${storage}.${ext}`, size: 900, storage }),
      );
      await world.app.backup();
      const held = (await serverItems(world.app)).map((i) => `${i.meta.kind}:${i.meta.path}`);
      const expected = items.map((i) => `${i.kind}:${i.path}`);
      expectEqual(['SRC-07'], 'items on the server', sorted(held), sorted(expected));
    }),
};

export const backupSourcesChecks: Check[] = [
  offeredCheck('android'),
  offeredCheck('ios'),
  atLeastOne,
  deselectedNotSent,
  sdCard,
];
