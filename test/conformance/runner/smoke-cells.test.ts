/** `--smoke`: about a tenth of the cells, chosen by their ids alone, and named in the run's command line. */
import { describe, expect, it } from 'vitest';
import { runCommandLine } from '../../../conformance/runner/command-lines.js';
import { plannedCells } from '../../../conformance/runner/planned-cells.js';
import { cellId, isSmokeCell, smokeCells, SMOKE_SHARE } from '../../../conformance/runner/smoke-cells.js';
import { columnName } from '../../../conformance/kit/check.js';
import { ALL_CHECKS } from '../../../conformance/suites/index.js';
import { loadMatrix } from '../../../devices/load-profiles.js';

const matrix = loadMatrix();
const all = plannedCells(matrix.editions, ALL_CHECKS, matrix.profiles);
const smoke = plannedCells(matrix.editions, ALL_CHECKS, matrix.profiles, smokeCells);
const ids = (cells: typeof all) => cells.map((c) => cellId(c.check.id, columnName(c.column)));

describe('the smoke subset', () => {
  it('holds about a tenth of the default run’s cells', () => {
    const share = smoke.length / all.length;
    expect(share).toBeGreaterThan(0.7 / SMOKE_SHARE);
    expect(share).toBeLessThan(1.3 / SMOKE_SHARE);
  });

  it('is a subset of the run’s cells, in the run’s order', () => {
    const full = ids(all);
    const positions = ids(smoke).map((id) => full.indexOf(id));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('depends on the cell’s id alone: narrowing the selection keeps the same cells of what is left', () => {
    const someChecks = ALL_CHECKS.filter((_, i) => i % 3 === 0);
    const narrowed = plannedCells(['lite'], someChecks, matrix.profiles.slice(0, 4), smokeCells);
    const inFull = new Set(ids(smoke));
    expect(narrowed.length).toBeGreaterThan(0);
    for (const id of ids(narrowed)) expect(inFull.has(id)).toBe(true);
  });

  it('tells cells apart by check and by column', () => {
    const pairs = ['pro', 'lite', 'home', 'iphone-6 @ pro', 'iphone-6 @ home'].flatMap((column) =>
      ALL_CHECKS.map((c) => isSmokeCell(c.id, column)),
    );
    expect(pairs).toContain(true);
    expect(pairs).toContain(false);
    // The same id always gives the same answer.
    for (const cell of all.slice(0, 200)) {
      const id = [cell.check.id, columnName(cell.column)] as const;
      expect(isSmokeCell(...id)).toBe(isSmokeCell(...id));
    }
  });

  it('is named in the run’s command line, which the reports show', () => {
    expect(runCommandLine('run', { smoke: true }, undefined, 7, 100)).toBe('mbsc run --smoke --seed 7 --runs 100');
    expect(runCommandLine('run', {}, undefined, 7, 100)).not.toContain('--smoke');
  });
});
