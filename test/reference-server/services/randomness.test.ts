import { describe, expect, it } from 'vitest';
import { randomBytesOf, useRandomness } from '../../../reference-server/services/randomness.js';

describe("the server's system randomness, drawn a page at a time", () => {
  it('gives each caller bytes of its own, of the size asked, never the same twice', () => {
    useRandomness(undefined);
    const first = randomBytesOf(12);
    const copy = Buffer.from(first);
    const second = randomBytesOf(12);
    second.fill(0);
    expect(first.equals(copy)).toBe(true);
    const drawn = new Set<string>();
    for (let i = 0; i < 2000; i++) drawn.add(randomBytesOf(32).toString('hex'));
    expect(drawn.size).toBe(2000);
    expect([
      randomBytesOf(0).length,
      randomBytesOf(1).length,
      randomBytesOf(512).length,
      randomBytesOf(5000).length,
    ]).toEqual([0, 1, 512, 5000]);
  });

  it('still replays a seed byte for byte', () => {
    useRandomness('seed');
    const once = randomBytesOf(12);
    useRandomness('seed');
    expect(randomBytesOf(12).equals(once)).toBe(true);
    useRandomness(undefined);
  });
});
