/**
 * The app's pages, settings, languages and Help through its screens (seed 000 §6, §6.4, §6.4.6, §6.4.7): the tab
 * bar, the More page's entries and switches, the Language list and Help, read from page sources and element texts
 * over WebDriver. The expected menus and languages are seed-lists.ts's, written out from the seed.
 *
 * Not through the screens:
 * - SET-07, the first language on a phone set up in another: a session starts on a phone set up in English, and
 *   no capability sets the phone's setup language (honouring `appium:language` / `appium:locale`, as
 *   UiAutomator2 and XCUITest do, would make it visible). settings-first-start-language checks it.
 * - SET-09 for other versions than the installed one: no capability installs another version of the app, so the
 *   screens show the installed one only (as `mobile: deviceInfo` reports it); settings-help-version checks three per
 *   platform.
 * - Languages outside the seed's list are "refused" by not being offered: the Language screen is a list to pick
 *   from, with nowhere to type one.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import { expectEqual, expectTrue } from '../../kit/device-support.js';
import {
  expectContactUs,
  expectFaq,
  expectSeedLanguages,
  expectVersionShown,
  type LanguageSetting,
} from './expectations.js';
import { SEED_MENUS, SWITCHES, type Switch } from './seed-lists.js';
import { elementsIn, shown, type ShownElement } from '../../kit/page-elements.js';
import { state, withApp } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';

/** The element that offers a menu item: labelled with it, or with it and its value ("Language: English"). */
const offering = (elements: readonly ShownElement[], item: string) =>
  elements.find((e) => e.text === item || e.text.startsWith(`${item}:`) || e.text.startsWith(`${item} `));

/** Taps the element that offers `item` on the screen now; a missing one fails `requirements`. */
async function tapItem(driver: AppDriver, requirements: readonly string[], item: string): Promise<void> {
  const element = offering(elementsIn(await driver.pageSource()), item);
  expectTrue(requirements, element !== undefined, `no "${item}" on the ${(await state(driver)).screen} screen`);
  await driver.tap(element!.id);
}

const openMore = async (driver: AppDriver) => driver.tap('tab-more');

const menus: Check = {
  id: 'settings-pages-and-menus-screens',
  title:
    'Through the screens: the tab bar opens Home, Backup, 2FA and More; More offers the seven settings and Help, its switches keep what they are set to; Help offers Contact Us, FAQ, App Log and Version',
  area: 'SET',
  requirements: ['SET-01', 'SET-02', 'SET-08'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'settings-pages-and-menus', device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        const tabs = await shown(driver, /^tab-/);
        expectEqual(
          ['SET-01'],
          'the tab bar',
          tabs.filter((t) => t.id !== 'tab-bar').map((t) => t.text),
          SEED_MENUS.main,
        );
        for (const tab of tabs.filter((t) => t.id !== 'tab-bar')) {
          await driver.tap(tab.id);
          expectEqual(['SET-01'], `the page ${tab.text} opens`, await driver.text('screen-title'), tab.text);
        }

        await openMore(driver);
        const more = elementsIn(await driver.pageSource());
        const missing = SEED_MENUS.more.filter((item) => offering(more, item) === undefined);
        expectEqual(['SET-02'], 'what More lacks', missing, []);
        for (const [key, label] of Object.entries(SWITCHES) as [Switch, string][]) {
          const before = elementsIn(await driver.pageSource()).find((e) => e.text === label);
          expectTrue(['SET-02'], before?.checked !== undefined, `"${label}" is not a switch`);
          await driver.tap(before!.id);
          const after = elementsIn(await driver.pageSource()).find((e) => e.id === before!.id);
          expectEqual(['SET-02'], `"${label}" after switching it`, after?.checked, !before!.checked);
          expectEqual(['SET-02'], `${key} after switching it`, (await state(driver)).settings[key], !before!.checked);
        }

        await tapItem(driver, ['SET-02'], 'Help');
        expectEqual(['SET-02'], 'the page Help opens', await driver.text('screen-title'), 'Help');
        const help = elementsIn(await driver.pageSource());
        const lacking = SEED_MENUS.help.filter((item) => offering(help, item) === undefined);
        expectEqual(['SET-08'], 'what Help lacks', lacking, []);
        await tapItem(driver, ['SET-08'], 'App Log');
        expectEqual(['SET-08'], 'the page App Log opens', await driver.text('screen-title'), 'App Log');
      }),
    ),
};

const version: Check = {
  id: 'settings-help-version-screens',
  title: 'Through the screens: Help shows the version of the installed app',
  area: 'SET',
  requirements: ['SET-09'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'settings-help-version', device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        const installed = (await driver.execute('mobile: deviceInfo')).appVersion;
        await openMore(driver);
        await tapItem(driver, ['SET-09'], 'Help');
        const line = offering(elementsIn(await driver.pageSource()), 'Version');
        expectTrue(['SET-09'], line !== undefined, 'Help shows no version');
        expectVersionShown(line!.text, installed);
      }),
    ),
};

/** Help > `item` from More: the text it shows, its dialog closed again. */
async function helpShows(driver: AppDriver, requirements: readonly string[], item: string): Promise<string> {
  await openMore(driver);
  await tapItem(driver, requirements, 'Help');
  await tapItem(driver, requirements, item);
  const seen = await state(driver);
  const text = seen.message === null ? '' : await driver.text('message-text');
  if (seen.message !== null) await driver.tap('message-ok');
  await driver.tap('nav-back');
  return text;
}

const contactAndFaq: Check = {
  id: 'settings-help-contact-and-faq-screens',
  title: 'Through the screens: Help > Contact Us and FAQ show what the seed says they show',
  area: 'SET',
  requirements: ['SET-10', 'SET-11'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'settings-help-contact-and-faq', device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        expectContactUs(await helpShows(driver, ['SET-10'], 'Contact Us'));
        expectFaq(await helpShows(driver, ['SET-11'], 'FAQ'));
      }),
    ),
};

/** The Language screen from More: its radio buttons by label, and the one that is on. */
async function languageList(driver: AppDriver): Promise<ShownElement[]> {
  await openMore(driver);
  await tapItem(driver, ['SET-03'], 'Language');
  return (await shown(driver, /^language-/)).filter((e) => e.checked !== undefined);
}

function screensLanguage(driver: AppDriver): LanguageSetting {
  const current = async () => {
    const on = (await languageList(driver)).filter((e) => e.checked).map((e) => e.text);
    await driver.tap('nav-back');
    return on.length === 1 ? on[0]! : `${on.length} ticked: ${on.join(', ')}`;
  };
  let offered: readonly string[] | undefined;
  const offeredNow = async () => {
    if (!offered) {
      offered = (await languageList(driver)).map((e) => e.text);
      await driver.tap('nav-back');
    }
    return offered;
  };
  return {
    offered: offeredNow,
    current,
    async choose(language) {
      const option = (await languageList(driver)).find((e) => e.text === language);
      if (option) await driver.tap(option.id);
      else await driver.tap('nav-back');
      return current();
    },
    // The screen is a list to pick from: a language is refused by not being on it.
    refuses: async (other) => !(await offeredNow()).includes(other),
  };
}

const languages: Check = {
  id: 'settings-languages-screens',
  title: 'Through the screens: the Language list offers exactly the seed’s 31 languages, English ticked by default',
  area: 'SET',
  requirements: ['SET-03', 'SET-04', 'SET-05', 'SET-06'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'settings-languages', device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() => withApp(context, (driver) => expectSeedLanguages(screensLanguage(driver)))),
};

export const UI_SETTINGS_CHECKS: readonly Check[] = [menus, version, contactAndFaq, languages];
