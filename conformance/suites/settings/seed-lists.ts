/**
 * The seed's languages, menus and switches for the app's settings (seed 000 §6, §6.4, §6.4.6, §6.4.7), written out
 * here on purpose: the check must not read them from the code it checks. The checks on the app model (pages-and-languages.ts)
 * and through the screens (pages-and-languages-screens.ts) both compare against them.
 */
import type { AppSettings } from '../../../simulators/app/settings.js';

export const SET_04 = [
  'Arabic',
  'Basque',
  'Catalan',
  'Chinese (Simplified)',
  'Chinese (Traditional)',
  'Czech',
  'Danish',
  'Dutch',
  'English',
  'Finnish',
  'French',
];
export const SET_05 = [
  'German',
  'Greek Modern',
  'Hebrew',
  'Hungarian',
  'Indonesian',
  'Italian',
  'Japanese',
  'Korean',
  'Lithuanian',
  'Norwegian',
  'Polish',
];
export const SET_06 = [
  'Portuguese (Brazilian)',
  'Portuguese (Portugal)',
  'Russian',
  'Slovenian',
  'Spanish',
  'Swedish',
  'Thai',
  'Turkish',
  'Vietnamese',
];
export const NOT_OFFERED = ['Klingon', 'Esperanto', 'Latin', 'english', 'Greek', 'Chinese', 'Portuguese', 'Hindi', ''];

/** The seed's menus (§6, §6.4, §6.4.7). */
export const SEED_MENUS = {
  main: ['Home', 'Backup', '2FA', 'More'],
  more: [
    'Automated backup',
    'Backup while charging only',
    'Power saving mode',
    'Enhanced security for 2FA',
    'Free up space',
    'Language',
    'Help',
  ],
  help: ['App Log', 'Contact Us', 'FAQ', 'Version'],
} as const;

/** The switches in More, by the setting each keeps and the seed's name for it. */
export const SWITCHES = {
  automatedBackup: 'Automated backup',
  backupWhileChargingOnly: 'Backup while charging only',
  powerSaving: 'Power saving mode',
  freeUpSpace: 'Free up space',
} as const satisfies Partial<Record<keyof AppSettings, (typeof SEED_MENUS.more)[number]>>;
export type Switch = keyof typeof SWITCHES;
