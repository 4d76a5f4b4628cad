/** The self-test's faulty variants of carrying out free up space (free-up-space-on-device.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const FREE_UP_SPACE_ON_DEVICE_FAULTS = {
  'ios-frees-without-consent': {
    asksConsentToFree: () => () => false,
  },
  'android-asks-before-freeing': {
    // Asks the user before removing items on Android too, as iOS does.
    asksConsentToFree: () => () => true,
  },
  'freed-items-not-archived': {
    // Removes the items without telling the server, which then takes them as deleted by the user.
    archivedOnServer: () => () => [],
  },
  'frees-with-switch-off': {
    // The limit alone decides: turning the switch off does not stop free up space.
    freesUpSpace: () => () => true,
  },
  'ios-free-up-empties-recently-deleted': {
    // Empties Recently Deleted after freeing up space, so that the space it freed is free at once.
    emptiesRecentlyDeleted: () => (platform) => platform === 'ios',
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
