/**
 * The cells a selection makes on one edition: each server check once on the edition's own column, each device check
 * once per device profile. The runner runs these, a live display counts them, and `mbsc run --list` prints them; a
 * cell that does not apply to its column is still one of them and ends `skipped` with its reason.
 */
import type { Edition } from '../spec/editions.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import type { Check, Column } from '../kit/check.js';

/** Which cells of the selection a run runs; the others are left out of it altogether. */
export type CellFilter = (check: Check, column: Column) => boolean;

export interface PlannedCell {
  readonly check: Check;
  readonly column: Column;
}

/** The columns of an edition in display order: the edition itself, then each profile on it. */
export function editionColumns(edition: Edition, profiles: readonly DeviceSpec[]): Column[] {
  return [{ edition }, ...profiles.map((profile) => ({ edition, profile }))];
}

/** The cells of one edition; `only` narrows them to a subset of the selection's cells (the editions in turn, `--smoke`). */
export function editionCells(
  edition: Edition,
  checks: readonly Check[],
  profiles: readonly DeviceSpec[],
  only?: CellFilter,
): PlannedCell[] {
  return editionColumns(edition, profiles).flatMap((column) =>
    checks
      .filter((check) => (check.scope === 'device') === (column.profile !== undefined))
      .filter((check) => only?.(check, column) ?? true)
      .map((check) => ({ check, column })),
  );
}

/** The cells of a whole run, edition by edition. */
export function plannedCells(
  editions: readonly Edition[],
  checks: readonly Check[],
  profiles: readonly DeviceSpec[],
  only?: CellFilter,
): PlannedCell[] {
  return editions.flatMap((edition) => editionCells(edition, checks, profiles, only));
}
