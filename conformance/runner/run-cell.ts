/**
 * One cell of an edition: where its check does not apply here, a `skipped` cell (or `untested` where only the target
 * lacks what it needs); else the check run and judged. A check that throws ends only its own cell, never the run: a
 * failure of the target, or an error when the kit failed (cell-results.ts). A failure carries the exchanges, and the
 * screen, of its failing attempt. Also the cells of a target that could not be opened or probed.
 */
import type { Cell } from './summary-schema.js';
import { columnName, runCheck, type Applicability, type Check, type Column } from '../kit/check.js';
import { contentSource, type ContentSource } from '../kit/content-source.js';
import { keepingAsFound } from '../kit/as-found.js';
import type { TargetSession } from '../targets/target.js';
import {
  joinUnchecked,
  outcomeCell,
  thrownCell,
  unreachableCell,
  type CellPlace,
  type LevelOf,
} from './cell-results.js';
import { ExchangeLog, recordingExchanges, type Attempt } from '../../simulators/mbs-client/exchange-log.js';
import { shownExchanges } from './exchange-view.js';
import { recordingScreens, ScreenEvidence } from '../kit/screen-evidence.js';
import { replayParts } from '../kit/case-clock.js';
import { drawingFor } from '../kit/cell-draws.js';
import { realTimeApplicability, uncheckedOf } from './real-time-cells.js';
import { hearingStrays } from './stray-rejections.js';
import { unlessServersLost } from './lost-server-cells.js';

/** What judging a cell takes of the run's options. */
export interface CellRunOptions {
  readonly seed: number;
  readonly runs: number;
  readonly path?: string;
  /** The level of each requirement, which decides whether a finding fails its cell or is advisory. */
  readonly levelOf: LevelOf;
  /** `--real-time`: without the target's clock, the real-time checks wait lifetimes out (real-time-cells.ts). */
  readonly realTime?: boolean;
}

/** The run's options, the requirements its real-time checks cover, and whether a cell puts back what it made. */
export type CellOptions = CellRunOptions & {
  covered: ReadonlySet<string>;
  leavesAsFound: boolean;
  sharedWithOtherRuns: boolean;
};

/** Runs and judges one cell on `session`, or says why it does not apply here. */
export async function runCell(
  check: Check,
  column: Column,
  session: TargetSession,
  options: CellOptions,
): Promise<Cell> {
  const place = placeOf(column);
  const applicability = applicabilityOf(check, column, session, options.realTime ?? false);
  if (!applicability.applies) return notApplying(place, applicability);
  const content = contentSource(options.seed, check.id, place.column);
  // Servers lost behind the kit's back judge no check: not one that began before, nor one that would begin on them.
  const judge = () =>
    unlessServersLost(session, place, () => checkedCell({ check, column, session, content, options }));
  if (!options.leavesAsFound) return judge();
  // After the cell's verdict and outside its watch for strays: putting the server back never changes that verdict.
  const { value: cell, warnings } = await keepingAsFound(session, judge, options.sharedWithOtherRuns);
  return warnings.length > 0 ? { ...cell, warnings: [...(cell.warnings ?? []), ...warnings] } : cell;
}

/** A cell to judge: its check and column, the session it runs on, its draws and the run's options. */
interface CellTask {
  readonly check: Check;
  readonly column: Column;
  readonly session: TargetSession;
  readonly content: ContentSource;
  readonly options: CellOptions;
}

async function checkedCell(task: CellTask): Promise<Cell> {
  const { column } = task;
  const started = performance.now();
  const { value: cell, stray } = await hearingStrays(() => judgedCell(task));
  if (stray === undefined) return cell;
  // A finding stays a finding, the stray named beside it; anything else (a pass above all) could not be judged.
  if (cell.verdict === 'fail' && cell.failure)
    return { ...cell, failure: { ...cell.failure, message: `${cell.failure.message}\n(${stray})` } };
  const durationMs = performance.now() - started;
  const failure = { message: stray, replayCommand: '' };
  return {
    ...placeOf(column),
    verdict: 'error',
    startedAt: cell.startedAt,
    durationMs,
    runs: 0,
    reason: stray,
    failure,
  };
}

