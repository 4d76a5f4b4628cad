/** The self-test's faulty variants of a restore job (restore-job.ts): what it skips, reports, resumes and places. */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';
import { extensionOf } from '../../conformance/spec/file-types.js';
import { HEIF_HEVC } from './backup-sources.js';

export const RESTORE_JOB_FAULTS = {
  'restore-overwrites-present-items': {
    // Restores an item whose bytes are still on the device all the same.
    restoreSkips: () => () => false,
  },
  'skipped-reported-as-restored': {
    reportedAs: () => () => 'restored',
  },
  'resume-skips-stopped-item': {
    // Resume goes on after the item the job stopped before, as if that one were done.
    resumeAt: (rule) => (index) => rule(index) + 1,
  },
  'android-restore-to-one-folder': {
    // Every restored Android file under its name in one Restored folder, not at its original path.
    restoredPlace: (rule) => (platform, meta, serial) =>
      platform === 'android'
        ? { ...rule(platform, meta, serial), path: `/storage/emulated/0/Restored/${meta.name}` }
        : rule(platform, meta, serial),
  },
  'ios-restore-keeps-names': {
    // The original file name in the Photos library, where iOS gives a restored item a name of its own.
    restoredPlace: (rule) => (platform, meta, serial) =>
      platform === 'ios'
        ? { ...rule(platform, meta, serial), name: meta.name, path: `/var/mobile/Media/DCIM/100APPLE/${meta.name}` }
        : rule(platform, meta, serial),
  },
  'restored-secret-cut-to-16': {
    // The 16 characters the app shows a secret key in (DESIGN.md), so a longer key gives other codes.
    restoredAccounts: (rule) => (accounts) => rule(accounts).map((a) => ({ ...a, secret: a.secret.slice(0, 16) })),
  },
  'restored-timestamps-kept': {
    // Sets a restored file's modification time back to the original's.
    restoredDetails: (rule) => (platform, meta, now) => ({
      ...rule(platform, meta, now),
      modifiedAt: meta.modifiedAt ?? now,
    }),
  },
  'ios-restore-keeps-exif': {
    // Writes the backed-up EXIF back whole on iOS, as on Android.
    restoredDetails: (rule) => (platform, meta, now) =>
      platform === 'ios' ? { ...rule(platform, meta, now), exif: meta.exif ?? {} } : rule(platform, meta, now),
  },
  'sd-card-restored-without-permission': {
    // Writes to the SD card without asking for the permission.
    needsSdCardPermission: () => () => false,
  },
  'ios-heif-not-restored-on-android': {
    // The backup's exclusion of iPhone-made HEIF/HEVC on Android applied to restore too: such items are skipped.
    restoreSkips: (rule) => (item, onDevice, platform) =>
      (platform === 'android' && HEIF_HEVC.has(extensionOf(item.meta.name))) || rule(item, onDevice, platform),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
