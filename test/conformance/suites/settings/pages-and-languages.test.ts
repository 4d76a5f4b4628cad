import { describe, expect, it } from 'vitest';
import { settingsChecks } from '../../../../conformance/suites/settings/pages-and-languages.js';
import { ANDROID, cellTable, IOS, passOn, runDeviceChecks, verdicts } from '../fixtures/device-run.js';

describe('app settings, languages and Help suite', () => {
  it('passes on Android and iOS', async () => {
    const summary = await runDeviceChecks(settingsChecks, { runs: 20 });
    expect(cellTable(summary)).toEqual({
      'settings-pages-and-menus': passOn(ANDROID, IOS),
      'settings-help-version': passOn(ANDROID, IOS),
      'settings-help-contact-and-faq': passOn(ANDROID, IOS),
      'settings-languages': passOn(ANDROID, IOS),
      'settings-first-start-language': passOn(ANDROID, IOS),
    });
    const ids = Array.from({ length: 11 }, (_, i) => `SET-${String(i + 1).padStart(2, '0')}`);
    expect(verdicts(summary, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'pass'])));
  });
});