async function judgedCell({ check, column, session, content, options }: CellTask): Promise<Cell> {
  const place = placeOf(column);
  const startedAt = new Date().toISOString();
  const started = performance.now();
  // Every exchange of the cell is recorded, so that a failure carries those of its failing attempt; a check through
  // the screens keeps the screen it failed on.
  const log = new ExchangeLog();
  const screens = new ScreenEvidence();
  const evidence = (cell: Cell) => withScreen(withExchanges({ ...cell, startedAt }, log.failing()), screens);
  try {
    const outcome = await recordingExchanges(log, () =>
      recordingScreens(screens, () =>
        drawingFor(content, () =>
          runCheck(check, {
            checkId: check.id,
            session,
            column,
            seed: options.seed,
            content,
            runs: options.runs,
            ...replayParts(options.path),
          }),
        ),
      ),
    );
    return evidence(
      withUnchecked(
        outcomeCell(check, place, outcome, performance.now() - started, options.levelOf),
        uncheckedOf(check, session, options.covered),
      ),
    );
  } catch (error) {
    return evidence(thrownCell(check, place, error, performance.now() - started, options.levelOf));
  }
}

/** A cell with a failure found through the screens carries the screen of its failing attempt. */
function withScreen(cell: Cell, screens: ScreenEvidence): Cell {
  const screen = screens.last;
  return cell.failure && screen ? { ...cell, failure: { ...cell.failure, screen } } : cell;
}

/** A cell with a failure (a finding, or the kit's own error) carries the exchanges of its failing attempt. */
function withExchanges(cell: Cell, attempt: Attempt): Cell {
  return cell.failure ? { ...cell, failure: { ...cell.failure, ...shownExchanges(attempt) } } : cell;
}

/** The cell of a target that could not be probed: skipped where the check would not apply anyway, else an error. */
export function notRun(check: Check, column: Column, session: TargetSession, reason: string, realTime: boolean): Cell {
  const place = placeOf(column);
  const applicability = applicabilityOf(check, column, session, realTime);
  if (!applicability.applies) return notApplying(place, applicability);
  return unopened(column, reason);
}

/** The cell of an edition whose session could not be opened: with no session, nothing says where a check applies. */
export function unopened(column: Column, reason: string): Cell {
  return { ...unreachableCell(placeOf(column), reason), startedAt: new Date().toISOString() };
}

/** The cell of a check that does not run here: skipped, or untested when only the target lacks what it needs. */
function notApplying(place: CellPlace, applicability: Applicability & { applies: false }): Cell {
  const verdict = applicability.untested ? 'untested' : 'skipped';
  return {
    ...place,
    verdict,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    runs: 0,
    reason: applicability.reason,
  };
}

/** A cell that ran without the server's clock did not check in full what the check covers only with it. */
function withUnchecked(cell: Cell, unchecked: Cell['unchecked']): Cell {
  if (!unchecked || cell.verdict === 'skipped' || cell.verdict === 'untested' || cell.verdict === 'error') return cell;
  return { ...cell, unchecked: joinUnchecked(cell.unchecked, unchecked) };
}

function placeOf(column: Column): CellPlace {
  return {
    column: columnName(column),
    edition: column.edition,
    ...(column.profile ? { profile: column.profile.id } : {}),
  };
}

/** Whether the check applies to this column on this target: the check's own word first, then the clock's. */
export function applicabilityOf(
  check: Check,
  column: Column,
  session: TargetSession,
  realTime: boolean,
): Applicability {
  const own = modelCheckOfRealBuild(check, session) ?? check.applies?.(column, session);
  // What the check itself lacks here comes first: a real-time check of the console's tokens needs the console key.
  if (own && !own.applies) return own;
  return realTimeApplicability(check, session, realTime) ?? own ?? { applies: true };
}

/** A real build is judged through its screens only: a device check of the app model in process does not apply. */
function modelCheckOfRealBuild(check: Check, session: TargetSession): Applicability | undefined {
  if (!session.app.realBuild || check.scope !== 'device' || check.tags?.includes('ui')) return undefined;
  return { applies: false, reason: 'checks the app model in process; a real build is checked through its screens' };
}
