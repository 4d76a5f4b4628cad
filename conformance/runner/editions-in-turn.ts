/**
 * The default run's device cells when it tests several editions: each device check runs on every profile, the
 * profiles of each platform taking in turn the editions that check applies to, instead of every profile on every
 * edition (`--full-matrix`). Where a platform has fewer profiles the check applies to than editions it applies on,
 * those profiles run on every such edition. Else each runs on one: where its turn falls on an edition it does not
 * apply to, it takes one it does, and an edition no profile took then goes to a profile that applies to it, one whose
 * edition another profile takes too moving there, else the first running on both. So each check meets every edition
 * it applies to on each platform; the server checks still run on every edition. A cell whose check surely does not
 * apply to its column (Home's 2FA, the other platform) is kept: it costs nothing and says why, and a check the kit
 * cannot place before its session starts (one through the screens, which applies only over WebDriver) keeps every
 * cell. Each check starts its turn at an edition drawn from its id, so the checks of one profile do not all land on
 * the first edition. The choice depends only on ids and the matrix's order: the same cells every run, on every
 * machine, and a one-edition run (`mbsc validate`) keeps every cell.
 */
import { createHash } from 'node:crypto';
import type { Edition } from '../spec/editions.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { columnName, type Check } from '../kit/check.js';
import type { CellFilter } from './planned-cells.js';
import { surelySkipped } from './surely-skipped.js';

/** The cells of `editions` × `profiles` the default run keeps: every server cell, and each device check's turns. */
export function editionsInTurn(editions: readonly Edition[], profiles: readonly DeviceSpec[]): CellFilter {
  const turns = new Map<string, ReadonlySet<string>>();
  return (check, column) => {
    if (column.profile === undefined || editions.length < 2) return true;
    let kept = turns.get(check.id);
    if (!kept) turns.set(check.id, (kept = turnColumns(check, editions, profiles)));
    return kept.has(columnName(column));
  };
}

/** The column names `check` keeps: each profile's skipped ones, and its turn among those that apply. */
function turnColumns(check: Check, editions: readonly Edition[], profiles: readonly DeviceSpec[]): Set<string> {
  const start = createHash('sha256').update(check.id).digest().readUInt32BE(0);
  const kept = new Set<string>();
  const applying = new Map(
    profiles.map((profile) => [profile, editions.filter((edition) => !surelySkipped(check, { edition, profile }))]),
  );
  for (const platform of new Set(profiles.map((profile) => profile.platform))) {
    const applied = profiles.filter((p) => p.platform === platform && (applying.get(p) ?? []).length > 0);
    const met = editions.filter((edition) => applied.some((p) => applying.get(p)?.includes(edition)));
    const turns = new Map(
      applied.map((profile, index) => {
        const own = applying.get(profile) ?? [];
        // Consecutive profiles that apply take consecutive editions of those the platform meets.
        const wanted = pick(met, start + index);
        const chosen =
          applied.length < met.length ? [...own] : [own.includes(wanted) ? wanted : pick(own, start + index)];
        return [profile, chosen];
      }),
    );
    meetEvery(met, turns, applying);
    for (const profile of profiles.filter((p) => p.platform === platform)) {
      const own = applying.get(profile) ?? [];
      const skipped = editions.filter((edition) => !own.includes(edition));
      for (const edition of [...skipped, ...(turns.get(profile) ?? [])]) kept.add(columnName({ edition, profile }));
    }
  }
  return kept;
}

/**
 * Gives each edition of `met` that no profile's turn took to a profile that applies to it: one whose every edition
 * another profile takes too moves to it, else the first such profile takes it as well.
 */
function meetEvery(
  met: readonly Edition[],
  turns: Map<DeviceSpec, Edition[]>,
  applying: ReadonlyMap<DeviceSpec, readonly Edition[]>,
): void {
  const takers = (edition: Edition) => [...turns.values()].filter((taken) => taken.includes(edition)).length;
  for (const edition of met.filter((e) => takers(e) === 0)) {
    const able = [...turns.keys()].filter((profile) => applying.get(profile)?.includes(edition));
    const spare = able.find((profile) => turns.get(profile)?.every((taken) => takers(taken) > 1));
    if (spare) turns.set(spare, [edition]);
    else turns.get(able[0] as DeviceSpec)?.push(edition);
  }
}

function pick(editions: readonly Edition[], turn: number): Edition {
  return editions[turn % editions.length] as Edition;
}
