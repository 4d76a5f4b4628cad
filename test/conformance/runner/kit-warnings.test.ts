/**
 * The kit's warnings about itself: a state a property never reached, and what a cell could not do as it ended (a
 * device it paired on a server the kit did not start that it could not remove), each said once per cell, verdict kept.
 */
import { describe, expect, it } from 'vitest';
import { kitWarningsField, kitWarningsOf } from '../../../conformance/runner/kit-warnings.js';
import type { Cell, CheckResult } from '../../../conformance/runner/summary-schema.js';

const cell = (extra: Partial<Cell>): Cell => ({
  column: 'redmi-note-8 @ pro',
  edition: 'pro',
  verdict: 'pass',
  durationMs: 10,
  runs: 5,
  ...extra,
});
const check = (cells: Cell[]): CheckResult => ({ checkId: 'app-log-entries', title: 'Log', area: 'LOG', cells });
const REMOVAL = 'could not remove device d1, which this cell paired: the server went away';

describe('kit warnings', () => {
  it('hold what a cell could not do as it ended, beside the states a property never reached', () => {
    const warned = cell({ warnings: [REMOVAL], sometimes: { 'resume-from-offset': 0 } });
    expect(kitWarningsOf([check([warned, cell({ column: 'pro' })])])).toEqual([
      {
        check: 'app-log-entries',
        column: 'redmi-note-8 @ pro',
        message:
          'never reached resume-from-offset in 5 runs: the rules about those states went unjudged ' +
          '(more --runs, or a kit that draws them more often)',
      },
      { check: 'app-log-entries', column: 'redmi-note-8 @ pro', message: REMOVAL },
    ]);
  });

  it('are absent from a summary whose cells warned of nothing', () => {
    expect(kitWarningsField([check([cell({ sometimes: { 'resume-from-offset': 2 } })])])).toEqual({});
    expect(kitWarningsField([check([cell({ warnings: [REMOVAL] })])]).kitWarnings).toHaveLength(1);
  });
});
