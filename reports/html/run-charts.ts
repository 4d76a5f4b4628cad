/**
 * The two charts index.html draws of a run, computed here so the viewer only draws: requirement verdicts by area
 * (one stacked bar per area), and the run's timeline (each cell that ran, by edition, placed by when it began and
 * how long it took, as fractions of the run).
 */
import type { Summary, Verdict } from '../../conformance/runner/summary-schema.js';
import type { TraceabilityMatrix } from '../traceability.js';

/** Drawing order of a bar's segments: what needs attention first. */
export const CHART_VERDICTS = ['fail', 'error', 'advisory', 'pass', 'untested', 'skipped'] as const satisfies Verdict[];

export interface AreaBar {
  readonly area: string;
  readonly title: string;
  readonly total: number;
  /** How many requirements of the area have each verdict (only those with any). */
  readonly counts: Partial<Record<Verdict, number>>;
}

export interface TimelineBar {
  readonly checkId: string;
  readonly column: string;
  readonly verdict: Verdict;
  /** Where it began and how long it took, as fractions of the run (0 to 1). */
  readonly at: number;
  readonly width: number;
  readonly durationMs: number;
}

export interface TimelineLane {
  readonly edition: string;
  readonly bars: readonly TimelineBar[];
}

export interface Timeline {
  readonly durationMs: number;
  readonly lanes: readonly TimelineLane[];
}

export function verdictByArea(matrix: TraceabilityMatrix): AreaBar[] {
  return matrix.areas.map(({ id, title }) => {
    const rows = matrix.rows.filter((r) => r.area === id);
    const counts: Partial<Record<Verdict, number>> = {};
    for (const row of rows) counts[row.verdict] = (counts[row.verdict] ?? 0) + 1;
    return { area: id, title, total: rows.length, counts };
  });
}

/** The cells that ran and say when they began; an older summary's cells say not, and its timeline is empty. */
export function runTimeline(summary: Summary): Timeline {
  const start = Date.parse(summary.startedAt);
  const span = Math.max(1, summary.durationMs);
  const fraction = (ms: number) => Math.min(1, Math.max(0, ms / span));
  const lanes = new Map<string, TimelineBar[]>(summary.target.editions.map((e) => [e, []]));
  for (const check of summary.checks) {
    for (const cell of check.cells) {
      const began = cell.startedAt === undefined ? NaN : Date.parse(cell.startedAt);
      if (Number.isNaN(began) || cell.durationMs <= 0) continue;
      const at = fraction(began - start);
      const bars = lanes.get(cell.edition) ?? [];
      bars.push({
        checkId: check.checkId,
        column: cell.column,
        verdict: cell.verdict,
        at,
        width: Math.min(1 - at, fraction(cell.durationMs)),
        durationMs: cell.durationMs,
      });
      lanes.set(cell.edition, bars);
    }
  }
  return {
    durationMs: summary.durationMs,
    lanes: [...lanes].map(([edition, bars]) => ({ edition, bars: bars.sort((a, b) => a.at - b.at) })),
  };
}
