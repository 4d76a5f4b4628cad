/**
 * The app log's entries of free up space (seed 000 §6.4.7: App Log, types "Free up space info" and "Free up space
 * error"): removing backed-up photos writes a Free up space Info entry, so does a deletion the iOS user refuses,
 * and removed photos the server can no longer archive (the desktop removed the device meanwhile) write a Free up
 * space Error entry.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { addMedia, expectEqual, newWorld, type World } from '../../kit/device-support.js';
import { where } from '../../kit/applies.js';
import { GB } from '../../../simulators/app/settings.js';

/** The Free up space entries written since `from`, oldest first, by type. */
const freeUpEntriesSince = (world: World, from: number) =>
  world.app.log
    .all()
    .slice(from)
    .map((e) => e.type)
    .filter((type) => type.startsWith('Free up space'));

/** Free space one byte under the 2 GB limit, as free up space reckons it on iOS too (Recently Deleted counts as freed). */
function justUnderLimit(world: World): void {
  const pending = world.device.recentlyDeleted().reduce((n, d) => n + d.item.size, 0);
  world.device.setFreeBytes(2 * GB - 1 - pending);
}

/** A photo backed up with free up space on and the phone just under its 2 GB limit: what free up space logged. */
async function backUpUnderLimit(world: World, name: string, consent: 'allow' | 'deny'): Promise<string[]> {
  const from = world.app.log.all().length;
  addMedia(world, { name, size: 5000 });
  justUnderLimit(world);
  world.device.deleteConsent = consent;
  await world.app.backup();
  return freeUpEntriesSince(world, from);
}

export const freeUpEntriesCheck: Check = {
  id: 'app-log-free-up-space',
  title:
    'Free up space writes a Free up space Info entry when it removes photos or the deletion is refused, and a Free up space Error entry when the server cannot archive them',
  area: 'LOG',
  requirements: ['LOG-06'],
  scope: 'device',
  applies: where({ device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context);
      const { app, device } = world;
      app.updateSettings({ freeUpSpace: true, freeUpSpaceLimitGb: 2 });
      const freed = await backUpUnderLimit(world, 'IMG_1.jpg', 'allow');
      expectEqual(['LOG-06'], 'free up space entries of photos removed', freed, ['Free up space Info']);
      if (device.platform === 'ios') {
        const refused = await backUpUnderLimit(world, 'IMG_2.jpg', 'deny');
        expectEqual(['LOG-06'], 'free up space entries of a refused deletion', refused, ['Free up space Info']);
      }
      // A photo backed up with free up space off, then the desktop removes the device before it is freed.
      app.updateSettings({ freeUpSpace: false });
      addMedia(world, { name: 'IMG_3.jpg', size: 5000 });
      await app.backup();
      await context.session.console!.call('removeDevice', { params: { deviceId: app.pairing!.deviceId } });
      app.updateSettings({ freeUpSpace: true });
      justUnderLimit(world);
      device.deleteConsent = 'allow';
      const from = app.log.all().length;
      await app.freeUpSpace();
      const failed = freeUpEntriesSince(world, from);
      expectEqual(['LOG-06'], 'free up space entries when the server cannot archive', failed, ['Free up space Error']);
    }),
};
