/**
 * One edition's share of a run: open its server, probe it, run the exclusive checks alone (on a second server beside
 * the other cells where the target starts one per session, else first), the other cells a few at a time, then the
 * real-time checks all together (real-time-cells.ts). A check that throws ends only its own cell, never the run: a
 * failure of the target, or an error when the kit failed (cell-results.ts). A target that cannot be probed gets an
 * `error` cell for every cell that applies to it. The editions run side by side in the runner's thread; each
 * reference server runs on a thread of its own (conformance/targets/server-thread.ts).
 */
import { ClientError } from '../spec/errors.js';
import type { Edition } from '../spec/editions.js';
import type { Cell } from './summary-schema.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { columnName, runCheck, type Applicability, type Check, type Column } from '../kit/check.js';
import { contentSource } from '../kit/content-source.js';
import type { Target, TargetSession } from '../targets/target.js';
import {
  joinUnchecked,
  outcomeCell,
  thrownCell,
  unreachableCell,
  type CellPlace,
  type LevelOf,
} from './cell-results.js';
import { describeError } from './thrown-errors.js';
import { ExchangeLog, recordingExchanges, type Attempt } from '../../simulators/mbs-client/exchange-log.js';
import { shownExchanges } from './exchange-view.js';
import { editionCells, type PlannedCell } from './planned-cells.js';
import type { CellFilter } from './smoke-cells.js';
import { recordingScreens, ScreenEvidence } from '../kit/screen-evidence.js';
import { replayParts } from '../kit/case-clock.js';
import { drawingFor } from '../kit/cell-draws.js';
import { phasesOf, realTimeApplicability, realTimeCovered, uncheckedOf } from './real-time-cells.js';
import { longestFirst } from './cell-weights.js';

export interface EditionRunOptions {
  readonly seed: number;
  readonly runs: number;
  readonly path?: string;
  /** How many cells run at once (default 4). */
  readonly concurrency?: number;
  /** The level of each requirement, which decides whether a finding fails its cell or is advisory. */
  readonly levelOf: LevelOf;
  /** `--real-time`: without the target's clock, the real-time checks wait lifetimes out (real-time-cells.ts). */
  readonly realTime?: boolean;
  /** Only these cells of the selection (`--smoke`); default all. */
  readonly cells?: CellFilter;
}

/**
 * A finished cell; a failure's replayCommand is left empty for the runner to fill in. `ran` is false for the cells of
 * a target that could not be probed: recorded, but not announced to live displays one by one.
 */
export type CellDone = (check: Check, column: Column, cell: Cell, ran: boolean) => Promise<void>;

/** Runs every cell of `edition`; answers why the target could not be tested, if it could not. */
export async function runEdition(
  target: Target,
  edition: Edition,
  checks: readonly Check[],
  profiles: readonly DeviceSpec[],
  options: EditionRunOptions,
  done: CellDone,
): Promise<ClientError | undefined> {
  const session = await target.open(edition);
  try {
    const tasks = editionCells(edition, checks, profiles, options.cells);
    const problem = await probe(session);
    if (problem) {
      const reason = `the target could not be tested: ${problem.message}`;
      for (const { check, column } of tasks)
        await done(check, column, notRun(check, column, session, reason, options.realTime ?? false), false);
      return problem;
    }
    await runTasks(target, session, { checks, tasks }, options, done);
    return undefined;
  } finally {
    await session.close();
  }
}

