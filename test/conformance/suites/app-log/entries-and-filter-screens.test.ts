/** The app log checks through the screens, and hand-made broken screens they must catch. */
import { describe, expect, it } from 'vitest';
import { UI_APP_LOG_CHECKS } from '../../../../conformance/suites/app-log/entries-and-filter-screens.js';
import { passOn } from '../fixtures/device-run.js';
import { PHONES, runScreens, withoutLines, type Alter } from '../fixtures/ui-screens-run.js';

const IDS = ['LOG-01', 'LOG-02', 'LOG-03', 'LOG-04', 'LOG-05'];

/** Rows of App Log shown an hour late. */
const hourLate: Alter = (driver) => ({
  pageSource: async () =>
    (await driver.pageSource())
      .split('\n')
      .map((line) =>
        /"log-\d+"/.test(line)
          ? line.replace(/="(\d{4}-\d\d-\d\d) (\d\d)/, (_, day: string, hour: string) => {
              return `="${day} ${String((Number(hour) + 1) % 24).padStart(2, '0')}`;
            })
          : line,
      )
      .join('\n'),
});

/** A Filter screen whose Restore Info checkbox ignores taps. */
const stuckRestoreInfo: Alter = (driver) => ({
  tap: async (id) => (id === 'filter-restore-info' ? undefined : driver.tap(id)),
});

describe('app log through the screens', () => {
  it('passes against the reference app on Android and iOS', async () => {
    const { cells, verdicts } = await runScreens(UI_APP_LOG_CHECKS, IDS);
    expect(cells).toEqual({
      'app-log-entries-screens': passOn(...PHONES),
      'app-log-filter-screens': passOn(...PHONES),
      'app-log-2fa-registration-screens': passOn(...PHONES),
    });
    expect(verdicts).toEqual(Object.fromEntries(IDS.map((id) => [id, 'pass'])));
  }, 120_000);

  const broken: [string, Alter, string, string][] = [
    ['rows dated an hour late', hourLate, 'app-log-entries-screens', 'LOG-01'],
    [
      'a Filter screen without General Error',
      withoutLines(/"filter-general-error"/),
      'app-log-entries-screens',
      'LOG-02',
    ],
    ['no row for the backup registration', withoutLines(/Backup registration/), 'app-log-entries-screens', 'LOG-04'],
    ['no row for a failed backup', withoutLines(/Backup Error/), 'app-log-entries-screens', 'LOG-05'],
    ['a filter that keeps Restore Info', stuckRestoreInfo, 'app-log-filter-screens', 'LOG-03'],
  ];
  it.each(broken)(
    'catch %s',
    async (_, alter, check, requirement) => {
      const { summary } = await runScreens(
        UI_APP_LOG_CHECKS.filter((c) => c.id === check),
        IDS,
        { alter },
      );
      const cells = summary.checks[0]!.cells;
      expect(cells.map((c) => [c.verdict, c.failure?.requirements])).toEqual([
        ['fail', [requirement]],
        ['fail', [requirement]],
      ]);
    },
    120_000,
  );
});
