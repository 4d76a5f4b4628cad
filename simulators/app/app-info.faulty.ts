/** The self-test's faulty variants of Help, a first launch's asks and the first language (app-info.ts). */
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
  // Help > App Log only in debug builds: a release build's Help offers Contact Us, FAQ and Version.
  'app-log-only-in-debug-builds': {
    menuItems: (rule) => (menu) => (menu === 'help' ? rule(menu).filter((item) => item !== 'App Log') : rule(menu)),
  },
  // No Language in More: the app follows the phone's language, as Android 13's per-app language setting invites.
  'language-left-out-of-more': {
    menuItems: (rule) => (menu) => (menu === 'more' ? rule(menu).filter((item) => item !== 'Language') : rule(menu)),
  },
  // The 2FA page named Authenticator in the tab bar.
  '2fa-page-named-authenticator': {
    menuItems: (rule) => (menu) =>
      rule(menu).map((item) => (menu === 'main' && item === '2FA' ? 'Authenticator' : item)),
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
