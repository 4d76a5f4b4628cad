/** The self-test's faulty variants of the web console (console-assets.ts): a faulty script in place of a straight one. */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';

export const CONSOLE_ASSETS_FAULTS = {
  'console-names-unescaped': {
    // Puts device and authenticator names into the page as markup.
    consoleAsset: (straight) => (file) => (file === 'names.js' ? 'names.faulty.js' : straight(file)),
  },
  'console-countdown-frozen': {
    // Shows each countdown's first value and never counts it down.
    consoleAsset: (straight) => (file) => (file === 'countdown.js' ? 'countdown.faulty.js' : straight(file)),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
