/** The self-test's faulty variant of whether a push request raises a notification (notifications.ts). */
import type { AppFault } from '../../../conformance/spec/faults.js';
import type { AppRuleOverride } from '../app-rules.js';

export const NOTIFICATIONS_FAULTS = {
  // Reads whether the user answered the notification prompt, not what the answer was.
  'notification-when-denied': {
    notificationsAllowed: (said) => (device) => device.permissions.answers.has('notifications') || said(device),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
