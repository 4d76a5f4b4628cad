/**
 * Free up space on iOS through the screens (seed 000 §6.4.5, §2.6.2): the switch and the limit in More, Backup,
 * and the deletion prompt iOS shows, answered with `mobile: setDeleteConsent`; what it asked, the photos left on
 * the phone, Recently Deleted and the free bytes are read from `mobile: deviceInfo`. A refusal removes nothing;
 * once allowed, the photo stays 40 days in Recently Deleted, still using storage, then goes.
 *
 * Not through the screens: the prompt's own wording (the system draws it; the kit reads only the number of items
 * it named), and emptying Recently Deleted by hand.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { DAY, expectEqual } from '../../kit/device-support.js';
import { GB } from './model.js';
import { pairThroughScreens, pickFreeUpLimit, state, tapBackup, withApp } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

export const uiFreeUpSpaceIosCheck: Check = {
  id: 'free-up-space-ios-consent-screens',
  title:
    'Through the screens on iOS: free up space asks first and removes nothing when refused; once allowed, the photo stays 40 days in Recently Deleted, using storage',
  area: 'FUS',
  requirements: ['FUS-11', 'FUS-12'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'free-up-space-ios-recently-deleted', device: 'paired', platform: 'ios' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        await pairThroughScreens(driver, context.session);
        const { ids } = await driver.execute('mobile: addMedia', { kind: 'photo', count: 1, sizeBytes: 5000 });
        await driver.tap('tab-more');
        if (!(await state(driver)).settings.freeUpSpace) await driver.tap('more-free-up-space');
        await driver.tap('more-free-up-limit');
        await pickFreeUpLimit(driver, 2);
        await driver.execute('mobile: setStorage', { freeBytes: 2 * GB - 1 });
        const backUp = async (answer: 'allow' | 'deny') => {
          await driver.execute('mobile: setDeleteConsent', { answer });
          await tapBackup(driver);
          const info = await driver.execute('mobile: deviceInfo');
          return { info, seen: [info.deletePrompts.map((p) => p.count), info.media.map((m) => m.id)] };
        };
        const refused = await backUp('deny');
        expectEqual(['FUS-11'], 'prompts, and photos on the phone after a refusal', refused.seen, [[1], ids]);
        const allowed = await backUp('allow');
        expectEqual(['FUS-11'], 'prompts, and photos on the phone once allowed', allowed.seen, [[1, 1], []]);
        const removedAt = allowed.info.deletePrompts[1]!.at;
        for (const [wait, kept] of [
          [39 * DAY, true],
          [DAY - 1, true],
          [1, false],
        ] as const) {
          const { clockMs } = await driver.execute('mobile: advanceClock', { ms: wait });
          const info = await driver.execute('mobile: deviceInfo');
          const after = `${(clockMs - removedAt) / DAY} days`;
          const held = info.recentlyDeleted.map((d) => d.id);
          expectEqual(['FUS-12'], `Recently Deleted after ${after}`, held, kept ? ids : []);
          expectEqual(['FUS-12'], `free bytes after ${after}`, info.freeBytes, kept ? 2 * GB - 1 : 2 * GB - 1 + 5000);
        }
      }),
    ),
};
