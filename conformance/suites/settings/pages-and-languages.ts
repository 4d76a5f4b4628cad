/**
 * The app's pages, settings, languages and Help (seed 000 §6, §6.4, §6.4.6, §6.4.7), checked on the app model. The
 * menus and language lists are the seed's, written out on purpose in seed-lists.ts: the check must not read
 * them from the code it checks. The same lists and the language walk (expectations.ts) serve the checks
 * through the screens (pages-and-languages-screens.ts).
 */
import fc from 'fast-check';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce, checkProperty } from '../../kit/property.js';
import type { Language } from '../../../simulators/app/settings.js';
import { expectEqual, newWorld } from '../../kit/device-support.js';
import { expectContactUs, expectFaq, expectSeedLanguages, expectVersionShown } from './expectations.js';
import { NOT_OFFERED, SEED_MENUS, SET_04, SET_05, SET_06, SWITCHES, type Switch } from './seed-lists.js';
import { where } from '../../kit/applies.js';

const menus: Check = {
  id: 'settings-pages-and-menus',
  title:
    'The app has the Home, Backup, 2FA and More pages; More offers the seven settings and Help; Help offers Contact Us, FAQ, App Log and Version',
  area: 'SET',
  requirements: ['SET-01', 'SET-02', 'SET-08'],
  scope: 'device',
  applies: where({ device: 'alone' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const { app } = await newWorld(context, { pair: false });
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
  id: 'settings-help-version',
  title: 'Help > Version shows the version of the installed app',
  area: 'SET',
  requirements: ['SET-09'],
  scope: 'device',
  applies: where({ device: 'alone' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const profile = context.column.profile;
      for (const v of VERSIONS[profile.platform]) {
        const { app } = await newWorld(context, { pair: false, version: v });
        expectVersionShown(app.help('Version'), v);
      }
    }),
};

const contactAndFaq: Check = {
  id: 'settings-help-contact-and-faq',
  title:
    'Help > Contact Us shows a number, an e-mail address, a website, Facebook, Twitter, LinkedIn, YouTube and a mailing list; FAQ shows questions',
  area: 'SET',
  requirements: ['SET-10', 'SET-11'],
  scope: 'device',
  applies: where({ device: 'alone' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const { app } = await newWorld(context, { pair: false });
      expectContactUs(app.help('Contact Us'));
      expectFaq(app.help('FAQ'));
    }),
};

const languages: Check = {
  id: 'settings-languages',
  title: 'The app offers exactly the seed’s 31 languages, English by default',
  area: 'SET',
  requirements: ['SET-03', 'SET-04', 'SET-05', 'SET-06'],
  scope: 'device',
  applies: where({ device: 'alone' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const { app } = await newWorld(context, { pair: false });
      /** Whether the app takes `language`: a language it refuses leaves the setting as it was. */
      const takes = (language: string) => {
        try {
          app.updateSettings({ language: language as Language });
          return true;
        } catch {
          return false;
        }
      };
      await expectSeedLanguages({
        offered: async () => app.languages(),
        current: async () => app.settings.language,
        async choose(language) {
          takes(language);
          return app.settings.language;
        },
        refuses: async (other) => !takes(other),
      });
    }),
};

const firstStart: Check = {
  id: 'settings-first-start-language',
  title:
    'On first start the app shows the language chosen when the phone was set up, or English when it does not offer it',
  area: 'SET',
  requirements: ['SET-07'],
  scope: 'device',
  applies: where({ device: 'alone' }),
  run: (context: DeviceCheckContext) => {
    const setup = fc.oneof(fc.constantFrom(...SET_04, ...SET_05, ...SET_06), fc.constantFrom(...NOT_OFFERED));
    const property = fc.asyncProperty(setup, async (language) => {
      const { app } = await newWorld(context, {
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

export const settingsChecks: Check[] = [menus, version, contactAndFaq, languages, firstStart];
