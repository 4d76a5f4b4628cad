/**
 * A reference server (pro edition) on 127.0.0.1 with ports chosen by the OS and a temporary data directory that is
 * removed on close. It pairs a MobileApp through the QR payload, or a bare MbsClient straight through `pair`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Platform } from '../../simulators/device/device-spec.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import type { Clock } from '../../reference-server/clock.js';
import { startServer, type RunningServer } from '../../reference-server/server.js';

export interface SimServer {
  readonly server: RunningServer;
  /** The text of a fresh pairing QR code, for MobileApp.scanQr. */
  pairingPayload(): Promise<string>;
  /** A bare protocol client paired as a new device: no app model at all. */
  pairBare(name: string, platform: Platform): Promise<MbsClient>;
  close(): Promise<void>;
}

/** `clock` lets a scenario run the server on the same virtual time as its devices. */
export async function startSimServer(dataParent: string, clock?: Clock): Promise<SimServer> {
  const dataDir = mkdtempSync(path.join(dataParent, 'mbsc-bench-sim-'));
  let server: RunningServer;
  try {
    server = await startServer({
      edition: 'pro',
      dataDir,
      host: '127.0.0.1',
      tcpPort: 0,
      udpPort: 0,
      ...(clock ? { clock } : {}),
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const consoleClient = new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey });
  const createPairing = () => consoleClient.call('createPairing', { body: { mode: 'add' } });
  return {
    server,
    async pairingPayload() {
      return (await createPairing()).payload;
    },
    async pairBare(name, platform) {
      const { token } = await createPairing();
      const client = new MbsClient({ baseUrl: server.url });
      const paired = await client.call('pair', {
        body: {
          token,
          edition: 'pro',
          device: {
            name,
            model: platform === 'android' ? 'M1908C3JG' : 'iPhone8,1',
            platform,
            osVersion: platform === 'android' ? '10' : '15.8',
            installId: randomBytes(9).toString('base64url'),
          },
        },
      });
      client.deviceKey = paired.deviceKey;
      return client;
    },
    async close() {
      try {
        await server.close();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
