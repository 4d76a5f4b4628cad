/**
 * expectEqual judges JSON values: an object's keys in another order are no difference (the protocol fixes none), an
 * array's order is, and a finding shows both values as they came.
 */
import { describe, expect, it } from 'vitest';
import { expectEqual } from '../../../conformance/kit/check-oracles.js';
import { Violation } from '../../../conformance/kit/violation.js';

function finding(actual: unknown, expected: unknown): Violation | undefined {
  try {
    expectEqual(['BAK-06'], 'the counts', actual, expected);
    return undefined;
  } catch (error) {
    if (error instanceof Violation) return error;
    throw error;
  }
}

describe('expectEqual', () => {
  it('takes objects whose keys come in another order, nested too, as equal', () => {
    expect(finding({ photos: 1, videos: 2 }, { videos: 2, photos: 1 })).toBeUndefined();
    expect(finding([{ a: { x: 1, y: [2, 3] }, b: null }], [{ b: null, a: { y: [2, 3], x: 1 } }])).toBeUndefined();
  });

  it('finds arrays in another order, other values and missing keys, naming both values as given', () => {
    expect(finding([1, 2], [2, 1])?.message).toContain('the counts: got [1,2], expected [2,1]');
    expect(finding({ videos: 2, photos: 1 }, { photos: 1, videos: 3 })?.message).toContain(
      'got {"videos":2,"photos":1}, expected {"photos":1,"videos":3}',
    );
    expect(finding({ photos: 1 }, { photos: 1, videos: 0 })?.requirements).toEqual(['BAK-06']);
  });
});
