/**
 * The frozen conformance clock (`--conformance-clock --frozen-clock`): it stands at a fixed instant, advertises
 * itself, moves only by the console's PUT, and its server's ids and secrets come from a seeded stream, so that two
 * servers started alike hand out the same ones.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  CONFORMANCE_CLOCK_CAPABILITY,
  FROZEN_CLOCK_CAPABILITY,
  FROZEN_CLOCK_START_MS,
} from '../../conformance/spec/protocol/conformance-clock.js';
import { namingRandomnessKey } from '../../simulators/mbs-client/randomness-key.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const started: TestServer[] = [];
afterEach(async () => {
  for (const server of started.splice(0)) await server.close();
});

async function frozenServer(): Promise<TestServer> {
  const server = await startTestServer('pro', { conformanceClock: true, frozenClock: true });
  started.push(server);
  return server;
}

describe('the frozen conformance clock', () => {
  it('stands still at its fixed start until moved, and moves exactly as far as set', async () => {
    const { console } = await frozenServer();
    const info = await console.call('getInfo');
    expect(info.capabilities).toEqual([CONFORMANCE_CLOCK_CAPABILITY, FROZEN_CLOCK_CAPABILITY]);
    const first = await console.call('getConformanceClock');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await console.call('getConformanceClock');
    expect([first.now, second.now]).toEqual([FROZEN_CLOCK_START_MS, FROZEN_CLOCK_START_MS]);
    const moved = await console.call('setConformanceClock', { body: { offsetMs: 61_234 } });
    expect(moved).toEqual({ now: FROZEN_CLOCK_START_MS + 61_234, offsetMs: 61_234 });
    const pairing = await console.call('createPairing', { body: { mode: 'add' } });
    expect(pairing.expiresAt).toBe(FROZEN_CLOCK_START_MS + 61_234 + 10 * 60_000);
  });

  it('hands out the same ids and secrets on two servers started alike, and not on a running clock', async () => {
    const draws = async (server: TestServer) => {
      const registration = await server.console.call('createRegistration', { body: {} });
      return { serverId: (await server.console.call('getInfo')).serverId, secret: registration.secret };
    };
    const a = await draws(await frozenServer());
    const b = await draws(await frozenServer());
    expect(a).toEqual(b);
    const running = await startTestServer('pro', { conformanceClock: true });
    started.push(running);
    expect((await draws(running)).secret).not.toBe(a.secret);
  });

  it('draws a keyed request from the stream of its key, wherever the server stream stands', async () => {
    const secret = async (server: TestServer) => (await server.console.call('createRegistration', { body: {} })).secret;
    const keyed = (server: TestServer, key: string) =>
      namingRandomnessKey(
        () => key,
        () => secret(server),
      );
    const busy = await frozenServer();
    const unkeyed = [await secret(busy), await secret(busy)];
    const afterOthers = await keyed(busy, 'case-a');
    const fresh = await frozenServer();
    expect(await keyed(fresh, 'case-a')).toBe(afterOthers);
    // Unkeyed, where the stream stands decides: the first draw of a fresh server is not the second of a busy one.
    expect(await secret(fresh)).toBe(unkeyed[0]);
    expect(unkeyed[1]).not.toBe(unkeyed[0]);
    // Another key, or a value that is no key, draws something else.
    expect(await keyed(fresh, 'case-b')).not.toBe(afterOthers);
    expect(await keyed(fresh, 'not a key!')).not.toBe(afterOthers);
  });
});
