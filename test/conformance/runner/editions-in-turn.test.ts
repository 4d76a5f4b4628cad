/**
 * The editions in turn: a run of several editions runs each device check once on each profile, on one edition that
 * check applies to, the editions taken in turn along each platform's profiles; its server checks on every edition.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plannedCells, type PlannedCell } from '../../../conformance/runner/planned-cells.js';
import { editionsInTurn } from '../../../conformance/runner/editions-in-turn.js';
import { surelySkipped } from '../../../conformance/runner/surely-skipped.js';
import { runCommandLine } from '../../../conformance/runner/command-lines.js';
import { ALL_CHECKS } from '../../../conformance/suites/index.js';
import { loadMatrix } from '../../../devices/load-profiles.js';
import { columnName, skipUnless, type Check } from '../../../conformance/kit/check.js';
import { EDITION_NAMES, type Edition } from '../../../conformance/spec/editions.js';
import type { DeviceSpec } from '../../../simulators/device/device-spec.js';
import { merge, RUN_OPTIONS, VALIDATE_OPTIONS, type Values } from '../../../cli/commands/run-options.js';

const matrix = loadMatrix();
const turns = plannedCells(
  matrix.editions,
  ALL_CHECKS,
  matrix.profiles,
  editionsInTurn(matrix.editions, matrix.profiles),
);
const all = plannedCells(matrix.editions, ALL_CHECKS, matrix.profiles);
const device = ALL_CHECKS.filter((check) => check.scope === 'device');
const cellsOf = (check: Check, cells: readonly PlannedCell[]) => cells.filter((cell) => cell.check === check);
/** The editions `check` applies to on `profile`, as far as is known before any server starts. */
const applies = (check: Check, profile: DeviceSpec) =>
  matrix.editions.filter((edition) => !surelySkipped(check, { edition, profile }));

describe('the editions in turn', () => {
  it('keeps every server cell, on every edition', () => {
    const servers = (cells: readonly PlannedCell[]) => cells.filter((cell) => cell.column.profile === undefined);
    expect(servers(turns)).toEqual(servers(all));
  });

  it('runs each device check on every profile: on one edition where its platform has a profile per edition, else all', () => {
    let once = 0;
    for (const check of device) {
      for (const profile of matrix.profiles) {
        const ran = cellsOf(check, turns)
          .filter((cell) => cell.column.profile === profile && !surelySkipped(check, cell.column))
          .map((cell) => cell.column.edition);
        const own = applies(check, profile);
        if (own.length === 0) continue;
        const peers = matrix.profiles.filter((p) => p.platform === profile.platform && applies(check, p).length > 0);
        const met = new Set(peers.flatMap((p) => applies(check, p)));
        if (peers.length >= met.size) {
          expect(ran, `${check.id} on ${profile.id}`).toHaveLength(1);
          once += 1;
        } else expect(ran, `${check.id} on ${profile.id}`).toEqual(own);
      }
    }
    expect(once).toBeGreaterThan(device.length * 4);
    const running = (cells: readonly PlannedCell[]) => cells.filter((c) => !surelySkipped(c.check, c.column)).length;
    expect(running(turns)).toBeLessThan(running(all) / 2);
  });

  it('keeps every cell that surely skips: it costs nothing and says why (2FA on Home, screens checks in process)', () => {
    const skipping = all.filter((cell) => cell.column.profile && surelySkipped(cell.check, cell.column));
    expect(skipping.length).toBeGreaterThan(100);
    const ids = new Set(turns.map((c) => `${c.check.id}@${c.column.profile?.id}@${c.column.edition}`));
    for (const cell of skipping)
      expect(ids.has(`${cell.check.id}@${cell.column.profile?.id}@${cell.column.edition}`), cell.check.id).toBe(true);
  });

  it('meets on each platform every edition a check applies to there', () => {
    for (const check of device) {
      for (const platform of ['android', 'ios'] as const) {
        const profiles = matrix.profiles.filter((profile) => profile.platform === platform);
        const applying = new Set(profiles.flatMap((profile) => applies(check, profile)));
        const met = cellsOf(check, turns)
          .filter((cell) => cell.column.profile?.platform === platform && !surelySkipped(check, cell.column))
          .map((cell) => cell.column.edition);
        expect(new Set(met), `${check.id} on ${platform}`).toEqual(applying);
      }
    }
  });

  it('runs a lone profile on every edition: one phone meets them all', () => {
    const phone = matrix.profiles.filter((profile) => profile.id === 'redmi-note-8');
    const full = plannedCells(matrix.editions, device, phone);
    expect(plannedCells(matrix.editions, device, phone, editionsInTurn(matrix.editions, phone))).toEqual(full);
  });

  it('spreads the checks of one profile over the editions', () => {
    const first = matrix.profiles[0] as (typeof matrix.profiles)[number];
    const editions = turns.filter((cell) => cell.column.profile === first).map((cell) => cell.column.edition);
    for (const edition of matrix.editions) {
      expect(editions.filter((e) => e === edition).length).toBeGreaterThan(editions.length / 6);
    }
  });

  it('keeps every cell of a run of one edition', () => {
    const lite = plannedCells(['lite'], ALL_CHECKS, matrix.profiles);
    expect(plannedCells(['lite'], ALL_CHECKS, matrix.profiles, editionsInTurn(['lite'], matrix.profiles))).toEqual(
      lite,
    );
  });
});

