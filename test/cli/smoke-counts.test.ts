/**
 * A smoke run's counts: its "SMOKE SUBSET: N of M cells" counts the cells as the editions line, the progress display
 * and `--list` do, left-out opt-in checks' cells included (the run reports them skipped), so two lines of one run
 * never give two totals for the same cells.
 */
import { describe, expect, it } from 'vitest';
import { plannedCells } from '../../conformance/runner/planned-cells.js';
import { runCells } from '../../conformance/runner/run-cells.js';
import { selectChecks } from '../../conformance/runner/select-checks.js';
import { REQUIREMENTS } from '../../conformance/spec/requirements/index.js';
import { ALL_CHECKS } from '../../conformance/suites/index.js';
import { loadMatrix } from '../../devices/load-profiles.js';
import { selectionLines } from '../../cli/commands/selection-list.js';
import { subsetLines } from '../../cli/subset-lines.js';

const matrix = loadMatrix();
const knownIds = REQUIREMENTS.map((r) => r.id);
const selection = selectChecks(ALL_CHECKS, knownIds, {});

const input = (fullMatrix: boolean) => ({
  editions: matrix.editions,
  profiles: matrix.profiles,
  checks: selection.checks,
  leftOut: selection.leftOut,
  fullMatrix,
  smoke: true,
  knownIds,
  selected: selection.requirements,
});

function smokeRun(fullMatrix: boolean) {
  const cells = runCells(input(fullMatrix));
  return { ...cells, smoke: cells.smoke as NonNullable<typeof cells.smoke> };
}

/** The cells `--list` shows for the run: the first line's count, and those of the checks left out. */
function listed(only: Parameters<typeof plannedCells>[3]): number {
  const run = plannedCells(matrix.editions, selection.checks, matrix.profiles, only);
  const leftOut = plannedCells(matrix.editions, selection.leftOut, matrix.profiles, only);
  const lines = selectionLines(run, leftOut);
  const count = (pattern: RegExp) => Number(lines.find((l) => pattern.test(l))?.match(pattern)?.[1] ?? 0);
  return count(/columns: (\d+) cells/) + count(/^Left out, reported skipped \((\d+) cells?\)/);
}

describe('the smoke subset’s counts', () => {
  it('hold the cells of the opt-in checks left out, whose cells the run reports', () => {
    expect(selection.leftOut.length).toBeGreaterThan(0);
    const full = runCells({ ...input(false), smoke: false });
    const reported = [...selection.checks, ...selection.leftOut];
    const { smoke } = smokeRun(false);
    expect(smoke.of).toBe(plannedCells(matrix.editions, reported, matrix.profiles, full.only).length);
    expect(smoke.of).toBeGreaterThan(
      plannedCells(matrix.editions, selection.checks, matrix.profiles, full.only).length,
    );
  });

  it('say of how many cells as the editions line of the same run does', () => {
    const { smoke, editionsInTurn } = smokeRun(false);
    expect(editionsInTurn).toBeDefined();
    expect(smoke.of).toBe(editionsInTurn?.cells);
    const [turns, subset] = subsetLines({
      smoke: { ...smoke, runs: 10 },
      ...(editionsInTurn ? { editionsInTurn } : {}),
    });
    const ofLine = (line: string | undefined) => line?.match(/: (\d+) of/)?.[1];
    expect(ofLine(turns)).toBe(String(editionsInTurn?.cells));
    expect(subset).toContain(`of ${editionsInTurn?.cells} cells`);
  });

  it('count the cells the run and --list count, with or without the editions in turn', () => {
    for (const fullMatrix of [false, true]) {
      const { only, smoke } = smokeRun(fullMatrix);
      const reported = [...selection.checks, ...selection.leftOut];
      expect(smoke.cells).toBe(plannedCells(matrix.editions, reported, matrix.profiles, only).length);
      expect(smoke.cells).toBe(listed(only));
    }
  });
});
