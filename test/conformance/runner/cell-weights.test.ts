/** Longest cells first, and the run's cells split between threads into shares of about equal weight. */
import { describe, expect, it } from 'vitest';
import {
  cellWeight,
  longestFirst,
  plannedWork,
  splitByWeight,
  weightAt,
} from '../../../conformance/runner/cell-weights.js';
import { plannedCells } from '../../../conformance/runner/planned-cells.js';
import { cellId } from '../../../conformance/runner/smoke-cells.js';
import { columnName } from '../../../conformance/kit/check.js';
import { ALL_CHECKS } from '../../../conformance/suites/index.js';
import { loadMatrix } from '../../../devices/load-profiles.js';

const matrix = loadMatrix();
const all = plannedCells(matrix.editions, ALL_CHECKS, matrix.profiles);
const ids = all.map((c) => cellId(c.check.id, columnName(c.column)));
const weightOf = new Map(all.map((c) => [cellId(c.check.id, columnName(c.column)), cellWeight(c.check.id)]));
const editionOf = new Map(all.map((c) => [cellId(c.check.id, columnName(c.column)), c.column.edition]));
const total = (share: readonly string[]) => share.reduce((sum, id) => sum + (weightOf.get(id) ?? 0), 0);

describe('cell weights', () => {
  it('order the cells longest first, keeping the run’s order among equals', () => {
    const ordered = longestFirst(all);
    const weights = ordered.map((c) => cellWeight(c.check.id));
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    expect(weights[0]).toBeGreaterThan(weights.at(-1) as number);
    const usual = ordered.filter((c) => cellWeight(c.check.id) === weights.at(-1));
    const positions = usual.map((c) => all.indexOf(c));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('order a run of few sequences by the weights measured at 10, where fixed costs weigh more', () => {
    // Light at 100 sequences beside a model-based property, heavier at 10: a backup of every photo and video type.
    const photos = all.find((c) => c.check.id === 'sources-file-types-photos-videos');
    const model = all.find((c) => c.check.id === 'pairing-tokens-model');
    const both = [photos, model].filter((c) => c !== undefined);
    expect(both).toHaveLength(2);
    expect(longestFirst(both, 10).map((c) => c.check.id)).toEqual([
      'sources-file-types-photos-videos',
      'pairing-tokens-model',
    ]);
    expect(longestFirst(both, 100).map((c) => c.check.id)).toEqual([
      'pairing-tokens-model',
      'sources-file-types-photos-videos',
    ]);
    expect(longestFirst(both).map((c) => c.check.id)).toEqual([
      'pairing-tokens-model',
      'sources-file-types-photos-videos',
    ]);
  });

  it('put every cell in exactly one share', () => {
    const shares = splitByWeight(all, 3);
    expect(shares).toHaveLength(3);
    expect(shares.flat().sort()).toEqual([...ids].sort());
  });

  it('make shares whose weights differ by no more than the heaviest cell', () => {
    const shares = splitByWeight(all, 2).map(total);
    const heaviest = Math.max(...all.map((c) => cellWeight(c.check.id)));
    expect(Math.abs((shares[0] as number) - (shares[1] as number))).toBeLessThanOrEqual(heaviest);
  });

  it('split the same cells the same way every time', () => {
    expect(splitByWeight([...all].reverse(), 2)).toEqual(splitByWeight([...all].reverse(), 2));
    expect(splitByWeight(all, 2)).toEqual(splitByWeight(all, 2));
  });

  it('leave shares empty when there are fewer cells than threads', () => {
    expect(
      splitByWeight(all.slice(0, 1), 2)
        .map((share) => share.length)
        .sort(),
    ).toEqual([0, 1]);
  });

  it('split no more editions between shares than there are boundaries between them', () => {
    for (const count of [2, 3, 4]) {
      const shares = splitByWeight(all, count);
      const pieces = shares.flatMap((share) => [...new Set(share.map((id) => editionOf.get(id)))]);
      expect(pieces.length).toBeLessThanOrEqual(matrix.editions.length + count - 1);
    }
  });

  it('give a split edition’s exclusive checks to one share only', () => {
    const exclusive = new Set(
      all.filter((c) => c.check.exclusive).map((c) => cellId(c.check.id, columnName(c.column))),
    );
    expect(exclusive.size).toBeGreaterThan(0);
    const [first, second] = splitByWeight(all, 2) as [string[], string[]];
    const editionsWith = (share: string[]) =>
      new Set(share.filter((id) => exclusive.has(id)).map((id) => editionOf.get(id)));
    const both = [...editionsWith(first)].filter((edition) => editionsWith(second).has(edition));
    expect(both).toEqual([]);
  });

  it('give a live display the work of the cells as they are ordered by, at the run’s sequences per property', () => {
    for (const runs of [10, 100]) {
      const work = plannedWork(all, runs);
      const sum = all.reduce((total, c) => total + weightAt(c.check.id, runs), 0);
      expect(work.total).toBeCloseTo(sum);
      expect(work.perCell['pairing-tokens-model']).toBe(weightAt('pairing-tokens-model', runs));
    }
    // Few sequences weigh a page in Chromium above a model-based property, as the order does.
    const few = plannedWork(all, 10).perCell;
    expect(few['sources-file-types-photos-videos']).toBeGreaterThan(few['pairing-tokens-model'] as number);
    expect(plannedWork([], 100)).toEqual({ total: 0, perCell: {} });
  });
});
