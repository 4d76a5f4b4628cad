/** The iOS deletion prompt and Recently Deleted through the screens: the session model stands in for WebDriver. */
import { describe, expect, it } from 'vitest';
import type { AppFault } from '../../../../conformance/spec/faults.js';
import { uiFreeUpSpaceIosCheck } from '../../../../conformance/suites/free-up-space/ios-consent-screens.js';
import { runThroughScreens } from '../fixtures/device-run.js';

const run = (faults: AppFault[]) => runThroughScreens(uiFreeUpSpaceIosCheck, faults);

describe('free-up-space-ios-consent-screens through the screens', () => {
  it('passes on iOS and does not apply to Android', async () => {
    const { cells, verdictOf, verdict } = await run([]);
    expect(cells.map((c) => [c.column, c.verdict, c.failure?.message ?? c.reason])).toEqual([
      ['redmi-note-8 @ pro', 'skipped', 'applies to iOS only'],
      ['iphone-12-mini @ pro', 'pass', undefined],
    ]);
    expect([verdictOf('FUS-11'), verdictOf('FUS-12'), verdict]).toEqual(['pass', 'pass', 'pass']);
  }, 120_000);

  it('catches an app that frees up space on iOS without asking', async () => {
    const { cells, verdictOf } = await run(['ios-frees-without-consent']);
    expect(cells[1]?.failure?.requirements).toEqual(['FUS-11']);
    expect(verdictOf('FUS-11')).toBe('fail');
  }, 120_000);
});
