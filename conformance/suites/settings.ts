/**
 * The app's pages, settings, languages and Help (seed 000 §6, §6.4, §6.4.6, §6.4.7). The language lists below are
 * the seed's, written out here on purpose: the check must not read them from the code it checks.
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../framework/check.js';
import { checkOnce, checkProperty } from '../framework/property.js';
import { LANGUAGES, type AppSettings, type Language } from '../../simulators/app/settings.js';
import { deviceNeeds, expectEqual, expectTrue, newWorld } from './device-support.js';

const SET_04 = [
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
const SET_05 = [
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
const SET_06 = [
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
const NOT_OFFERED = ['Klingon', 'Esperanto', 'Latin', 'english', 'Greek', 'Chinese', 'Portuguese', 'Hindi', ''];

const menus: Check = {
  id: 'app-pages-and-menus',
  title:
    'The app has the Home, Backup, 2FA and More pages; More offers the seven settings and Help; Help offers Contact Us, FAQ, App Log and Version',
  area: 'SET',
  requirements: ['SET-01', 'SET-02', 'SET-08'],
  scope: 'device',
  applies: deviceNeeds({ pairs: false }),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const { app } = await newWorld(context.session, context.column.profile!, { pair: false });
      expectEqual(['SET-01'], 'the main pages', app.menu('main'), ['Home', 'Backup', '2FA', 'More']);
      const more = [
        'Automated backup',
        'Backup while charging only',
        'Power saving mode',
        'Enhanced security for 2FA',
        'Free up space',
        'Language',
        'Help',
      ];
      expectEqual(['SET-02'], 'what More offers', [...app.menu('more')].sort(), [...more].sort());
      // Each switch in More is a setting the app keeps.
      const switches: (keyof AppSettings)[] = [
        'automatedBackup',
        'backupWhileChargingOnly',
        'powerSaving',
        'freeUpSpace',
      ];
      for (const key of switches) {
        const before = app.settings[key];
        app.updateSettings({ [key]: !before });
        expectEqual(['SET-02'], `${key} after switching it`, app.settings[key], !before);
      }
      expectEqual(['SET-08'], 'what Help offers', [...app.menu('help')].sort(), [
        'App Log',
        'Contact Us',
        'FAQ',
        'Version',
      ]);
    }),
};

const version: Check = {
  id: 'app-help-version',
  title: 'Help > Version shows the version of the installed app',
  area: 'SET',
  requirements: ['SET-09'],
  scope: 'device',
  applies: deviceNeeds({ pairs: false }),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const profile = context.column.profile!;
      const versions = profile.platform === 'android' ? ['1.5.0', '1.6.2', '2.0.1'] : ['268', '281', '312'];
      for (const v of versions) {
        const { app } = await newWorld(context.session, profile, { pair: false, version: v });
        const shown = app.help('Version');
        expectTrue(
          ['SET-09'],
          new RegExp(`(^|\\D)${v.replace(/\./g, '\\.')}(\\D|$)`).test(shown),
          `Help > Version shows "${shown}" for version ${v}`,
        );
      }
    }),
};

const languages: Check = {
  id: 'app-languages',
  title: 'The app offers exactly the seed’s 31 languages, English by default',
  area: 'SET',
  requirements: ['SET-03', 'SET-04', 'SET-05', 'SET-06'],
  scope: 'device',
  applies: deviceNeeds({ pairs: false }),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const { app } = await newWorld(context.session, context.column.profile!, { pair: false });
      expectEqual(['SET-03'], 'the language of a new app on an English phone', app.settings.language, 'English');
      const offered = new Set<string>(LANGUAGES);
      for (const [rule, list] of [
        ['SET-04', SET_04],
        ['SET-05', SET_05],
        ['SET-06', SET_06],
      ] as const) {
        for (const language of list) {
          expectTrue([rule], offered.has(language), `${language} is not in the language list`);
          app.updateSettings({ language: language as Language });
          expectEqual([rule], `the language after choosing ${language}`, app.settings.language, language);
        }
      }
      expectEqual(['SET-03'], 'how many languages are offered', offered.size, 31);
      for (const other of NOT_OFFERED) {
        let refused = false;
        try {
          app.updateSettings({ language: other as Language });
        } catch {
          refused = true;
        }
        expectTrue(['SET-03'], refused && !offered.has(other), `"${other}" was accepted as a language`);
      }
    }),
};

const firstStart: Check = {
  id: 'app-first-start-language',
  title:
    'On first start the app shows the language chosen when the phone was set up, or English when it does not offer it',
  area: 'SET',
  requirements: ['SET-07'],
  scope: 'device',
  applies: deviceNeeds({ pairs: false }),
  run: (context: CheckContext) => {
    const profile = context.column.profile!;
    const setup = fc.oneof(fc.constantFrom(...SET_04, ...SET_05, ...SET_06), fc.constantFrom(...NOT_OFFERED));
    const property = fc.asyncProperty(setup, async (language) => {
      const { app } = await newWorld(context.session, profile, {
        pair: false,
        before: (d) => (d.setupLanguage = language),
      });
      const offered = [...SET_04, ...SET_05, ...SET_06].includes(language);
      expectEqual(
        ['SET-07'],
        `the first language on a phone set up in "${language}"`,
        app.settings.language,
        offered ? language : 'English',
      );
    });
    return checkProperty(property, context);
  },
};

export const settingsChecks: Check[] = [menus, version, languages, firstStart];
