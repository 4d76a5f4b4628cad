/**
 * `--shard i/n`: one of n parts of a run's selection of checks, so CI can spread a run over n jobs and join them
 * with `mbsc merge`. The unit is the check, not the cell (check × column): a check's cells share one server per
 * edition and its exclusive-first ordering, a shard then reports whole checks that `mbsc merge` can join without
 * combining halves of one, and the runner takes a list of checks as it is. Cells would balance a little finer; a
 * check's weight is nearly fixed by its scope (a device check has one cell per profile and edition, a server check
 * one per edition), so dealing each scope evenly gets most of that balance.
 */

export interface Shard {
  /** 1-based, as written on the command line. */
  readonly index: number;
  readonly count: number;
}

/** What sharding needs of a check: its id (for a stable order) and its scope (its weight). */
export interface Shardable {
  readonly id: string;
  readonly scope: 'server' | 'device';
}

/** Why a shard option is malformed or out of range; the caller turns it into a usage or config error. */
export class ShardSyntaxError extends Error {}

/** Parses `i/n`: whole numbers with 1 ≤ i ≤ n. The message names what is wrong with the value. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new ShardSyntaxError(`must be INDEX/COUNT with whole numbers, such as 1/3, not "${text}"`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new ShardSyntaxError(`"${text}" has a count of ${count}: there must be at least 1 shard`);
  if (index < 1 || index > count) {
    throw new ShardSyntaxError(`"${text}" is out of range: the index must be from 1 to ${count}`);
  }
  // A count larger than this could never be a CI matrix; it is far more likely a typo.
  if (count > 1000) throw new ShardSyntaxError(`"${text}" has ${count} shards; at most 1000 are allowed`);
  return { index, count };
}

export function formatShard(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/**
 * Deals the checks into `count` parts: device checks first, then server checks, round robin with one dealer that
 * carries on from one scope to the next (so a part short of a device check gets a server check first). Each check
 * lands in exactly one part; parts differ by at most one check overall and one check of each scope. Within a part
 * the checks keep the selection's order. Depends only on the selection's order and scopes, so n independent CI jobs
 * given the same selection compute the same parts.
 */
export function assignShards<T extends Shardable>(checks: readonly T[], count: number): T[][] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`shard count must be a whole number ≥ 1: ${count}`);
  const slot = new Map<string, number>();
  let dealt = 0;
  for (const scope of ['device', 'server'] as const) {
    for (const check of checks) if (check.scope === scope) slot.set(check.id, dealt++ % count);
  }
  const parts = Array.from({ length: count }, (): T[] => []);
  for (const check of checks) parts[slot.get(check.id) as number]?.push(check);
  return parts;
}

/** The checks of one shard of the selection. */
export function shardChecks<T extends Shardable>(checks: readonly T[], shard: Shard): T[] {
  return assignShards(checks, shard.count)[shard.index - 1] ?? [];
}
