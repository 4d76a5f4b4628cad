/**
 * Which cells of its selection a run runs, and what its summary says of them: the editions in turn (a run of several
 * editions without `--full-matrix`, editions-in-turn.ts) and the smoke subset (`--smoke`, smoke-cells.ts), each with
 * its count set against the cells it was chosen from, counted as the run counts its cells.
 */
import type { Edition } from '../spec/editions.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import type { Check } from '../kit/check.js';
import { editionsInTurn } from './editions-in-turn.js';
import { plannedCells, type CellFilter } from './planned-cells.js';
import { smokeCells, smokeRequirements } from './smoke-cells.js';
import type { Summary } from './summary-schema.js';

export interface RunCellsInput {
  readonly editions: readonly Edition[];
  readonly profiles: readonly DeviceSpec[];
  /** The run's checks: the selection's, or a shard's share of them. */
  readonly checks: readonly Check[];
  /** The opt-in checks the selection left out, whose cells the run reports skipped (none in a shard). */
  readonly leftOut: readonly Check[];
  readonly fullMatrix: boolean;
  readonly smoke: boolean;
  /** For the smoke subset's requirements: every known id, and those the selection asked for, if it did. */
  readonly knownIds: readonly string[];
  readonly selected: ReadonlySet<string> | undefined;
}

export interface RunCells {
  /** The checks with a cell in the run: all of them but where the smoke subset keeps none of a check's cells. */
  readonly checks: Check[];
  readonly only?: CellFilter;
  /** Set when the editions took turns: the run's cells (left-out ones included) of the full matrix's. */
  readonly editionsInTurn?: NonNullable<Summary['editionsInTurn']>;
  /**
   * Set for `--smoke`: its cells of those it was chosen from (left-out ones included, as the run reports them), and
   * the requirements it judges.
   */
  readonly smoke?: { readonly cells: number; readonly of: number; readonly requirements: ReadonlySet<string> };
}

export function runCells(input: RunCellsInput): RunCells {
  const { editions, profiles, checks } = input;
  const turns = input.fullMatrix || editions.length < 2 ? undefined : editionsInTurn(editions, profiles);
  const count = (of: readonly Check[], only?: CellFilter) => plannedCells(editions, of, profiles, only).length;
  const reported = [...checks, ...input.leftOut];
  const inTurn = turns && { cells: count(reported, turns), of: count(reported) };
  if (!input.smoke) return { checks: [...checks], ...(turns ? { only: turns } : {}), ...inTurnField(inTurn) };
  const only: CellFilter = turns ? (check, column) => turns(check, column) && smokeCells(check, column) : smokeCells;
  const plan = plannedCells(editions, checks, profiles, only);
  // The smoke subset keeps the checks with a cell in it, so a check none of whose cells run is not reported at all.
  const kept = new Set(plan.map((cell) => cell.check));
  const withCells = checks.filter((check) => kept.has(check));
  // Counted as the run counts its cells, and as the editions' count and `--list` do: left-out ones included.
  const smoke = {
    cells: count(reported, only),
    of: count(reported, turns),
    requirements: smokeRequirements(input.knownIds, input.selected, checks, withCells),
  };
  return { checks: withCells, only, smoke, ...inTurnField(inTurn) };
}

function inTurnField(inTurn: RunCells['editionsInTurn']): Pick<RunCells, 'editionsInTurn'> {
  return inTurn ? { editionsInTurn: inTurn } : {};
}
