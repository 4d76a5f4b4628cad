/**
 * The expectations on Help > Version and on the language setting, shared by the checks on the app model
 * (pages-and-languages.ts) and through the screens (pages-and-languages-screens.ts): each gives them the app as it sees it.
 */
import { expectEqual, expectTrue } from '../../kit/device-support.js';
import { NOT_OFFERED, SET_04, SET_05, SET_06 } from './seed-lists.js';

/** Help > Version names `version` as a whole (1.6.2 in "Version 1.6.2", not in "Version 11.6.2"). */
export function expectVersionShown(shown: string, version: string): void {
  expectTrue(
    ['SET-09'],
    new RegExp(`(^|\\D)${version.replace(/\./g, '\\.')}(\\D|$)`).test(shown),
    `Help > Version shows "${shown}" for version ${version}`,
  );
}

/** SET-10: Contact Us names a way of each kind, the four networks and the mailing list (seed 000 §6.4.7). */
const CONTACT_US_PARTS: readonly [string, RegExp][] = [
  ['a contact number', /\+?\d[\d ()-]{6,}\d/],
  ['an e-mail address', /[\w.+-]+@[\w-]+(\.[\w-]+)+/],
  ['a website', /https?:\/\/[\w-]+(\.[\w-]+)+|\bwww\.[\w-]+(\.[\w-]+)+/i],
  ['Facebook', /\bFacebook\b/],
  ['Twitter', /\bTwitter\b/],
  ['LinkedIn', /\bLinkedIn\b/],
  ['YouTube', /\bYouTube\b/],
  ['a mailing list to subscribe to', /\bsubscribe\b[^\n]*\bmailing list\b|\bmailing list\b[^\n]*\bsubscribe\b/i],
];

export function expectContactUs(shown: string): void {
  const lacking = CONTACT_US_PARTS.filter(([, pattern]) => !pattern.test(shown)).map(([what]) => what);
  expectEqual(['SET-10'], `what Help > Contact Us lacks in ${JSON.stringify(shown)}`, lacking, []);
}

/** SET-11: the FAQ page is titled so and asks at least one question. */
export function expectFaq(shown: string): void {
  const titled = /Frequently Asked Questions|\bFAQs?\b/i.test(shown);
  const questions = shown.split(/(?<=\?)/).filter((part) => /\w\s*\?$/.test(part.trim())).length;
  expectTrue(['SET-11'], titled && questions > 0, `Help > FAQ shows ${JSON.stringify(shown)}`);
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
