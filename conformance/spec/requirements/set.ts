/** The app's pages, settings list, languages and help (seed 000 §6, §6.4, §6.4.6, §6.4.7). */
import type { Requirement } from './types.js';

export const SET_REQUIREMENTS = [
  {
    id: 'SET-01',
    statement: 'The app has four main pages: Home, Backup, 2FA and More.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6' },
  },
  {
    id: 'SET-02',
    statement:
      'More offers Automated backup, Backup while charging only, Power saving mode, Enhanced security for 2FA, Free up space, Language and Help.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4' },
  },
  {
    id: 'SET-03',
    statement: 'The app offers exactly 31 languages, English being the default.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.6' },
  },
  {
    id: 'SET-04',
    statement:
      'The languages include Arabic, Basque, Catalan, Chinese (Simplified), Chinese (Traditional), Czech, Danish, Dutch, English, Finnish and French.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.6' },
    interpretation:
      'Arabic (and Hebrew, SET-05) are written right to left; the seed lists them and states no layout rule for them, so the catalogue holds none (a mirrored layout would be the platforms’ guidance, not a seed’s statement or an ADVISORY source).',
  },
  {
    id: 'SET-05',
    statement:
      'The languages include German, Modern Greek, Hebrew, Hungarian, Indonesian, Italian, Japanese, Korean, Lithuanian, Norwegian and Polish.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.6' },
  },
  {
    id: 'SET-06',
    statement:
      'The languages include Portuguese (Brazilian), Portuguese (Portugal), Russian, Slovenian, Spanish, Swedish, Thai, Turkish and Vietnamese.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.6' },
  },
  {
    id: 'SET-07',
    statement: 'On first start the app shows the language chosen at setup after installation, falling back to English.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.6' },
    interpretation:
      'The seed says both "English (default)" and "the chosen language upon setup": the device’s setup language if offered, else English.',
  },
  {
    id: 'SET-08',
    statement: 'Help offers Contact Us, FAQ, App Log and Version.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.7' },
  },
  {
    id: 'SET-09',
    statement: 'Help > Version shows the version of the installed app.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.7' },
  },
  {
    id: 'SET-10',
    statement:
      'Help > Contact Us shows a contact number, an e-mail address and a website, the social media accounts Facebook, Twitter, LinkedIn and YouTube, and a mailing list to subscribe to.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.7' },
    interpretation:
      'The details themselves are the vendor’s: the kit asks for one of each (a number, an address, a web address) and the four networks by name.',
  },
  {
    id: 'SET-11',
    statement: 'Help > FAQ shows the Frequently Asked Questions: a page so titled with questions on it.',
    level: 'MUST',
    appliesTo: ['app', 'android', 'ios'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§6.4.7' },
    interpretation: 'The seed names no question: the kit asks for the title and at least one question (ending in "?").',
  },
] as const satisfies readonly Requirement[];
