/**
 * One edition's share of a run: open its server, probe it, run the exclusive checks first and alone, then the
 * other cells a few at a time. A check that throws is a failure of that cell, never the end of the run. The
 * editions run side by side in the runner's thread; each reference server runs on a thread of its own
 * (conformance/targets/server-thread.ts).
 */
import { ClientError, MbsError } from '../spec/errors.js';
import type { Edition } from '../spec/editions.js';
import type { Cell } from './summary-schema.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { columnName, runCheck, type Applicability, type Check, type CheckOutcome, type Column } from '../kit/check.js';
import { contentSource } from '../kit/content-source.js';
import type { Target, TargetSession } from '../targets/target.js';

export interface EditionRunOptions {
  readonly seed: number;
  readonly runs: number;
  readonly path?: string;
  /** How many cells run at once (default 4). */
  readonly concurrency?: number;
}

/** A finished cell; a failure's replayCommand is left empty for the runner to fill in. */
export type CellDone = (check: Check, column: Column, cell: Cell) => Promise<void>;

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
    const problem = await probe(session);
    if (problem) return problem;
    const columns: Column[] = [{ edition }, ...profiles.map((profile) => ({ edition, profile }))];
    const tasks = columns.flatMap((column) =>
      checks
        .filter((check) => (check.scope === 'device') === (column.profile !== undefined))
        .map((check) => ({ check, column })),
    );
    const run = async ({ check, column }: { check: Check; column: Column }) =>
      done(check, column, await runCell(check, column, session, options));
    for (const task of tasks.filter((t) => t.check.exclusive)) await run(task);
    await inPool(
      tasks.filter((t) => !t.check.exclusive),
      options.concurrency ?? 4,
      run,
    );
    return undefined;
  } finally {
    await session.close();
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
  options: EditionRunOptions,
): Promise<Cell> {
  const base = {
    column: columnName(column),
    edition: column.edition,
    ...(column.profile ? { profile: column.profile.id } : {}),
  };
  const applicability = modelCheckOfRealBuild(check, session) ?? check.applies?.(column, session) ?? { applies: true };
  if (!applicability.applies)
    return { ...base, verdict: 'skipped', durationMs: 0, runs: 0, reason: applicability.reason };
  const started = performance.now();
  let outcome: CheckOutcome;
  try {
    const [path, commandsReplayPath] = (options.path ?? '').split('~');
    outcome = await runCheck(check, {
      checkId: check.id,
      session,
      column,
      seed: options.seed,
      content: contentSource(options.seed, check.id, base.column),
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
  const named = declared(check, failure.requirements);
  return {
    ...base,
    verdict: 'fail',
    durationMs,
    runs: outcome.runs,
    failure: {
      message: failure.message + named.note,
      ...(named.requirements ? { requirements: named.requirements } : {}),
      ...(failure.counterexample ? { counterexample: failure.counterexample } : {}),
      ...(failure.commands ? { commands: [...failure.commands] } : {}),
      ...(failure.seed !== undefined ? { seed: failure.seed } : {}),
      ...(failure.path ? { path: failure.path } : {}),
      replayCommand: '',
    },
  };
}

/**
 * A failure may name only requirements its check declares (those are what the report traces to the check); any
 * other id is a slip in the check, kept out of the verdicts and pointed out in the message.
 */
function declared(check: Check, named: readonly string[] | undefined): { requirements?: string[]; note: string } {
  if (!named) return { note: '' };
  const own = named.filter((id) => check.requirements.includes(id));
  const stray = named.filter((id) => !check.requirements.includes(id));
  const note = stray.length > 0 ? ` (the check also named ${stray.join(', ')}, which it does not declare)` : '';
  return own.length > 0 ? { requirements: own, note } : { note };
}

function describeError(error: unknown): string {
  if (error instanceof MbsError || error instanceof ClientError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** A real build is judged through its screens only: a device check of the app model in process does not apply. */
function modelCheckOfRealBuild(check: Check, session: TargetSession): Applicability | undefined {
  if (!session.app.realBuild || check.scope !== 'device' || check.tags?.includes('ui')) return undefined;
  return { applies: false, reason: 'checks the app model in process; a real build is checked through its screens' };
}
