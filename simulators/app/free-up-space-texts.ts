/**
 * What free up space says (seed 000 §6.4.5, §6.4.7: App Log): the status under its switch, word for word from the
 * seed, the iOS note on Recently Deleted, and the App Log entry each outcome writes, of the types "Free up space
 * info" and "Free up space error".
 */
import type { Platform } from '../device/device-spec.js';
import type { LogCategory, LogLevel } from './app-log.js';

export const FREE_UP_STATUS = {
  off: 'Disabled. Recommended to enable this feature to remove contents from your device that are safely backed up, in order to free up space and optimize performance.',
  on: 'Enabled. Safely backed up contents will be removed from your device to free up space, and performance has been optimized.',
} as const;

export const IOS_RECENTLY_DELETED_NOTE =
  'For iOS devices, due to operating system limitations, the removed items will remain in “Recently Deleted” folder for up to 40 days. It is highly recommended to manually clear the folder to release storage space quicker.';

/** The status under the Free up space switch. */
export function freeUpStatusText(enabled: boolean): string {
  return enabled ? FREE_UP_STATUS.on : FREE_UP_STATUS.off;
}

/** The note beside the switch: iOS only, where removed items wait in Recently Deleted. */
export function freeUpNote(platform: Platform): string | undefined {
  return platform === 'ios' ? IOS_RECENTLY_DELETED_NOTE : undefined;
}

/** What the user just changed on free up space: the switch on or off, or the limit picked. */
export type FreeUpChange = 'enabled' | 'disabled' | 'limit-set';

/** The toast each change shows (seed 000 §6.4.5, each procedure's step 5). */
export function freeUpToast(change: FreeUpChange): string {
  return change === 'limit-set'
    ? 'Free up space limit is successfully set.'
    : `Free up space is successfully ${change}.`;
}

/** How one run of free up space ended: items removed and archived, a refusal on iOS, or an archive that failed. */
export type FreeUpOutcome =
  { readonly removed: number; readonly bytes: number } | { readonly refused: number } | { readonly failed: string };

export interface LogLine {
  readonly category: LogCategory;
  readonly level: LogLevel;
  readonly message: string;
}

/** The App Log entry of an outcome: Free up space Info when it did or was told not to, Error when it failed. */
export function freeUpLogEntry(outcome: FreeUpOutcome): LogLine {
  if ('failed' in outcome)
    return { category: 'Free up space', level: 'Error', message: `Archiving failed: ${outcome.failed}` };
  if ('refused' in outcome)
    return { category: 'Free up space', level: 'Info', message: `Deletion of ${outcome.refused} items not allowed.` };
  const message = `Freed ${outcome.bytes} bytes: ${outcome.removed} items archived.`;
  return { category: 'Free up space', level: 'Info', message };
}
