/**
 * Pairings at the same moment: a token still pairs once, the refused ones leave no folder behind, and same-named
 * devices still get folders of their own.
 */
import { readdirSync } from 'node:fs';
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

  /** The backup folders under a device name's folder of the data directory (none when that folder is absent). */
  const foldersOf = (name: string): string[] => {
    try {
      return readdirSync(`${t.dataDir}/${name}`);
    } catch {
      return [];
    }
  };

  it("leaves only the paired device's backup folder when ten pair with one token at once", async () => {
    const { token } = await t.console.call('createPairing', { body: { mode: 'add' } });
    const pairAs = (name: string) =>
      new MbsClient({ baseUrl: t.server.url }).call('pair', {
        body: { token, edition: 'pro', device: deviceIdentity(name) },
      });
    const attempts = await Promise.allSettled(Array.from({ length: 10 }, () => pairAs('Racer')));
    const paired = attempts.filter((a) => a.status === 'fulfilled');
    expect(paired).toHaveLength(1);
    const { backupPath } = (paired[0] as PromiseFulfilledResult<{ backupPath: string }>).value;
    expect(foldersOf('Racer').map((f) => `Racer/${f}`)).toEqual([backupPath]);
  });

  it('leaves no folder of a refused device name when ten differently named devices race for one token', async () => {
    const { token } = await t.console.call('createPairing', { body: { mode: 'add' } });
    const names = Array.from({ length: 10 }, (_, i) => `Runner ${i}`);
    const attempts = await Promise.allSettled(
      names.map((name) =>
        new MbsClient({ baseUrl: t.server.url }).call('pair', {
          body: { token, edition: 'pro', device: deviceIdentity(name) },
        }),
      ),
    );
    const winners = names.filter((_, i) => attempts[i]?.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    const withFolders = names.filter((name) => foldersOf(name).length > 0);
    expect(withFolders).toEqual(winners);
    expect(readdirSync(t.dataDir).filter((entry) => entry.startsWith('Runner '))).toEqual(winners);
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

  it('never gives a new device the folder a removed device of its name left, even in the same millisecond', async () => {
    const first = await t.pairDevice('Successor');
    const firstPath = (await t.console.call('listDevices')).devices.find(
      (d) => d.deviceId === first.deviceId,
    )?.backupPath;
    await t.console.call('removeDevice', { params: { deviceId: first.deviceId } });
    const second = await t.pairDevice('Successor');
    const after = await t.console.call('listDevices');
    const secondPath = after.devices.find((d) => d.deviceId === second.deviceId)?.backupPath;
    expect(firstPath).toMatch(/^Successor\//);
    expect(secondPath).toMatch(/^Successor\//);
    expect(secondPath).not.toBe(firstPath);
  });
});
