import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtOnce } from '../../../../conformance/suites/protocol/built-once.js';

describe('builtOnce', () => {
  it('makes the answer of each key once and gives it back after', () => {
    const made: string[] = [];
    const lengthOf = builtOnce((key: string) => {
      made.push(key);
      return key.length;
    });
    expect([lengthOf('ab'), lengthOf('abc'), lengthOf('ab')]).toEqual([2, 3, 2]);
    expect(made).toEqual(['ab', 'abc']);
  });

  it('draws the same cases from a kept arbitrary as from one built anew per case', () => {
    const make = (max: number) => fc.array(fc.integer({ min: 0, max }), { maxLength: 4 });
    const kept = builtOnce(make);
    const anew = fc.sample(fc.constantFrom(3, 50, 900).chain(make), { seed: 7, numRuns: 200 });
    expect(fc.sample(fc.constantFrom(3, 50, 900).chain(kept), { seed: 7, numRuns: 200 })).toEqual(anew);
  });
});
