/**
 * The report data holds error cells once, grouped by reason like their cards: no finding per error cell, and every
 * error cell (its check and column, its replay command when it has one) listed in its reason's group.
 */
import { describe, expect, it } from 'vitest';
import { reportData } from '../../reports/html/report-data.js';
import { KIT_ERROR_REASON, sampleSummary } from './sample-summary.js';

const UNREACHABLE = 'the target could not be reached: connect ECONNREFUSED 127.0.0.1:1';

describe('error cells in the report data', () => {
  it('are one group per reason, listing every cell, and no finding each', () => {
    const sample = sampleSummary();
    // Every cell of the first two checks could not reach the target; the sample's kit error stays as it is.
    const summary = {
      ...sample,
      checks: sample.checks.map((check, index) =>
        index < 2
          ? {
              ...check,
              cells: check.cells.map(({ failure: _, ...cell }) => ({
                ...cell,
                verdict: 'error' as const,
                reason: UNREACHABLE,
              })),
            }
          : check,
      ),
    };
    const errorCells = summary.checks.flatMap((c) =>
      c.cells.filter((cell) => cell.verdict === 'error').map((cell) => `${c.checkId} [${cell.column}]`),
    );
    const data = reportData(summary);

    expect(data.findings.filter((f) => f.verdict === 'error')).toEqual([]);
    // A group is named by its cells' reason, one line: a kit error's stack stays in its card, and never splits a group.
    expect(data.errors.map((g) => g.reason)).toEqual([UNREACHABLE, KIT_ERROR_REASON]);
    const listed = data.errors.flatMap((g) => g.cells.map((c) => `${c.checkId} [${c.column}]`));
    expect(listed.sort()).toEqual(errorCells.sort());
    expect(data.errors[0]!.cells.every((c) => c.replayCommand === undefined)).toBe(true);
    const kit = data.errors[1]!.cells;
    expect(kit).toEqual([
      expect.objectContaining({ checkId: 'push.expiry', replayCommand: expect.stringContaining('mbsc run') }),
    ]);
  });
});