/** The cells of an edition whose server answered: exclusive ones, the pool, then the real-time ones together. */
async function runTasks(
  target: Target,
  session: TargetSession,
  { checks, tasks }: { readonly checks: readonly Check[]; readonly tasks: readonly PlannedCell[] },
  options: EditionRunOptions,
  done: CellDone,
): Promise<void> {
  const { edition } = session;
  const covered = realTimeCovered(checks);
  const runOn =
    (on: TargetSession) =>
    async ({ check, column }: { check: Check; column: Column }) =>
      done(check, column, await runCell(check, column, on, { ...options, covered }), true);
  const run = runOn(session);
  const phases = phasesOf(tasks);
  // The long exclusive ones first too (the console's checks in Chromium): they run one at a time on their server.
  const alone = async (on: TargetSession) => {
    for (const task of longestFirst(phases.alone)) await runOn(on)(task);
  };
  // The long cells first, so the edition does not end waiting on one that started last.
  const pool = () => inPool(longestFirst(phases.pooled), options.concurrency ?? 4, run);
  // An exclusive check must never share its server with another check. Where the target starts a server per
  // session, the exclusive ones take a second server, one at a time, while the others share the first: the run no
  // longer waits for them before it starts the rest. With nothing to run beside them, a second server saves nothing.
  // The pool does not wait for the second server to start (seconds of module loading on a busy machine): the
  // exclusive ones run on it once it is up, or, if it fails to start, alone on the first after the pool.
  // Exclusive cells that will only be skipped here (Home's 2FA checks) start no server: they need none.
  const applying = phases.alone.some(
    (t) => applicabilityOf(t.check, t.column, session, options.realTime ?? false).applies,
  );
  const overlap = applying && phases.pooled.length > 0 && target.serverPerOpen === true;
  if (overlap) {
    const asideRun = asideSession(target, edition).then(async (aside) => {
      if (!aside) return false;
      try {
        await alone(aside);
        return true;
      } finally {
        await aside.close();
      }
    });
    const [ranAside] = await Promise.all([asideRun, pool()]);
    if (!ranAside) await alone(session);
  } else await alone(session).then(pool);
  await Promise.all(phases.together.map(run));
}

/** A second server of the edition for the exclusive checks; none (they then run alone after the pool) if it fails to start. */
async function asideSession(target: Target, edition: Edition): Promise<TargetSession | undefined> {
  try {
    const session = await target.open(edition);
    if (!(await probe(session))) return session;
    await session.close();
    return undefined;
  } catch {
    return undefined;
  }
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}

/** Asks the server who it is: an unreachable or garbled target stops the run before any check. */
async function probe(session: TargetSession): Promise<ClientError | undefined> {
  try {
    const info = await new MbsClient({ baseUrl: session.url, timeoutMs: 10_000 }).call('getInfo');
    if (info.edition !== session.edition) {
      return new ClientError(
        'protocol-violation',
        `the server says it is the ${info.edition} edition, not ${session.edition}`,
      );
    }
    return undefined;
  } catch (error) {
    if (error instanceof ClientError) return error;
    return new ClientError('protocol-violation', `GET /v1/info: ${describeError(error)}`);
  }
}

async function runCell(
  check: Check,
  column: Column,
  session: TargetSession,
  options: EditionRunOptions & { covered: ReadonlySet<string> },
): Promise<Cell> {
  const place = placeOf(column);
  const applicability = applicabilityOf(check, column, session, options.realTime ?? false);
  if (!applicability.applies) return notApplying(place, applicability);
  const startedAt = new Date().toISOString();
  const started = performance.now();
  // Every exchange of the cell is recorded, so that a failure carries those of its failing attempt; a check through
  // the screens keeps the screen it failed on.
  const log = new ExchangeLog();
  const screens = new ScreenEvidence();
  const evidence = (cell: Cell) => withScreen(withExchanges({ ...cell, startedAt }, log.failing()), screens);
  try {
    const content = contentSource(options.seed, check.id, place.column);
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
function notRun(check: Check, column: Column, session: TargetSession, reason: string, realTime: boolean): Cell {
  const place = placeOf(column);
  const applicability = applicabilityOf(check, column, session, realTime);
  if (!applicability.applies) return notApplying(place, applicability);
  return { ...unreachableCell(place, reason), startedAt: new Date().toISOString() };
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
  if (!unchecked || cell.verdict === 'skipped' || cell.verdict === 'error') return cell;
  return { ...cell, unchecked: joinUnchecked(cell.unchecked, unchecked) };
}

function placeOf(column: Column): CellPlace {
  return {
    column: columnName(column),
    edition: column.edition,
    ...(column.profile ? { profile: column.profile.id } : {}),
  };
}

function applicabilityOf(check: Check, column: Column, session: TargetSession, realTime: boolean): Applicability {
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
