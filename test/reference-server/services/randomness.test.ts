import { afterEach, describe, expect, it } from 'vitest';
import type { Edition } from '../../../conformance/spec/editions.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  drawingWithKey,
  randomBytesOf,
  refuseRandomnessOutsideServers,
  useRandomness,
  withRandomness,
} from '../../../reference-server/services/randomness.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

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

describe('seeded streams that must not repeat what a server already holds', () => {
  it('draws on from a stream of its own for a key seen again after its stream was dropped', () => {
    const firstOf = (key: string) => drawingWithKey(key, () => randomBytesOf(16));
    const [first, again] = withRandomness('seed', () => {
      const first = firstOf('case-1');
      // More keys than a server keeps streams for: case-1's stream is dropped.
      for (let i = 0; i < 10_001; i++) drawingWithKey(`other-${i}`, () => randomBytesOf(1));
      return [first, firstOf('case-1')];
    });
    expect(again.equals(first)).toBe(false);
    // A server of that seed that never dropped it still draws what the first did.
    expect(withRandomness('seed', () => firstOf('case-1')).equals(first)).toBe(true);
  });

  it('gives a frozen server started again on its data ids of that start, and a pairing code', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'mbsc-frozen-restart-'));
    try {
      const tokens: string[] = [];
      for (const start of [1, 2, 3]) {
        const server = await startTestServer('pro', { conformanceClock: true, frozenClock: true, dataDir });
        try {
          tokens.push((await server.console.call('createPairing', { body: { mode: 'add' } })).token);
        } finally {
          await server.close();
        }
        expect(new Set(tokens).size, `start ${start}`).toBe(tokens.length);
      }
      // A fresh data directory draws what the first start drew: one seed still replays one run.
      const fresh = await startTestServer('pro', { conformanceClock: true, frozenClock: true });
      try {
        expect((await fresh.console.call('createPairing', { body: { mode: 'add' } })).token).toBe(tokens[0]);
      } finally {
        await fresh.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the seeded randomness of servers sharing a thread', () => {
  const started: TestServer[] = [];
  afterEach(async () => {
    for (const server of started.splice(0)) await server.close();
  });
  const frozen = async (edition: Edition) => {
    const server = await startTestServer(edition, { conformanceClock: true, frozenClock: true });
    started.push(server);
    return server;
  };
  /** What a server draws for its requests without a key: its id at its start, then pairing tokens and a secret. */
  const draws = async (server: TestServer) => ({
    serverId: (await server.console.call('getInfo')).serverId,
    tokens: [
      (await server.console.call('createPairing', { body: { mode: 'add' } })).token,
      (await server.console.call('createPairing', { body: { mode: 'add' } })).token,
    ],
    secret: (await server.console.call('createRegistration', { body: {} })).secret,
  });

  it('gives each server the draws it makes alone, whatever the others started and drew meanwhile', async () => {
    const alone = await draws(await frozen('pro'));
    for (const server of started.splice(0)) await server.close();
    const lite = await frozen('lite');
    const pro = await frozen('pro');
    const other = await frozen('lite');
    // Interleaved: each request of one server between those of the others, which drew from the same seed.
    const [together] = await Promise.all([draws(pro), draws(lite), draws(other)]);
    expect(together).toEqual(alone);
  });

  it('take nothing from the server started last for a draw outside every server', async () => {
    const alone = await draws(await frozen('pro'));
    for (const server of started.splice(0)) await server.close();
    const pro = await frozen('pro');
    // As a timer started before the server, or a callback that lost its context, would draw.
    randomBytesOf(32);
    const after = await draws(pro);
    expect(after).toEqual(alone);
  });

  it("give a server without a seed started within a seeded server's context the system's, not that seed's", () => {
    const seeds = withRandomness('seed', () => randomBytesOf(12));
    const within = withRandomness('seed', () => withRandomness(undefined, () => randomBytesOf(12)));
    expect(within.equals(seeds)).toBe(false);
  });

  it('refuse a draw outside every server on a thread told to, and still serve each server its own', () => {
    refuseRandomnessOutsideServers();
    try {
      expect(() => randomBytesOf(12)).toThrow(/outside every server's context/);
      const once = withRandomness('seed', () => randomBytesOf(12));
      expect(withRandomness('seed', () => randomBytesOf(12)).equals(once)).toBe(true);
    } finally {
      useRandomness(undefined);
    }
  });
});
