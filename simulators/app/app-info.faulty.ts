/** The self-test's faulty variants of what Help shows and what a first launch asks for (app-info.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const APP_INFO_FAULTS = {
  // Contact Us without the social media line: number, e-mail, website and mailing list only.
  'contact-us-without-social-media': {
    helpPage: (rule) => (item, version) =>
      item === 'Contact Us'
        ? rule(item, version)
            .split('\n')
            .filter((line) => !line.includes('Facebook'))
            .join('\n')
        : rule(item, version),
  },
  // A first launch that leaves out a permission the seed lists.
  'write-storage-not-asked': {
    // Android 10's scoped storage read as needing no Write External Storage.
    firstLaunchPermissions: (rule) => (device) =>
      rule(device).filter((permission) => permission !== 'write-external-storage'),
  },
  'auto-launch-not-asked': {
    firstLaunchPermissions: (rule) => (device) => rule(device).filter((permission) => permission !== 'auto-launch'),
  },
  'ios-notifications-not-asked': {
    // Asks for notifications later, at the first push, not on first launch.
    firstLaunchPermissions: (rule) => (device) => rule(device).filter((permission) => permission !== 'notifications'),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
