/**
 * A result's start and stop, in epoch milliseconds: the cell's own start (the runner records when each cell began)
 * and its measured duration, kept within the run's bounds so Allure's timeline and total duration are the run's own.
 * Cells run side by side, so laying them end to end would stretch an 86 s run to minutes and end results after the
 * report was written; a cell of an older summary, with no start of its own, is shown at the run's start instead.
 */
import type { Cell, Summary } from '../../conformance/runner/summary-schema.js';

export function resultTimes(summary: Summary, cell: Cell): { start: number; stop: number } {
  const runStart = Date.parse(summary.startedAt);
  const runStop = runStart + Math.round(summary.durationMs);
  const own = cell.startedAt !== undefined ? Date.parse(cell.startedAt) : NaN;
  const start = clamp(Number.isNaN(own) ? runStart : own, runStart, runStop);
  return { start, stop: clamp(start + Math.round(cell.durationMs), start, runStop) };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}
