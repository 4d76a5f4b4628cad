/** The views index.html draws, computed in Node: verdicts by area, the run's timeline and what was not checked. */
import { describe, expect, it } from 'vitest';
import { uncheckedRequirements } from '../../reports/html/not-checked.js';
import { reportData } from '../../reports/html/report-data.js';
import { runTimeline } from '../../reports/html/run-charts.js';
import { sampleSummary } from './sample-summary.js';

const summary = sampleSummary();

describe('the charts of a run', () => {
  it("counts each area's requirements by verdict, every requirement once", () => {
    const { areas, matrix } = reportData(summary);
    for (const area of areas) {
      const counted = Object.values(area.counts).reduce((n, c) => n + c, 0);
      expect(counted, area.area).toBe(area.total);
      expect(area.total).toBe(matrix.rows.filter((r) => r.area === area.area).length);
    }
    expect(areas.find((a) => a.area === 'RUN')!.counts.fail).toBe(
      summary.requirements.filter((r) => r.id.startsWith('RUN-') && r.verdict === 'fail').length,
    );
  });

  it('places each cell that ran by when it began and how long it took, within the run', () => {
    const timeline = runTimeline(summary);
    expect(timeline.lanes.map((l) => l.edition)).toEqual(summary.target.editions);
    const bars = timeline.lanes.flatMap((l) => l.bars);
    expect(bars).toHaveLength(summary.checks.flatMap((c) => c.cells).filter((c) => c.durationMs > 0).length);
    for (const bar of bars) {
      expect(bar.at).toBeGreaterThanOrEqual(0);
      expect(bar.at + bar.width).toBeLessThanOrEqual(1);
    }
    const first = summary.checks[0]!.cells[0]!;
    const bar = timeline.lanes[0]!.bars.find(
      (b) => b.checkId === summary.checks[0]!.checkId && b.column === first.column,
    )!;
    expect(bar.at).toBeCloseTo((Date.parse(first.startedAt!) - Date.parse(summary.startedAt)) / summary.durationMs, 6);
    expect(bar.width).toBeCloseTo(first.durationMs / summary.durationMs, 6);
  });

  it('draws no timeline from an older summary whose cells say not when they began', () => {
    const older = sampleSummary();
    for (const cell of older.checks.flatMap((c) => c.cells)) delete cell.startedAt;
    expect(runTimeline(older).lanes.flatMap((l) => l.bars)).toEqual([]);
  });

  it('lists each requirement that passing cells did not check in full once per reason, with its columns', () => {
    const open = sampleSummary();
    const cells = open.checks[0]!.cells;
    const [a, b, c] = [cells[0]!, cells[1]!, cells[2]!];
    a.unchecked = { requirements: ['PAIR-01', 'PAIR-02'], reason: 'no clock', reasons: { 'PAIR-02': 'no key' } };
    b.unchecked = { requirements: ['PAIR-01'], reason: 'no clock' };
    c.unchecked = { requirements: ['PAIR-02'], reason: 'no clock' };
    expect(uncheckedRequirements(open)).toEqual([
      { id: 'PAIR-01', reason: 'no clock', columns: [a.column, b.column] },
      { id: 'PAIR-02', reason: 'no key', columns: [a.column] },
      { id: 'PAIR-02', reason: 'no clock', columns: [c.column] },
    ]);
  });
});
