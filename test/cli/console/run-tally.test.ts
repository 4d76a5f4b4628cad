/** The progress line's counts: every verdict that ran is counted apart, so an error or untested cell never hides. */
import { describe, expect, it } from 'vitest';
import { RunTally } from '../../../cli/console/run-tally.js';
import type { Verdict } from '../../../conformance/runner/summary-schema.js';

describe('RunTally', () => {
  it('counts errored, untested and advisory cells apart from passes and failures', () => {
    const tally = new RunTally(10, 0);
    const verdicts: Verdict[] = ['pass', 'pass', 'fail', 'advisory', 'error', 'untested', 'untested', 'skipped'];
    for (const verdict of verdicts) tally.add(verdict);
    expect(tally.line(0).split(' · ')[0]).toBe(
      '[ 8/10] 2 passed, 1 failed, 1 advisory, 1 errored, 2 untested, 1 skipped',
    );
  });

  it('leaves out the kinds no cell had, never the passes, failures or skips', () => {
    const tally = new RunTally(3, 0);
    tally.add('pass');
    expect(tally.line(0).split(' · ')[0]).toBe('[1/3] 1 passed, 0 failed, 0 skipped');
  });
});
