/**
 * Whether shard results can be joined into one run, and which shards are missing. Shards of one run share its seed,
 * kit version, target, matrix columns, selection and baseline; anything else would join verdicts that were never
 * one run, so it is refused with the reason. A shard that is absent, or that tested nothing (its target could not be
 * reached), is a gap: its checks' requirements never pass (a missing shard's are untested, an unreachable one's keep
 * their error).
 */
import { ClientError } from '../spec/errors.js';
import type { Summary } from './summary-schema.js';
import { assignShards, formatShard, type Shardable } from './shard.js';

export interface ShardRun {
  /** Where the summary came from (its folder), to name it in messages. */
  readonly source: string;
  readonly summary: Summary;
}

export interface ShardGap {
  readonly index: number;
  readonly count: number;
  /** Why its checks did not run: missing, or present but tested nothing. */
  readonly reason: string;
  readonly checks: readonly string[];
}

export interface MergePlan {
  readonly count: number;
  readonly selection: readonly string[];
  readonly requirements?: readonly string[];
  /** The shards given, in shard order. */
  readonly runs: readonly ShardRun[];
  readonly gaps: readonly ShardGap[];
}

type Sharded = ShardRun & { readonly summary: Summary & { shard: NonNullable<Summary['shard']> } };

function refuse(reason: string, message: string): never {
  throw new ClientError('merge-refused', message, { reason });
}

const expectedFailures = (s: Summary) => s.requirements.filter((r) => r.expectedFailure).map((r) => r.id);

/** What every shard of one run must agree on, with how to name it in a refusal. */
const SAME: readonly [reason: string, what: string, of: (s: Summary & Sharded['summary']) => unknown][] = [
  ['seed', 'seeds', (s) => s.seed],
  ['kit-version', 'kit versions', (s) => s.kitVersion],
  ['target', 'targets', (s) => s.target],
  ['columns', 'device matrices', (s) => s.columns.join(', ')],
  ['full-matrix', 'ways of taking the device matrix', (s) => (s.editionsInTurn ? 'editions in turn' : 'every cell')],
  ['shard-count', 'shard counts', (s) => s.shard.count],
  ['selection', 'selections of checks', (s) => s.shard.selection.join(',')],
  ['requirements', 'requirement filters', (s) => (s.shard.requirements ?? []).join(',')],
  ['baseline', 'expected-failures baselines', (s) => expectedFailures(s).join(',')],
];

export function planMerge(runs: readonly ShardRun[], kitChecks: readonly Shardable[]): MergePlan {
  if (runs.length === 0) refuse('no-input', 'there is nothing to merge: give the folders of the shard runs');
  for (const run of runs) {
    if (!run.summary.shard) refuse('not-a-shard', `${run.source} is not a shard run (run it with --shard i/n)`);
  }
  const sharded = runs as readonly Sharded[];
  const first = sharded[0] as Sharded;
  for (const run of sharded.slice(1)) {
    for (const [reason, what, of] of SAME) {
      const [a, b] = [of(first.summary), of(run.summary)];
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        refuse(reason, `${first.source} and ${run.source} have different ${what} (${show(a)} and ${show(b)})`);
      }
    }
  }
  const { count, selection, requirements } = first.summary.shard;
  const byId = new Map(kitChecks.map((c) => [c.id, c]));
  const unknown = selection.filter((id) => !byId.has(id));
  if (unknown.length > 0) refuse('kit-checks', `this mbsc has no check ${unknown.join(', ')}: merge with its own kit`);
  const parts = assignShards(
    selection.map((id) => byId.get(id) as Shardable),
    count,
  ).map((part) => part.map((c) => c.id));
  const given = new Map<number, Sharded>();
  for (const run of sharded) {
    const { index } = run.summary.shard;
    const twin = given.get(index);
    if (twin) refuse('duplicate', `${twin.source} and ${run.source} are both shard ${formatShard(run.summary.shard)}`);
    given.set(index, run);
    const ran = run.summary.checks.map((c) => c.checkId);
    if (ran.join(',') !== (parts[index - 1] ?? []).join(',')) {
      refuse('overlap', `${run.source} holds other checks than shard ${formatShard(run.summary.shard)} should`);
    }
  }
  const gaps: ShardGap[] = [];
  parts.forEach((checks, i) => {
    const run = given.get(i + 1);
    const shard = formatShard({ index: i + 1, count });
    if (!run) gaps.push({ index: i + 1, count, reason: `shard ${shard} was not merged`, checks });
    else if (checks.length > 0 && testedNothing(run.summary)) {
      const why = run.summary.reason ?? 'no cell ran';
      gaps.push({ index: i + 1, count, reason: `shard ${shard} (${run.source}) tested nothing: ${why}`, checks });
    }
  });
  return {
    count,
    selection,
    ...(requirements ? { requirements } : {}),
    runs: [...given.entries()].sort(([a], [b]) => a - b).map(([, run]) => run),
    gaps,
  };
}

/**
 * No cell of the shard came to a verdict on the target, and that is for want of a target (error cells: it could not
 * be reached, or the kit failed on all it tried) or of any cell at all. A shard whose checks all did not apply is no
 * gap: the unsharded run would have skipped them too.
 */
function testedNothing(summary: Summary): boolean {
  const cells = summary.checks.flatMap((c) => c.cells);
  if (cells.some((cell) => cell.verdict === 'pass' || cell.verdict === 'fail' || cell.verdict === 'advisory'))
    return false;
  return cells.length === 0 || cells.some((cell) => cell.verdict === 'error');
}

function show(value: unknown): string {
  const described = (value as { description?: unknown } | null)?.description;
  const text = typeof value === 'string' ? value : typeof described === 'string' ? described : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
