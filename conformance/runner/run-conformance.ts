/**
 * Runs the selected checks on every column of the matrix: for each edition, the server checks once and the device
 * checks once per device profile. A check that throws is a failure of that cell, never the end of the run.
 */
import { ClientError, MbsError } from '../spec/errors.js';
import type { Requirement } from '../spec/requirements/types.js';
import type { CheckInfo, RunInfo } from '../../reports/reporter.js';
import type { Cell, CheckResult, Summary } from '../../reports/summary-schema.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { columnName, type Check, type CheckOutcome, type Column, type FailureDetails } from '../framework/check.js';
import type { Target, TargetSession } from '../targets/target.js';
import { deviceVerdicts, judgeRequirements } from './summary-verdicts.js';

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
  readonly command: string;
  readonly kitVersion: string;
  /** The command line that replays one failing cell. */
  replayCommand(check: Check, column: Column, failure: FailureDetails): string;
  readonly listener?: RunListener;
  /** How many cells of one edition run at once (default 4). */
  readonly concurrency?: number;
}

export interface RunResult {
  readonly summary: Summary;
  /** Why the run stopped before testing: the target was unreachable or did not speak the protocol. */
  readonly abort?: ClientError;
}

export async function runConformance(options: RunOptions): Promise<RunResult> {
  const started = Date.now();
  const target = options.target.describe();
  const results = new Map<string, CheckResult>(
    options.checks.map((c) => [c.id, { checkId: c.id, title: c.title, area: c.area, cells: [] }]),
  );
  const columns = target.editions.flatMap((edition) => [
    edition,
    ...options.profiles.map((p) => columnName({ edition, profile: p })),
  ]);
  const infos = new Map<string, CheckInfo>(
    options.checks.map((c) => [c.id, { checkId: c.id, title: c.title, area: c.area, requirementIds: c.requirements }]),
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
  });
  let abort: ClientError | undefined;
  // Editions are separate servers: they run side by side. Within one, exclusive checks run first and alone, on a
  // server nothing else has touched yet; then the independent cells overlap, a few at a time.
  await Promise.all(
    target.editions.map(async (edition) => {
      const session = await options.target.open(edition);
      try {
        const problem = await probe(session);
        if (problem) {
          abort ??= problem;
          return;
        }
        const editionColumns: Column[] = [{ edition }, ...options.profiles.map((profile) => ({ edition, profile }))];
        const tasks = editionColumns.flatMap((column) =>
          options.checks
            .filter((check) => (check.scope === 'device') === (column.profile !== undefined))
            .map((check) => ({ check, column })),
        );
        const runTask = async ({ check, column }: { check: Check; column: Column }) => {
          const cell = await runCell(check, column, session, options);
          (results.get(check.id) as CheckResult).cells.push(cell);
          await options.listener?.onCellEnd?.(infos.get(check.id) as CheckInfo, cell);
        };
        for (const task of tasks.filter((t) => t.check.exclusive)) await runTask(task);
        await inPool(
          tasks.filter((t) => !t.check.exclusive),
          options.concurrency ?? 4,
          runTask,
        );
      } finally {
        await session.close();
      }
    }),
  );
  const order = new Map(columns.map((c, i) => [c, i]));
  for (const result of results.values())
    result.cells.sort((a, b) => (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0));
  const checks = [...results.values()];
  const judged = judgeRequirements(options.catalogue, checks, options.checks, {
    ...(options.selected ? { selected: options.selected } : {}),
    expectedFailures: options.expectedFailures ?? new Set(),
    ...(abort ? { untestedReason: `the target could not be tested: ${abort.message}` } : {}),
  });
  const summary: Summary = {
    verdict: judged.verdict,
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
  };
  return abort ? { summary, abort } : { summary };
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

async function runCell(check: Check, column: Column, session: TargetSession, options: RunOptions): Promise<Cell> {
  const base = {
    column: columnName(column),
    edition: column.edition,
    ...(column.profile ? { profile: column.profile.id } : {}),
  };
  const applicability = check.applies?.(column, session) ?? { applies: true };
  if (!applicability.applies)
    return { ...base, verdict: 'skipped', durationMs: 0, runs: 0, reason: applicability.reason };
  const started = performance.now();
  let outcome: CheckOutcome;
  try {
    const [path, commandsReplayPath] = (options.path ?? '').split('~');
    outcome = await check.run({
      session,
      column,
      seed: options.seed,
      runs: options.runs,
      ...(path ? { path } : {}),
      ...(commandsReplayPath ? { commandsReplayPath } : {}),
    });
  } catch (error) {
    outcome = { verdict: 'fail', runs: 0, failure: { message: describeError(error) } };
  }
  const durationMs = performance.now() - started;
  if (outcome.verdict === 'skipped')
    return { ...base, verdict: 'skipped', durationMs, runs: 0, reason: outcome.reason };
  if (outcome.verdict === 'pass') return { ...base, verdict: 'pass', durationMs, runs: outcome.runs };
  const { failure } = outcome;
  return {
    ...base,
    verdict: 'fail',
    durationMs,
    runs: outcome.runs,
    failure: {
      message: failure.message,
      ...(failure.requirements ? { requirements: [...failure.requirements] } : {}),
      ...(failure.counterexample ? { counterexample: failure.counterexample } : {}),
      ...(failure.commands ? { commands: [...failure.commands] } : {}),
      ...(failure.seed !== undefined ? { seed: failure.seed } : {}),
      ...(failure.path ? { path: failure.path } : {}),
      replayCommand: options.replayCommand(check, column, failure),
    },
  };
}

function describeError(error: unknown): string {
  if (error instanceof MbsError || error instanceof ClientError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
