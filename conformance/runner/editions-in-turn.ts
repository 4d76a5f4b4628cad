/**
 * The default run's device cells when it tests several editions: each device check runs on every profile, the
 * profiles of each platform taking in turn the editions that check applies to, instead of every profile on every
 * edition (`--full-matrix`). Where a platform has fewer profiles the check applies to than editions it applies on,
 * those profiles run on every such edition, so each check meets every edition it applies to on each platform; the
 * server checks still run on every edition. A cell whose check surely does not apply to its column (Home's 2FA, the
 * other platform) is kept: it costs nothing and says why, and a check the kit cannot place before its session starts
 * (one through the screens, which applies only over WebDriver) keeps every cell. Each check starts its turn at an
 * edition drawn from its id, so the checks of one profile do not all land on the first edition. The choice depends
 * only on ids and the matrix's order: the same cells every run, on every machine, and a one-edition run (`mbsc
 * validate`) keeps every cell.
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
    for (const profile of profiles.filter((p) => p.platform === platform)) {
      const own = applying.get(profile) ?? [];
      const skipped = own.length === 0 ? editions : editions.filter((edition) => !own.includes(edition));
      // Consecutive profiles that apply take consecutive editions of those the platform meets.
      const turn = start + applied.indexOf(profile);
      const wanted = pick(met, turn);
      const chosen = applied.length < met.length ? own : [own.includes(wanted) ? wanted : pick(own, turn)];
      for (const edition of [...skipped, ...(own.length > 0 ? chosen : [])]) kept.add(columnName({ edition, profile }));
    }
  }
  return kept;
}

function pick(editions: readonly Edition[], turn: number): Edition {
  return editions[turn % editions.length] as Edition;
}
