/**
 * `mbsc run --list` and `mbsc validate --list`: what a selection would run, without running it. One line per check
 * (its id, area, the requirements it covers and how many cells it makes), then the columns and the count of cells,
 * and the opt-in checks left out, whose cells the run reports skipped.
 */
import { columnName } from '../../conformance/kit/check.js';
import type { PlannedCell } from '../../conformance/runner/planned-cells.js';

export function selectionLines(cells: readonly PlannedCell[], leftOut: readonly PlannedCell[] = []): string[] {
  const byCheck = new Map<string, PlannedCell[]>();
  for (const cell of cells) byCheck.set(cell.check.id, [...(byCheck.get(cell.check.id) ?? []), cell]);
  const columns = [...new Set(cells.map((c) => columnName(c.column)))];
  const width = Math.max(0, ...[...byCheck.keys()].map((id) => id.length));
  const lines = [...byCheck.values()].map((own) => {
    const { check } = own[0] as PlannedCell;
    const count = `${own.length} ${own.length === 1 ? 'cell' : 'cells'}`;
    return `  ${check.id.padEnd(width)}  ${check.area.padEnd(4)} ${count.padStart(9)}  ${check.requirements.join(', ')}`;
  });
  return [
    `${byCheck.size} checks on ${columns.length} columns: ${cells.length} cells (a device check on each profile's column, a server check on each edition's)`,
    `Columns: ${columns.join(', ')}`,
    ...lines,
    'A cell whose check does not apply to its column ends skipped, with the reason, when the run starts.',
    ...leftOutLines(leftOut),
  ];
}

/** Opt-in checks the selection matched but left out: the run reports their cells skipped, saying why. */
function leftOutLines(cells: readonly PlannedCell[]): string[] {
  const checks = [...new Set(cells.map((cell) => cell.check))];
  if (checks.length === 0) return [];
  return [
    `Left out, reported skipped (${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}):`,
    ...checks.map((check) => `  ${check.id}: ${check.optIn ?? 'opt-in'}`),
  ];
}
