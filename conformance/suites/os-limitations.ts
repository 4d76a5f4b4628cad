/**
 * What each OS allows (seed 000 §2.6.2, §1.2, §11): Android backs up documents from internal storage only and never
 * iOS-made HEIF/HEVC, yet restores them; iOS never backs up iTunes-synced media; iOS keeps capture date, location
 * and lens EXIF on the server and restores with only the last-modified date; Android keeps every byte and its
 * EXIF, name and place; neither keeps a restored file's timestamps.
 *
 * This file holds the list of those checks. They are in files by what they look at: what a backup leaves out
 * (os-limitations-backup.ts) and what a restore brings back (os-limitations-restore.ts, with its media and the
 * expectations on a restored item in os-limitations-restore-media.ts).
 */
import type { Check } from '../framework/check.js';
import { documentsInternalOnly, iosHeifOnAndroid, itunesSync } from './os-limitations-backup.js';
import { androidMetadata, iosMetadata, restoreIosHeifOnAndroid } from './os-limitations-restore.js';

export const osLimitationChecks: Check[] = [
  documentsInternalOnly,
  iosHeifOnAndroid,
  itunesSync,
  restoreIosHeifOnAndroid,
  androidMetadata,
  iosMetadata,
];