/** A device check that applies, on each profile, to the editions `on` gives it, and skips every other cell. */
const checkOn = (id: string, on: ReadonlyMap<DeviceSpec, readonly Edition[]>): Check => ({
  id,
  title: id,
  area: 'NET',
  requirements: ['NET-01'],
  scope: 'device',
  applies: (column) =>
    skipUnless(column.profile !== undefined && (on.get(column.profile)?.includes(column.edition) ?? false), 'not here'),
  run: async () => ({ verdict: 'pass', runs: 1 }),
});

/** 1-6 profiles of `platform`, named by it, each with the editions the check applies to on it (none, some or all). */
const profilesOf = (platform: DeviceSpec['platform']) =>
  fc
    .array(fc.subarray(EDITION_NAMES), { minLength: 1, maxLength: 6 })
    .map((ons) => ons.map((on, i) => [`${platform}-${i + 1}`, on] as const));
/** Both platforms' profiles in any order, as profile id → editions the check applies to on it. */
const profilesArb = fc
  .tuple(profilesOf('android'), profilesOf('ios'))
  .chain(([android, ios]) => fc.shuffledSubarray([...android, ...ios], { minLength: android.length + ios.length }));
/** The drawn profiles, each a profile of the matrix under the drawn id, with the editions it applies to. */
const profilesFrom = (drawn: readonly (readonly [string, readonly Edition[]])[]) =>
  new Map<DeviceSpec, readonly Edition[]>(
    drawn.map(([id, on]) => [
      { ...(matrix.profiles[0] as DeviceSpec), id, platform: id.startsWith('ios') ? 'ios' : 'android' },
      on,
    ]),
  );
const editionsArb = fc.shuffledSubarray(EDITION_NAMES, { minLength: 2 });

