/** `--shard I/N`: parsing, and the properties CI relies on when n jobs each compute their own part. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignShards, parseShard, shardChecks, ShardSyntaxError } from '../../../conformance/runner/shard.js';
import { ALL_CHECKS } from '../../../conformance/suites/index.js';

const checksArb = fc.uniqueArray(
  fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }), scope: fc.constantFrom('server', 'device') } as const),
  { selector: (c) => c.id, maxLength: 60 },
);
const countArb = fc.integer({ min: 1, max: 12 });
const spread = (values: number[]) => Math.max(...values) - Math.min(...values);

describe('assignShards', () => {
  it('puts every selected check in exactly one shard', () => {
    fc.assert(
      fc.property(checksArb, countArb, (checks, count) => {
        const parts = assignShards(checks, count);
        expect(parts).toHaveLength(count);
        const ids = parts.flat().map((c) => c.id);
        expect([...ids].sort()).toEqual(checks.map((c) => c.id).sort());
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });

  it('balances by count overall and within each scope', () => {
    fc.assert(
      fc.property(checksArb, countArb, (checks, count) => {
        const parts = assignShards(checks, count);
        expect(spread(parts.map((p) => p.length))).toBeLessThanOrEqual(1);
        for (const scope of ['server', 'device'] as const) {
          expect(spread(parts.map((p) => p.filter((c) => c.scope === scope).length))).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('keeps the selection order within a shard, and is a function of the selection alone', () => {
    fc.assert(
      fc.property(checksArb, countArb, (checks, count) => {
        const order = new Map(checks.map((c, i) => [c.id, i]));
        for (const part of assignShards(checks, count)) {
          const positions = part.map((c) => order.get(c.id) as number);
          expect(positions).toEqual([...positions].sort((a, b) => a - b));
        }
        expect(assignShards(structuredClone(checks), count)).toEqual(assignShards(checks, count));
      }),
    );
  });

  it('shardChecks(i/n) is part i of n, for the kit’s own checks', () => {
    const parts = assignShards(ALL_CHECKS, 4);
    for (let index = 1; index <= 4; index++) {
      expect(shardChecks(ALL_CHECKS, { index, count: 4 }).map((c) => c.id)).toEqual(parts[index - 1]?.map((c) => c.id));
    }
    expect(parts.flat()).toHaveLength(ALL_CHECKS.length);
  });
});

describe('parseShard', () => {
  it('reads INDEX/COUNT', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });

  it.each([
    ['0/3', /out of range: the index must be from 1 to 3/],
    ['4/3', /out of range: the index must be from 1 to 3/],
    ['1/0', /count of 0: there must be at least 1 shard/],
    ['x', /must be INDEX\/COUNT/],
    ['1/', /must be INDEX\/COUNT/],
    ['-1/3', /must be INDEX\/COUNT/],
    ['1.5/3', /must be INDEX\/COUNT/],
    ['1/5000', /at most 1000/],
  ])('refuses %s, naming the problem', (text, message) => {
    expect(() => parseShard(text)).toThrow(ShardSyntaxError);
    expect(() => parseShard(text)).toThrow(message);
  });

  it('accepts exactly the whole numbers 1 ≤ i ≤ n', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 40 }), fc.integer({ min: -5, max: 40 }), (index, count) => {
        const valid = index >= 1 && count >= 1 && index <= count;
        if (valid) expect(parseShard(`${index}/${count}`)).toEqual({ index, count });
        else expect(() => parseShard(`${index}/${count}`)).toThrow(ShardSyntaxError);
      }),
    );
  });
});
