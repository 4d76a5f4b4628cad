/** The check of free up space on iOS: the deletion prompt, and Recently Deleted's 40 days. */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { addMedia, DAY, expectEqual, expectTrue, newWorld } from '../../kit/device-support.js';
import { GB } from './model.js';
import { where } from '../../kit/applies.js';

/**
 * iOS: the job's own photo weighed once backed up, asked first, nothing on a refusal; then Recently Deleted holds
 * the item, using storage, for 40 days.
 */
export const recentlyDeletedCheck: Check = {
  id: 'free-up-space-ios-recently-deleted',
  title:
    'On iOS free up space asks first and removes nothing when refused; removed items stay 40 days in Recently Deleted, using storage',
  area: 'FUS',
  requirements: ['FUS-09', 'FUS-11', 'FUS-12'],
  scope: 'device',
  applies: where({ device: 'paired', platform: 'ios' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context);
      const { app, device, clock } = world;
      const photo = addMedia(world, { name: 'IMG_1.jpg', size: 5000 });
      app.updateSettings({ freeUpSpace: true, freeUpSpaceLimitGb: 2 });
      device.setFreeBytes(2 * GB - 1);
      device.deleteConsent = 'deny';
      await app.backup();
      const seen = () => [device.deletePrompts.map((p) => p.count), device.mediaItems().length];
      // No prompt and the photo still there: the job never weighed the photo it had just backed up.
      const weighed = device.deletePrompts.length > 0 || device.mediaItems().length === 0;
      expectTrue(['FUS-09'], weighed, 'the backup ended without free up space weighing the photo it backed up');
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
