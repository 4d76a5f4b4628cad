/** The self-test's faulty variants of what Help shows and of the first language (app-info.ts). */
import type { AppFault } from '../../conformance/spec/faults.js';
import type { AppRuleOverride } from './app-rules.js';

export const APP_INFO_FAULTS = {
  // Version shows the major and minor number only (1.6 for 1.6.2).
  'version-without-patch': {
    helpPage: (rule) => (item, version) =>
      rule(item, item === 'Version' ? version.split('.').slice(0, 2).join('.') : version),
  },
  // FAQ is only a link to the website's questions.
  'faq-only-a-link': {
    helpPage: (rule) => (item, version) => (item === 'FAQ' ? 'FAQ: https://www.example.com/faq' : rule(item, version)),
  },
  // Starts in English whatever language the phone was set up in.
  'first-language-always-english': { initialLanguage: () => () => 'English' },
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
