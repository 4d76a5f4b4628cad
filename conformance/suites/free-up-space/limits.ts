/** The checks of the free up space limit: which values it takes, and what free up space removes at each one's edges. */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import type { FreeUpSpaceLimitGb } from '../../../simulators/app/settings.js';
import { BASE_DATE, DAY, expectEqual, expectTrue, mediaInit, newWorld } from '../../kit/device-support.js';
import { LIMITS } from './commands.js';
import { GB } from './model.js';
import { where } from '../../kit/applies.js';

/** Every whole number of GB around the five limits, and a few that are not whole numbers at all. */
export const limitsCheck: Check = {
  id: 'free-up-space-limits',
  title: 'The free up space limit is 2, 4, 6, 8 or 10 GB: any other value is refused, and the chosen one is kept',
  area: 'FUS',
  requirements: ['FUS-02'],
  scope: 'device',
  applies: where({ device: 'alone' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const { app } = await newWorld(context, { pair: false });
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
export const boundariesCheck: Check = {
  id: 'free-up-space-boundaries',
  title:
    'Free up space at each limit: one byte below removes the oldest photo only; at or above the limit, or off, nothing',
  area: 'FUS',
  requirements: ['FUS-03', 'FUS-04', 'FUS-05', 'FUS-06', 'FUS-08'],
  scope: 'device',
  applies: where({ device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context);
      const { app, device } = world;
      // An older photo on the SD card, where removing it would free nothing, must stay.
      const sd = device.spec.sdCardBytes
        ? mediaInit(world, { name: 'sd.jpg', size: 10, capturedAt: BASE_DATE - 9 * DAY, storage: 'sd' })
        : undefined;
      // Older still: a document on Android (backed up, never removed) or an iTunes-synced photo on iOS (never backed up).
      const keep =
        device.platform === 'android'
          ? mediaInit(world, { name: 'doc.pdf', size: 10, capturedAt: BASE_DATE - 8 * DAY, folder: 'Documents' })
          : mediaInit(world, { name: 'synced.jpg', size: 10, capturedAt: BASE_DATE - 8 * DAY, origin: 'itunes-sync' });
      const older = mediaInit(world, { name: 'old.jpg', size: 10, capturedAt: BASE_DATE - DAY });
      const newer = mediaInit(world, { name: 'new.jpg', size: 10, capturedAt: BASE_DATE });
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
          // Off, the limit's unit plays no part.
          expectEqual(
            on ? [rule, 'FUS-03'] : [rule],
            `removed with ${gb} GB ${on ? 'on' : 'off'} and ${free}`,
            removed,
            expected,
          );
        }
      }
    }),
};
