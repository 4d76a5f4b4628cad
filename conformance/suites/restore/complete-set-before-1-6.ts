/**
 * RST-20, restore before app 1.6.0 (seed 000 §2.6.2: "Versions earlier than v1.6.0 does not support folder-by-folder
 * or item-by-item restore. Only the complete set of backed-up photos and/or videos are available to be restored").
 * On a phone of the column's platform whose app is just before the minimum (1.5.99 on Android, build 267 on iOS;
 * conformance/spec/versions.ts), the restore page offers no file explorer, and a photo chosen alone still brings
 * every backed-up photo back; with the app at the minimum itself the explorer is offered and one photo restores
 * alone. Through the app's screens it is restore-complete-set-before-1-6-screens.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { addMedia, expectEqual, expectTrue, newWorld } from '../../kit/device-support.js';
import { where } from '../../kit/applies.js';
import { justBefore, MINIMUM_VERSIONS } from '../../spec/versions.js';
import { openRestorePage, restoreFromPage } from '../../../simulators/app/restore-page.js';
import type { Platform } from '../../../simulators/device/device-spec.js';

/** Three photos backed up and then deleted from the phone; the restore page opened over them. */
async function pageAfterLoss(context: DeviceCheckContext, version: string) {
  const world = await newWorld(context, { version });
  const photos = [1, 2, 3].map((n) => addMedia(world, { name: `IMG_${n}.jpg`, size: 1000 + n }));
  await world.app.backup();
  for (const photo of photos) world.device.removeMedia(photo.id);
  const page = await openRestorePage(world.app);
  const [first] = page.selection.list('recent', 'photo');
  if (!first) throw new Error('the backed-up photos are not listed in Recent');
  // One photo chosen alone, as the explorer would: the page restores what its rule allows.
  page.selection.toggle(first);
  await restoreFromPage(world.app, page);
  // Counted, not named: iOS gives a restored photo a new name (RST-11).
  return { page, back: world.device.mediaItems().filter((m) => m.kind === 'photo').length, all: photos.length };
}

function completeSetCheck(platform: Platform): Check {
  const minimum = MINIMUM_VERSIONS.itemRestore.app[platform];
  const before = justBefore(minimum);
  return {
    id: `restore-complete-set-before-1-6-${platform}`,
    title: `An ${platform === 'android' ? 'Android' : 'iOS'} app before ${minimum} restores the complete set only; from ${minimum} single items`,
    area: 'RST',
    requirements: ['RST-20', 'RST-02'],
    scope: 'device',
    applies: where({ device: 'paired', platform }),
    run: (context: DeviceCheckContext) =>
      checkOnce(async () => {
        const old = await pageAfterLoss(context, before);
        expectTrue(['RST-20'], !old.page.offersExplorer, `app ${before}: the restore page offers the file explorer`);
        expectEqual(['RST-20'], `app ${before}: one photo chosen, the photos restored`, old.back, old.all);
        const current = await pageAfterLoss(context, minimum);
        expectTrue(['RST-02'], current.page.offersExplorer, `app ${minimum}: the restore page offers no file explorer`);
        expectEqual(['RST-02'], `app ${minimum}: one photo chosen, how many restored`, current.back, 1);
      }),
  };
}

export const completeSetChecks: Check[] = [completeSetCheck('android'), completeSetCheck('ios')];
