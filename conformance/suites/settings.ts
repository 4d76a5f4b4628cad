/**
 * The app's pages, settings, languages and Help (seed 000 §6, §6.4, §6.4.6, §6.4.7). The menus and language lists
 * below are the seed's, written out here on purpose: the check must not read them from the code it checks. The
 * same lists and the language walk serve the checks through the screens (ui-settings.ts).
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../framework/check.js';
import { checkOnce, checkProperty } from '../framework/property.js';
import { LANGUAGES, type AppSettings, type Language } from '../../simulators/app/settings.js';
import { deviceNeeds, expectEqual, expectTrue, newWorld } from './device-support.js';

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

/** Help > Version names `version` as a whole (1.6.2 in "Version 1.6.2", not in "Version 11.6.2"). */
export function expectVersionShown(shown: string, version: string): void {
  expectTrue(
    ['SET-09'],
    new RegExp(`(^|\\D)${version.replace(/\./g, '\\.')}(\\D|$)`).test(shown),
    `Help > Version shows "${shown}" for version ${version}`,
  );
}

/** The language setting as a check sees it: on the app model, or through the Language screen. */
export interface LanguageSetting {
  /** The languages the app offers. */
  offered(): Promise<readonly string[]>;
  current(): Promise<string>;
  /** Chooses `language`; the language the app keeps afterwards. */
  choose(language: string): Promise<string>;
  /** Whether the app refuses `other` as its language. */
  refuses(other: string): Promise<boolean>;
}

/** English by default, each of the seed's languages offered and kept once chosen, 31 in all, nothing else. */
export async function expectSeedLanguages(setting: LanguageSetting): Promise<void> {
  expectEqual(['SET-03'], 'the language of a new app on an English phone', await setting.current(), 'English');
  const offered = new Set<string>(await setting.offered());
  for (const [rule, list] of [
    ['SET-04', SET_04],
    ['SET-05', SET_05],
    ['SET-06', SET_06],
  ] as const) {
    for (const language of list) {
      expectTrue([rule], offered.has(language), `${language} is not in the language list`);
      expectEqual([rule], `the language after choosing ${language}`, await setting.choose(language), language);
    }
  }
  expectEqual(['SET-03'], 'how many languages are offered', offered.size, 31);
  for (const other of NOT_OFFERED) {
    const refused = await setting.refuses(other);
    expectTrue(['SET-03'], refused && !offered.has(other), `"${other}" was accepted as a language`);
  }
}

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
      expectEqual(['SET-01'], 'the main pages', app.menu('main'), SEED_MENUS.main);
      expectEqual(['SET-02'], 'what More offers', [...app.menu('more')].sort(), [...SEED_MENUS.more].sort());
      for (const key of Object.keys(SWITCHES) as Switch[]) {
        const before = app.settings[key];
        app.updateSettings({ [key]: !before });
        expectEqual(['SET-02'], `${key} after switching it`, app.settings[key], !before);
      }
      expectEqual(['SET-08'], 'what Help offers', [...app.menu('help')].sort(), SEED_MENUS.help);
    }),
};

/** Versions Help > Version is checked with: the app model installs each; the screens show the installed one. */
export const VERSIONS = { android: ['1.5.0', '1.6.2', '2.0.1'], ios: ['268', '281', '312'] } as const;

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
      for (const v of VERSIONS[profile.platform]) {
        const { app } = await newWorld(context.session, profile, { pair: false, version: v });
        expectVersionShown(app.help('Version'), v);
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
      await expectSeedLanguages({
        offered: async () => LANGUAGES,
        current: async () => app.settings.language,
        async choose(language) {
          app.updateSettings({ language: language as Language });
          return app.settings.language;
        },
        async refuses(other) {
          try {
            app.updateSettings({ language: other as Language });
            return false;
          } catch {
            return true;
          }
        },
      });
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
