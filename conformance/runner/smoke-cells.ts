/**
 * `--smoke`: a fixed tenth or so of a run's cells, for a quick look before the full run. A cell is in the subset when
 * the SHA-256 of its id (`check id@column`) falls in one residue class of ten, so the choice depends on nothing but
 * the ids: the same cells every run, on every machine, whatever else the selection holds, and a check's cells on
 * different columns are chosen independently (a tenth of the columns of each check, not a tenth of the checks).
 * Each cell's cost is bounded too: unless `--runs` says otherwise, a property tries SMOKE_RUNS sequences, not the
 * full run's 100. The summary says all this (`smoke`), so a smoke run's report never reads as the full run's.
 */
import { createHash } from 'node:crypto';
import { columnName, type Check } from '../kit/check.js';
import type { CellFilter } from './planned-cells.js';

/** One cell in this many, on average, is in the smoke subset. */
export const SMOKE_SHARE = 10;

/** Sequences (or generated cases) per property in a smoke run without `--runs`: a look, not the full search. */
export const SMOKE_RUNS = 10;

/** The id a cell is hashed by: its check and its column, as the reports name them. */
export function cellId(checkId: string, column: string): string {
  return `${checkId}@${column}`;
}

export function isSmokeCell(checkId: string, column: string): boolean {
  const digest = createHash('sha256').update(cellId(checkId, column)).digest();
  return digest.readUInt32BE(0) % SMOKE_SHARE === 0;
}

export const smokeCells: CellFilter = (check, column) => isSmokeCell(check.id, columnName(column));

/**
 * The requirements a smoke run judges: those of the selection (`selected`, else all of `known`) less those that only
 * checks without a smoke cell cover, which the subset did not select (reported `skipped` as such, never as passing,
 * nor as covered by no check).
 */
export function smokeRequirements(
  known: readonly string[],
  selected: ReadonlySet<string> | undefined,
  selection: readonly Check[],
  kept: readonly Check[],
): Set<string> {
  const keptCover = new Set(kept.flatMap((check) => check.requirements));
  const left = new Set(selection.flatMap((check) => check.requirements).filter((id) => !keptCover.has(id)));
  return new Set(known.filter((id) => (selected?.has(id) ?? true) && !left.has(id)));
}
