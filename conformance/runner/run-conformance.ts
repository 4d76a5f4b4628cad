/**
 * Runs the selected checks on the columns of the matrix: for each edition, the server checks once and the device
 * checks once per device profile, narrowed to the cells the run keeps (run-cells.ts: the editions in turn, the smoke
 * subset). A check that throws ends only its cell (a failure, or an error when the kit failed),
 * never the run. The verdicts are judged once, by summary-verdicts.ts, for the summary every reporter renders. Opt-in
 * checks the selection left out are reported too, each cell skipped with the reason, so every planned cell is in
 * every output; they judge no requirement.
 */
import type { ClientError } from '../spec/errors.js';
import type { Requirement } from '../spec/requirements/types.js';
import type { CheckInfo, RunInfo } from './reporter.js';
import { SUMMARY_SCHEMA_VERSION, type Cell, type CheckResult, type Summary } from './summary-schema.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { columnName, type Check, type Column, type FailureDetails } from '../kit/check.js';
import type { Target } from '../targets/target.js';
import { plannedCells } from './planned-cells.js';
import { plannedWork } from './cell-weights.js';
import type { CellFilter } from './planned-cells.js';
import { runEdition } from './run-edition.js';
import { deviceVerdicts, judgeRequirements } from './summary-verdicts.js';
import { kitWarningsField } from './kit-warnings.js';
import { runOnThreads, type CellThreads } from './cell-threads.js';
import { closeIdleBrowser } from '../kit/browser.js';

/** What the runner tells reporters while it runs (the ReporterMultiplexer is one). */
export interface RunListener {
  onRunStart?(info: RunInfo): void | Promise<void>;
  onCellEnd?(check: CheckInfo, cell: Cell): void | Promise<void>;
}

export interface RunOptions {
  readonly target: Target;
  readonly checks: readonly Check[];
  readonly catalogue: readonly Requirement[];
  readonly profiles: readonly DeviceSpec[];
  readonly seed: number;
  readonly runs: number;
  readonly path?: string;
  readonly selected?: ReadonlySet<string>;
  readonly expectedFailures?: ReadonlySet<string>;
  /** `--fail-on-untested`: the run is `error` when a requirement that applies went untested (run-verdict.ts). */
  readonly failOnUntested?: boolean;
  readonly command: string;
  readonly kitVersion: string;
  /** The command line that replays one failing cell. */
  replayCommand(check: Check, column: Column, failure: FailureDetails): string;
  readonly listener?: RunListener;
  /** How many cells of one edition run at once (default 4). */
  readonly concurrency?: number;
  /** `--real-time`: lifetimes of minutes are waited out where the target has no clock. */
  readonly realTime?: boolean;
  /** Only these cells of the selection (the editions in turn, `--smoke`); default all. */
  readonly cells?: CellFilter;
  /** Opt-in checks the selection matched but left out (select-checks.ts): their cells are reported, skipped. */
  readonly leftOut?: readonly Check[];
  /** What the summary says of the smoke subset when `cells` is it: how many cells of how many, at what runs. */
  readonly smoke?: Summary['smoke'];
  /** What the summary says when `cells` keeps each device check's profiles on the editions in turn. */
  readonly editionsInTurn?: Summary['editionsInTurn'];
  /**
   * Worker threads to share the cells (cell-threads.ts), for a target each of whose sessions starts a server of its
   * own, so that a thread's exclusive checks still run alone on theirs; default all cells on this thread.
   */
  readonly threads?: CellThreads;
}

export interface RunResult {
  readonly summary: Summary;
  /** Why the run stopped before testing: the target was unreachable or did not speak the protocol. */
  readonly abort?: ClientError;
}

