/**
 * The lines that say a run ran part of its matrix, printed as it starts and under its verdict: a smoke run's PASS is
 * a quick look at a tenth of the cells with fewer sequences per property, never the full run's verdict; a run whose
 * device checks took the editions in turn ran each profile on one edition, not on every one.
 */
import type { Summary } from '../conformance/runner/summary-schema.js';

export function subsetLines(run: Pick<Summary, 'smoke' | 'editionsInTurn'>): string[] {
  const { smoke, editionsInTurn: turns } = run;
  const lines: string[] = [];
  if (turns && turns.cells < turns.of) {
    lines.push(
      `EDITIONS IN TURN: ${turns.cells} of ${turns.of} cells, the device checks' profiles taking the editions ` +
        'in turn (--full-matrix runs every profile on every edition)',
    );
  }
  if (smoke) {
    const per = `${smoke.runs} ${smoke.runs === 1 ? 'sequence' : 'sequences'} per property`;
    lines.push(`SMOKE SUBSET: ${smoke.cells} of ${smoke.of} cells, ${per}; not the full run (drop --smoke for it)`);
  }
  return lines;
}
