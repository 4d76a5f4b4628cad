/**
 * What each OS leaves out of a backup, through the app's screens: files put on the phone with `mobile: addMedia`
 * (its storage and where the file came from: the phone, iTunes, an iPhone), Backup, and the Restore file explorer
 * for what the server then holds. The files and which of them a backup takes are left-out-of-backup.ts's.
 *
 * `mobile: addMedia` names each file itself (`IMG_0001.<ext>`) and puts documents and audio in the Documents
 * folder: LIM-01's song goes there rather than to Music, which the rule (internal storage or SD card) does not
 * depend on. The restores are in restored-files-screens.ts.
 */
import { kindOfFile } from '../../spec/file-types.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { expectEqual, sorted } from '../../kit/device-support.js';
import { LIMIT_FILES } from './left-out-of-backup.js';
import { addItems, backUp, heldItems, onPairedPhone } from '../../kit/screens-held-items.js';
import { where, type Needs } from '../../kit/applies.js';

interface Head {
  readonly id: string;
  readonly inProcess: string;
  readonly title: string;
  readonly needs: Needs;
}

/** One backup of the requirement's files through the screens: the explorer then lists exactly those it takes. */
function uiLimitCheck(requirement: keyof typeof LIMIT_FILES, head: Head): Check {
  const files = LIMIT_FILES[requirement];
  return {
    id: head.id,
    title: `Through the screens: ${head.title}`,
    area: 'LIM',
    requirements: [requirement],
    scope: 'device',
    tags: ['ui'],
    applies: where({ overWebDriverOf: head.inProcess, device: 'paired', ...head.needs }),
    run: (context: DeviceCheckContext) =>
      onPairedPhone(context, async (driver) => {
        const batches = files.map(({ ext, storage, origin }) => ({
          kind: kindOfFile(`f.${ext}`) ?? ('unsupported' as const),
          extension: ext,
          ...(storage ? { storage } : {}),
          ...(origin ? { origin } : {}),
        }));
        const names = await addItems(driver, batches);
        await backUp(driver, [requirement]);
        const held = [...(await heldItems(driver)).keys()];
        const expected = names.filter((_, i) => files[i]!.backedUp);
        const what = `items the server lists of ${names.map((n, i) => `${n} (${files[i]!.stem})`).join(', ')}`;
        expectEqual([requirement], what, sorted(held), sorted(expected));
      }),
  };
}

export const UI_OS_LIMITATION_CHECKS: readonly Check[] = [
  uiLimitCheck('LIM-01', {
    id: 'os-limitations-documents-internal-only-screens',
    inProcess: 'os-limitations-documents-internal-only',
    title: 'Android backs up documents from the internal storage only; documents on the SD card are skipped',
    needs: { platform: 'android', sdCard: true },
  }),
  uiLimitCheck('LIM-02', {
    id: 'os-limitations-ios-heif-not-backed-up-on-android-screens',
    inProcess: 'os-limitations-ios-heif-not-backed-up-on-android',
    title: 'Android never backs up HEIF/HEIC photos or HEVC videos made on an iPhone, but backs up its own',
    needs: { platform: 'android' },
  }),
  uiLimitCheck('LIM-04', {
    id: 'os-limitations-itunes-sync-not-backed-up-screens',
    inProcess: 'os-limitations-itunes-sync-not-backed-up',
    title: 'iOS never backs up photos and videos synced from iTunes',
    needs: { platform: 'ios' },
  }),
];