export async function runConformance(options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const target = options.target.describe();
  const leftOut = options.leftOut ?? [];
  const reported = [...options.checks, ...leftOut];
  const results = new Map<string, CheckResult>(
    reported.map((c) => [
      c.id,
      { checkId: c.id, title: c.title, area: c.area, requirements: [...c.requirements], cells: [] },
    ]),
  );
  const columns = target.editions.flatMap((edition) => [
    edition,
    ...options.profiles.map((p) => columnName({ edition, profile: p })),
  ]);
  const infos = new Map<string, CheckInfo>(
    reported.map((c) => [c.id, { checkId: c.id, title: c.title, area: c.area, requirementIds: c.requirements }]),
  );
  const summaryTarget = {
    kind: target.kind,
    ...(target.url ? { url: target.url } : {}),
    editions: [...target.editions],
    description: target.description,
  };
  await options.listener?.onRunStart?.({
    kitVersion: options.kitVersion,
    target: summaryTarget,
    seed: options.seed,
    startedAt: new Date(started).toISOString(),
    command: options.command,
    columns,
    checks: [...infos.values()],
    cells: plannedCells(target.editions, reported, options.profiles, options.cells).length,
    work: plannedWork(plannedCells(target.editions, options.checks, options.profiles, options.cells), options.runs),
    ...(options.smoke ? { smoke: options.smoke } : {}),
    ...(options.editionsInTurn ? { editionsInTurn: options.editionsInTurn } : {}),
  });
  let abort: ClientError | undefined;
  const cellDone = async (check: Check, column: Column, cell: Cell, ran: boolean) => {
    if (cell.failure) cell.failure.replayCommand = options.replayCommand(check, column, cell.failure);
    (results.get(check.id) as CheckResult).cells.push(cell);
    if (ran) await options.listener?.onCellEnd?.(infos.get(check.id) as CheckInfo, cell);
  };
  for (const { check, column } of plannedCells(target.editions, leftOut, options.profiles, options.cells))
    await cellDone(check, column, leftOutCell(check, column), true);
  // Editions are separate servers: they run side by side, on this thread or on worker threads that share the cells.
  const levels = new Map<string, Requirement['level']>(options.catalogue.map((r) => [r.id, r.level]));
  const editionOptions = {
    levelOf: (id: string) => levels.get(id),
    seed: options.seed,
    runs: options.runs,
    ...(options.path ? { path: options.path } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.realTime ? { realTime: true } : {}),
    ...(options.cells ? { cells: options.cells } : {}),
  };
  const threads = options.threads && options.threads.count > 1 ? options.threads : undefined;
  if (threads) {
    const planned = plannedCells(target.editions, options.checks, options.profiles, options.cells);
    abort = await runOnThreads(threads, planned, cellDone);
  } else {
    await Promise.all(
      target.editions.map(async (edition) => {
        const problem = await runEdition(
          options.target,
          edition,
          options.checks,
          options.profiles,
          editionOptions,
          cellDone,
        );
        abort ??= problem;
      }),
    );
  }
  // The browser the checks shared would otherwise linger for a next check that will not come, holding the process.
  await closeIdleBrowser();
  const order = new Map(columns.map((c, i) => [c, i]));
  for (const result of results.values())
    result.cells.sort((a, b) => (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0));
  const checks = [...results.values()];
  const judged = judgeRequirements(options.catalogue, checks, options.checks, {
    ...(options.selected ? { selected: options.selected } : {}),
    expectedFailures: options.expectedFailures ?? new Set(),
    ...(abort ? { abort: abort.message } : {}),
    ...(options.failOnUntested ? { failOnUntested: true } : {}),
  });
  const summary: Summary = {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    verdict: judged.verdict,
    ...(judged.reason !== undefined ? { reason: judged.reason } : {}),
    kitVersion: options.kitVersion,
    target: {
      kind: target.kind,
      ...(target.url ? { url: target.url } : {}),
      editions: [...target.editions],
      description: target.description,
    },
    seed: options.seed,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    command: options.command,
    totals: judged.totals,
    requirements: judged.requirements,
    checks,
    devices: deviceVerdicts(options.profiles, checks, options.checks, options.catalogue),
    columns,
    fixedExpectedFailures: judged.fixedExpectedFailures,
    reporterErrors: [],
    ...kitWarningsField(checks),
    ...(options.smoke ? { smoke: options.smoke } : {}),
    ...(options.editionsInTurn ? { editionsInTurn: options.editionsInTurn } : {}),
  };
  return abort ? { summary, abort } : { summary };
}

/** The cell of an opt-in check the run left out: skipped, saying why and how to ask for it. */
function leftOutCell(check: Check, column: Column): Cell {
  return {
    column: columnName(column),
    edition: column.edition,
    ...(column.profile ? { profile: column.profile.id } : {}),
    verdict: 'skipped',
    startedAt: new Date().toISOString(),
    durationMs: 0,
    runs: 0,
    reason: `opt-in check, left out of this run: ${check.optIn ?? 'not asked for'}`,
  };
}
