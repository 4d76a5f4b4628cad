/**
 * The editions in turn: a run of several editions runs each device check once on each profile, on one edition that
 * check applies to, the editions taken in turn along each platform's profiles; its server checks on every edition.
 */
import { describe, expect, it } from 'vitest';
import { plannedCells, type PlannedCell } from '../../../conformance/runner/planned-cells.js';
import { editionsInTurn } from '../../../conformance/runner/editions-in-turn.js';
import { surelySkipped } from '../../../conformance/runner/surely-skipped.js';
import { runCommandLine } from '../../../conformance/runner/command-lines.js';
import { ALL_CHECKS } from '../../../conformance/suites/index.js';
import { loadMatrix } from '../../../devices/load-profiles.js';
import type { Check } from '../../../conformance/kit/check.js';
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
