/**
 * How much of a backup the app lets the user restore (seed 000 §2.6.2): "Versions earlier than v1.6.0 does not
 * support folder-by-folder or item-by-item restore. Only the complete set of backed-up photos and/or videos are
 * available to be restored." From the minimum on (1.6.0 on Android; every iOS build the migration takes, 268 on,
 * as conformance/spec/versions.ts reads the seed) the file explorer picks single items and folders; before it a
 * kind is restored whole.
 */
import { appRestoresItemByItem } from '../../conformance/spec/versions.js';
import type { Platform } from '../device/device-spec.js';

export type RestoreScope = 'item-by-item' | 'complete-set';

export function restoreScope(platform: Platform, appVersion: string): RestoreScope {
  return appRestoresItemByItem(platform, appVersion) ? 'item-by-item' : 'complete-set';
}
