/** The self-test's faulty variant of what Help shows (app-info.ts). */
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
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
