/** The self-test's faulty variants of which OS versions the app installs on (os-support.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';
import { parseOsVersion } from './os-support.js';

export const OS_SUPPORT_FAULTS = {
  'android-7-supported': {
    // Installs on Android 7 too (a minimum SDK one release low).
    isOsSupported: (rule) => (platform, version) =>
      rule(platform, version) || (platform === 'android' && parseOsVersion(version)[0] === 7),
  },
  'ios-11-supported': {
    // Installs on iOS 11 too (a deployment target one release low).
    isOsSupported: (rule) => (platform, version) =>
      rule(platform, version) || (platform === 'ios' && parseOsVersion(version)[0] === 11),
  },
  'ipad-refused': {
    // Built for iPhone only: refuses to run on an iPad, whose model identifier the check reads.
    servesModel: (rule) => (platform, model) => rule(platform, model) && !(platform === 'ios' && /^iPad/.test(model)),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