describe('the editions in turn, on any matrix', () => {
  type Applying = ReadonlyMap<DeviceSpec, readonly Edition[]>;
  /** Asserts `property` of a check of any id on any editions and profiles, those it applies to on each drawn. */
  const forAny = (property: (id: string, editions: readonly Edition[], on: Applying) => void, numRuns = 100) =>
    fc.assert(
      fc.property(fc.string(), editionsArb, profilesArb, (id, editions, drawn) =>
        property(id, editions, profilesFrom(drawn)),
      ),
      { numRuns },
    );
  const kept = (id: string, editions: readonly Edition[], on: Applying) =>
    plannedCells(editions, [checkOn(id, on)], [...on.keys()], editionsInTurn(editions, [...on.keys()]));
  const running = (cells: readonly PlannedCell[]) => cells.filter((c) => !surelySkipped(c.check, c.column));
  const names = (cells: readonly PlannedCell[]) => cells.map((cell) => columnName(cell.column));
  /** The profiles of `platform` that apply on some edition of the run, each with those editions. */
  const appliedOn = (platform: DeviceSpec['platform'], editions: readonly Edition[], on: Applying) =>
    [...on]
      .filter(([profile]) => profile.platform === platform)
      .map(([profile, editionsOn]) => ({ profile, own: editions.filter((e) => editionsOn.includes(e)) }))
      .filter(({ own }) => own.length > 0);

  it('meets on each platform every edition a profile of it applies to, and each profile that applies somewhere', () => {
    forAny((id, editions, on) => {
      const ran = running(kept(id, editions, on));
      for (const platform of ['android', 'ios'] as const) {
        const applied = appliedOn(platform, editions, on);
        const met = ran.filter((cell) => cell.column.profile?.platform === platform).map((c) => c.column.edition);
        expect(new Set(met), platform).toEqual(new Set(applied.flatMap(({ own }) => own)));
        for (const { profile } of applied)
          expect(
            ran.filter((cell) => cell.column.profile === profile),
            profile.id,
          ).not.toEqual([]);
      }
    }, 500);
  });

  it('gives a profile a second edition only where it alone meets each of its editions on its platform', () => {
    forAny((id, editions, on) => {
      const ran = running(kept(id, editions, on));
      for (const platform of ['android', 'ios'] as const) {
        const applied = appliedOn(platform, editions, on);
        // With fewer profiles than editions to meet, each runs on every edition it applies to.
        if (applied.length < new Set(applied.flatMap(({ own }) => own)).size) continue;
        for (const { profile } of applied) {
          const mine = ran.filter((cell) => cell.column.profile === profile).map((cell) => cell.column.edition);
          const others = ran.filter((c) => c.column.profile !== profile && c.column.profile?.platform === platform);
          const shared = mine.filter((edition) => others.some((other) => other.column.edition === edition));
          if (mine.length > 1) expect(shared, profile.id).toEqual([]);
        }
      }
    }, 500);
  });

  it('keeps every cell that surely skips, and every cell of a run of one edition', () => {
    forAny((id, editions, on) => {
      const all = (of: readonly Edition[]) => plannedCells(of, [checkOn(id, on)], [...on.keys()]);
      const skipping = all(editions).filter((cell) => surelySkipped(cell.check, cell.column));
      expect(names(kept(id, editions, on))).toEqual(expect.arrayContaining(names(skipping)));
      for (const edition of editions) expect(names(kept(id, [edition], on))).toEqual(names(all([edition])));
    });
  });

  it('keeps the same cells for the same check, editions and profiles', () => {
    forAny((id, editions, on) => {
      const again = new Map([...on].map(([profile, editionsOn]) => [structuredClone(profile), [...editionsOn]]));
      expect(names(kept(id, [...editions], again))).toEqual(names(kept(id, editions, on)));
    });
  });
});

describe('--full-matrix', () => {
  const none = Object.fromEntries(
    Object.entries(RUN_OPTIONS).map(([k, spec]) => [k, spec.type === 'boolean' ? false : undefined]),
  ) as Values;

  it('is a flag of mbsc run, off unless given here or in the config file, and named in the command line', () => {
    expect(merge({ ...none, 'full-matrix': true }, {}).fullMatrix).toBe(true);
    expect(merge(none, {}).fullMatrix).toBeUndefined();
    expect(merge(none, { fullMatrix: true }).fullMatrix).toBe(true);
    expect(runCommandLine('run', { fullMatrix: true }, undefined, 7, 100)).toContain(' --full-matrix ');
    expect(runCommandLine('run', {}, undefined, 7, 100)).not.toContain('--full-matrix');
  });

  it('is not an option of mbsc validate, which tests one edition', () => {
    expect(Object.keys(VALIDATE_OPTIONS)).not.toContain('full-matrix');
  });
});
