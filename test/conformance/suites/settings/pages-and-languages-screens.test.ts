/** The settings, languages and Help checks through the screens, and hand-made broken screens they must catch. */
import { describe, expect, it } from 'vitest';
import { UI_SETTINGS_CHECKS } from '../../../../conformance/suites/settings/pages-and-languages-screens.js';
import { passOn } from '../fixtures/device-run.js';
import { PHONES, runScreens, withoutLines, type Alter } from '../fixtures/ui-screens-run.js';

const IDS = Array.from({ length: 11 }, (_, i) => `SET-${String(i + 1).padStart(2, '0')}`);

/** The verdict of each check and the requirements its failure names, on both phones. */
async function failures(alter: Alter) {
  const { cells, summary } = await runScreens(UI_SETTINGS_CHECKS, IDS, { alter });
  const failed = summary.checks.flatMap((c) =>
    c.cells.filter((cell) => cell.verdict !== 'pass').map((cell) => [c.checkId, cell.failure?.requirements]),
  );
  return { cells, failed };
}

describe('settings through the screens', () => {
  it('pass against the reference app on Android and iOS; SET-07 stays with the in-process check', async () => {
    const { cells, verdicts } = await runScreens(UI_SETTINGS_CHECKS, IDS);
    expect(cells).toEqual({
      'settings-pages-and-menus-screens': passOn(...PHONES),
      'settings-help-version-screens': passOn(...PHONES),
      'settings-help-contact-and-faq-screens': passOn(...PHONES),
      'settings-languages-screens': passOn(...PHONES),
    });
    expect(verdicts).toEqual({ ...Object.fromEntries(IDS.map((id) => [id, 'pass'])), 'SET-07': 'untested' });
  }, 60_000);

  const broken: [string, Alter, string, string][] = [
    ['a Language list without Thai', withoutLines(/"Thai"/), 'settings-languages-screens', 'SET-06'],
    ['a Help page without App Log', withoutLines(/"help-app-log"/), 'settings-pages-and-menus-screens', 'SET-08'],
    [
      'a Contact Us without YouTube',
      (driver) => ({
        text: async (id) => (await driver.text(id)).replace('YouTube', 'Instagram'),
      }),
      'settings-help-contact-and-faq-screens',
      'SET-10',
    ],
    [
      'a Power saving switch that does not switch',
      (driver) => ({ tap: async (id) => (id === 'more-power-saving' ? undefined : driver.tap(id)) }),
      'settings-pages-and-menus-screens',
      'SET-02',
    ],
    [
      'a Version that is not the installed one',
      (driver) => ({ pageSource: async () => (await driver.pageSource()).replace(/"Version (\d+)/, '"Version 9$1') }),
      'settings-help-version-screens',
      'SET-09',
    ],
  ];
  it.each(broken)(
    'catch %s',
    async (_, alter, check, requirement) => {
      const { failed } = await failures(alter);
      expect(failed).toEqual([
        [check, [requirement]],
        [check, [requirement]],
      ]);
    },
    60_000,
  );
});
