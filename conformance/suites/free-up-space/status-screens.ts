/**
 * What the More page says of free up space, through the screens on a simulated phone (seed 000 §6.4.5): the
 * status under the switch, word for word, as the switch is turned on and off again; on iOS the note that removed
 * items stay up to 40 days in "Recently Deleted", and none on Android; and what the app says of each change, "Free
 * up space is successfully enabled." / "… disabled." and, once a limit is picked, "Free up space limit is
 * successfully set." (each procedure's step 5); and the limit picked as the seed picks it, a tap then Done.
 */
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { expectEqual, expectTrue } from '../../kit/device-support.js';
import { setSwitch, state, withApp } from '../../kit/screens-support.js';
import { elementsIn } from '../../kit/page-elements.js';
import { where } from '../../kit/applies.js';
import type { Platform } from '../../../simulators/device/device-spec.js';

/** The seed's two status texts. */
const SEED_STATUS = {
  off: 'Disabled. Recommended to enable this feature to remove contents from your device that are safely backed up, in order to free up space and optimize performance.',
  on: 'Enabled. Safely backed up contents will be removed from your device to free up space, and performance has been optimized.',
} as const;

/** What the app says once the switch is turned on or off, or a limit picked. */
const SEED_TOAST = {
  on: 'Free up space is successfully enabled.',
  off: 'Free up space is successfully disabled.',
  limit: 'Free up space limit is successfully set.',
} as const;

/** What the iOS note must say: where the items go, for how long, and the advice to clear the folder. */
const NOTE_SAYS = [/Recently Deleted/, /up to 40 days/, /manually clear/i];

/** The dialog's text, or a note that none is shown. */
async function dialogText(driver: AppDriver): Promise<string> {
  return (await state(driver)).message === null ? '(no dialog)' : driver.text('message-text');
}

/** Turns the switch: what the app says of it, and the status under it after. */
async function turn(driver: AppDriver, on: boolean): Promise<{ said: string; status: string }> {
  await setSwitch(driver, 'more-free-up-space', on);
  return { said: await dialogText(driver), status: await driver.text('more-free-up-status') };
}

/**
 * Picks a limit (free up space is on) as the seed does it, a tap on the limit then Done: the tap only marks it, the
 * picker open and the setting as it was (FUS-18); Done sets it and returns to More. What the app says then.
 */
async function pickLimit(driver: AppDriver, gb: 2 | 4 | 6 | 8 | 10): Promise<string> {
  await driver.tap('more-free-up-limit');
  const before = (await state(driver)).settings.freeUpSpaceLimitGb;
  await driver.tap(`limit-${gb}`);
  const marked = elementsIn(await driver.pageSource()).find((e) => e.id === `limit-${gb}`);
  const picked = await state(driver);
  const after = { screen: picked.screen, limit: picked.settings.freeUpSpaceLimitGb, marked: marked?.checked };
  expectEqual(['FUS-18'], `the picker once ${gb} GB is tapped`, after, {
    screen: 'free-up-limit',
    limit: before,
    marked: true,
  });
  await driver.tap('limit-done');
  const done = await state(driver);
  const set = { screen: done.screen, limit: done.settings.freeUpSpaceLimitGb };
  expectEqual(['FUS-18'], 'the page and the limit once Done is tapped', set, { screen: 'more', limit: gb });
  return dialogText(driver);
}

const PLATFORM_NAMES = { android: 'Android', ios: 'iOS' } as const;

function uiFreeUpStatusCheck(platform: Platform): Check {
  return {
    id: `free-up-space-status-${platform}-screens`,
    title: `Through the screens on ${PLATFORM_NAMES[platform]}: Free up space says "Disabled. Recommended …" while off and "Enabled. Safely backed up contents …" while on, that each change was made successfully, and that a limit tapped is set on Done${platform === 'ios' ? '; a note says removed items stay up to 40 days in Recently Deleted' : ''}`,
    area: 'FUS',
    requirements: platform === 'ios' ? ['FUS-15', 'FUS-16', 'FUS-17', 'FUS-18'] : ['FUS-15', 'FUS-17', 'FUS-18'],
    scope: 'device',
    tags: ['ui'],
    applies: where({ device: 'paired', platform }),
    run: (context: DeviceCheckContext) =>
      checkOnce(() =>
        withApp(context, async (driver) => {
          await driver.tap('tab-more');
          const first = await driver.text('more-free-up-status');
          expectEqual(['FUS-15'], 'the status as the app starts', first, SEED_STATUS.off);
          for (const on of [true, false, true]) {
            const { said, status } = await turn(driver, on);
            const turned = `once turned ${on ? 'on' : 'off'}`;
            expectEqual(['FUS-15'], `the status ${turned}`, status, on ? SEED_STATUS.on : SEED_STATUS.off);
            expectEqual(['FUS-17'], `what the app says ${turned}`, said, on ? SEED_TOAST.on : SEED_TOAST.off);
          }
          expectEqual(
            ['FUS-17'],
            'what the app says once a limit is picked',
            await pickLimit(driver, 8),
            SEED_TOAST.limit,
          );
          if (platform === 'ios') await expectIosNote(driver);
        }),
      ),
  };
}

async function expectIosNote(driver: AppDriver): Promise<void> {
  const noted = (await driver.pageSource()).includes('"more-free-up-note"');
  expectTrue(['FUS-16'], noted, 'iOS shows no note on Recently Deleted');
  const note = await driver.text('more-free-up-note');
  for (const says of NOTE_SAYS) expectTrue(['FUS-16'], says.test(note), `the iOS note "${note}" lacks ${says}`);
}

export const UI_FREE_UP_STATUS_CHECKS = [uiFreeUpStatusCheck('android'), uiFreeUpStatusCheck('ios')];
