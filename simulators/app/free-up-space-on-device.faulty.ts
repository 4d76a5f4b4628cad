/** The self-test's faulty variant of carrying out free up space (free-up-space-on-device.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const FREE_UP_SPACE_ON_DEVICE_FAULTS = {
  'ios-frees-without-consent': {
    asksConsentToFree: () => () => false,
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
