/** Pairings at the same moment: a token still pairs once, and same-named devices still get folders of their own. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { deviceIdentity, startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer('pro', { clock: { now: () => Date.UTC(2026, 10, 22) } });
});
afterAll(async () => t.close());

describe('concurrent pairing', () => {
  it('uses a token once however many pair with it at the same time', async () => {
    const { token } = await t.console.call('createPairing', { body: { mode: 'add' } });
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        new MbsClient({ baseUrl: t.server.url }).call('pair', {
          body: { token, edition: 'pro', device: deviceIdentity(`P${i}`) },
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const a of attempts.filter((x) => x.status === 'rejected')) {
      expect((a as PromiseRejectedResult).reason).toMatchObject({ code: 'pairing-token-used' });
    }
  });

  it('gives same-named devices paired in the same millisecond folders of their own, with no server error', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 6 }, () => t.console.call('createPairing', { body: { mode: 'add' } })),
    );
    const paired = await Promise.all(
      tokens.map(({ token }) =>
        new MbsClient({ baseUrl: t.server.url }).call('pair', {
          body: { token, edition: 'pro', device: deviceIdentity('Twin') },
        }),
      ),
    );
    expect(new Set(paired.map((p) => p.backupPath)).size).toBe(6);
  });
});
