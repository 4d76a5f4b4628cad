/**
 * RST-20 through the app's screens (seed 000 §2.6.2; complete-set-before-1-6.ts): a phone whose app is just before
 * the item-by-item minimum pairs by QR, backs up two photos and loses them; its restore page shows no Browse into the
 * file explorer, and Photos ticked and Restore bring both back. What the screens cannot show is a single item chosen
 * anyway (there is no explorer to choose it in); restore-complete-set-before-1-6-android and -ios check that in
 * process.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { expectEqual, expectTrue } from '../../kit/device-support.js';
import { where } from '../../kit/applies.js';
import { justBefore, MINIMUM_VERSIONS } from '../../spec/versions.js';
import type { Platform } from '../../../simulators/device/device-spec.js';
import { addItem, backUp, openRestore } from './screens-support.js';
import { readScreen } from './screens-page-source.js';
import { pairThroughScreens, withApp } from '../../kit/screens-support.js';

function uiCompleteSetCheck(platform: Platform): Check {
  const before = justBefore(MINIMUM_VERSIONS.itemRestore.app[platform]);
  const inProcess = `restore-complete-set-before-1-6-${platform}`;
  return {
    id: `${inProcess}-screens`,
    title: `Through the screens: an ${platform === 'android' ? 'Android' : 'iOS'} app ${before} shows no file explorer and restores the photos whole`,
    area: 'RST',
    requirements: ['RST-20'],
    scope: 'device',
    tags: ['ui'],
    applies: where({ overWebDriverOf: inProcess, device: 'paired', platform }),
    run: (context: DeviceCheckContext) =>
      checkOnce(() =>
        withApp(
          context,
          async (driver) => {
            await pairThroughScreens(driver, context.session);
            const photos = [
              await addItem(driver, { kind: 'photo', size: 1201 }),
              await addItem(driver, { kind: 'photo', size: 1202 }),
            ];
            await backUp(driver);
            await driver.execute('mobile: deleteMedia', { ids: photos.map((p) => p.id) });
            await openRestore(driver);
            const page = await readScreen(driver);
            expectTrue(['RST-20'], !page.has('restore-browse-photo'), `app ${before}: the restore page offers Browse`);
            await driver.tap('restore-select-photo');
            await driver.tap('restore-start');
            const job = (await driver.execute('mobile: waitForIdle', {})).restore;
            expectEqual(['RST-20'], `app ${before}: photos restored`, job?.restored.photo, photos.length);
          },
          { appVersion: before },
        ),
      ),
  };
}

/** Over WebDriver with `mbsc run --via appium`; in process, restore-complete-set-before-1-6-android and -ios. */
export const uiCompleteSetChecks: Check[] = [uiCompleteSetCheck('android'), uiCompleteSetCheck('ios')];
