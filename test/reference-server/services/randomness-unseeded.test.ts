/**
 * A server without a seed draws the system's randomness with no AsyncLocalStorage active on its thread (on Node 20
 * an active one hooks every promise). A file of its own: once any server with a seed has started on a thread, one is.
 */
import { executionAsyncResource } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import {
  randomBytesOf,
  refuseRandomnessOutsideServers,
  useRandomness,
  withRandomness,
} from '../../../reference-server/services/randomness.js';
import { startTestServer } from '../../helpers/test-server.js';

/** Whether a timer made now carries an AsyncLocalStorage's store, as every async resource does while one is active. */
const storesPropagate = () =>
  new Promise<boolean>((resolve) =>
    setTimeout(() => {
      const symbols = Object.getOwnPropertySymbols(executionAsyncResource());
      resolve(symbols.some((symbol) => symbol.description === 'kResourceStore'));
    }, 0),
  );

describe('a server without a seed', () => {
  it('starts and serves with no AsyncLocalStorage active, drawing fresh values', async () => {
    expect(await storesPropagate()).toBe(false);
    const server = await startTestServer('pro');
    try {
      const device = await server.pairDevice();
      const secrets = new Set<string>();
      for (let i = 0; i < 3; i++) {
        secrets.add((await server.console.call('createRegistration', { body: {} })).secret);
      }
      expect(device.deviceId).toMatch(/^[\w-]{16}$/);
      expect(secrets.size).toBe(3);
      expect(await storesPropagate()).toBe(false);

      // Its draws are those outside every server, so these can no longer become a seed's or refused.
      expect(() => useRandomness('seed')).toThrow(/server without a seed/);
      expect(() => refuseRandomnessOutsideServers()).toThrow(/server without a seed/);
      expect(randomBytesOf(12).equals(randomBytesOf(12))).toBe(false);
    } finally {
      await server.close();
    }
    // The probe sees one once a server with a seed starts (so the checks above are not vacuous).
    withRandomness('seed', () => randomBytesOf(12));
    expect(await storesPropagate()).toBe(true);
  });
});
