/**
 * The default run's device cells when it tests several editions: each device check runs each profile once, on one
 * edition, the editions taken in turn along each platform's profiles, instead of every profile on every edition
 * (`--full-matrix`). Each check still runs on every profile; a platform with fewer profiles that the check applies to
 * than editions it applies on runs those profiles on every such edition, so each check meets every edition on each
 * platform wherever it applies; the server checks still run on every edition. The turn skips
 * the editions a check surely does not apply to on that profile (Home's 2FA), so no profile loses a check to an
 * edition that would only skip it, and each check starts its turn at an edition drawn from its id, so the checks of
 * one profile do not all land on the first edition. The choice depends only on ids and the matrix's order: the same
 * cells every run, on every machine, and a one-edition run (`mbsc validate`) keeps every cell.
 */
import { createHash } from 'node:crypto';
import type { Edition } from '../spec/editions.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { columnName, type Check } from '../kit/check.js';
import type { CellFilter } from './smoke-cells.js';
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

/**
 * The column names of `check`'s turns: one edition for each profile, unless its platform has fewer profiles the check
 * applies to than editions it applies on, whose profiles then keep every such edition.
 */
function turnColumns(check: Check, editions: readonly Edition[], profiles: readonly DeviceSpec[]): Set<string> {
  const start = createHash('sha256').update(check.id).digest().readUInt32BE(0);
  const kept = new Set<string>();
  const applying = new Map(
    profiles.map((profile) => [profile, editions.filter((edition) => !surelySkipped(check, { edition, profile }))]),
  );
  for (const platform of new Set(profiles.map((profile) => profile.platform))) {
    const own = profiles.filter((profile) => profile.platform === platform);
    const applied = own.filter((profile) => (applying.get(profile) ?? []).length > 0);
    const met = new Set(applied.flatMap((profile) => applying.get(profile) ?? []));
    const inTurn = applied.length >= met.size;
    for (const [index, profile] of own.entries()) {
      const choices = applying.get(profile) ?? [];
      // A profile the check skips on every edition keeps one cell, which says why it skipped.
      if (choices.length === 0) kept.add(columnName({ edition: pick(editions, start + index), profile }));
      // The turn counts only the profiles the check applies to, so consecutive ones take consecutive editions.
      const turn = start + applied.indexOf(profile);
      const chosen = inTurn && choices.length > 0 ? [pick(choices, turn)] : choices;
      for (const edition of chosen) kept.add(columnName({ edition, profile }));
    }
  }
  return kept;
}

function pick(editions: readonly Edition[], turn: number): Edition {
  return editions[turn % editions.length] as Edition;
}
