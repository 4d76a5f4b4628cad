/** Starts a reference server on 127.0.0.1 with a fresh data directory, and pairs devices with it. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Edition } from '../../conformance/spec/editions.js';
import type { ItemMeta } from '../../conformance/spec/protocol/resources.js';
import { startServer, type RunningServer } from '../../reference-server/server.js';
import type { ServerOptions } from '../../reference-server/options.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';

export interface TestServer {
  readonly server: RunningServer;
  readonly console: MbsClient;
  readonly dataDir: string;
  pairDevice(name?: string): Promise<MbsClient & { deviceId: string }>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'mbs-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export async function startTestServer(
  edition: Edition = 'pro',
  options: Partial<ServerOptions> = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir();
  const server = await startServer({
    edition,
    dataDir,
    host: '127.0.0.1',
    tcpPort: 0,
    udpPort: 0,
    ...options,
  });
  const consoleClient = new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey });
  let counter = 0;
  return {
    server,
    console: consoleClient,
    dataDir,
    async pairDevice(name = `Device ${++counter}`) {
      const pairing = await consoleClient.call('createPairing', { body: { mode: 'add' } });
      const device = new MbsClient({ baseUrl: server.url });
      const paired = await device.call('pair', {
        body: { token: pairing.token, edition, device: deviceIdentity(name) },
      });
      device.deviceKey = paired.deviceKey;
      return Object.assign(device, { deviceId: paired.deviceId });
    },
    async close() {
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function deviceIdentity(name: string, platform: 'android' | 'ios' = 'android') {
  return {
    name,
    model: platform === 'android' ? 'Redmi Note 8' : 'iPhone 6s',
    platform,
    osVersion: platform === 'android' ? '11' : '15.4',
    installId: randomBytes(9).toString('base64url'),
  };
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function photo(name: string, capturedAt = 1_618_833_600_000): ItemMeta {
  return { kind: 'photo', name, path: `/storage/emulated/0/DCIM/Camera/${name}`, capturedAt, album: 'Camera' };
}

/** Deterministic bytes: the same seed always gives the same content. */
export function bytesOf(seed: number, size: number): Buffer {
  const out = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
