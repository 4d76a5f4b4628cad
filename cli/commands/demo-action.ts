/** What `mbsc demo` does once its options are parsed (demo.ts declares them). */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodePairingPayload } from '../../conformance/spec/protocol/pairing.js';
import type { ItemMeta } from '../../conformance/spec/protocol/resources.js';
import { startServer } from '../../reference-server/server.js';
import { discoverServers, discoveryPorts } from '../../simulators/mbs-client/discovery-client.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { EXIT, integerOption, type CommandIo, type ParsedOptions } from '../command.js';
import { terminalQr } from '../terminal-qr.js';
import type { DEMO_OPTIONS } from './demo-options.js';

export async function runDemo(options: ParsedOptions<typeof DEMO_OPTIONS>, io: CommandIo): Promise<number> {
  const photos = integerOption('photos', options.photos, 0, 10_000) as number;
  const videos = integerOption('videos', options.videos, 0, 1_000) as number;
  const dataDir = options.data ?? mkdtempSync(path.join(tmpdir(), 'mbsc-demo-'));
  const server = await startServer({ edition: 'pro', dataDir, host: '127.0.0.1', name: 'mbsc demo' });
  try {
    io.out(
      `Reference server (Pro) on 127.0.0.1: TCP port ${server.identity.tcpPort}, UDP port ${server.identity.udpPort}`,
    );
    const console = new MbsClient({ baseUrl: server.url, consoleKey: server.consoleKey });
    const pairing = await console.call('createPairing', { body: { mode: 'add' } });
    io.out(await terminalQr(pairing.payload));

    const scanned = decodePairingPayload(pairing.payload);
    const device = new MbsClient({ baseUrl: `http://${scanned.host}:${scanned.tcp}` });
    const paired = await device.call('pair', {
      body: {
        token: scanned.token,
        edition: scanned.edition,
        device: {
          name: 'Demo Pixel',
          model: 'Pixel 7',
          platform: 'android',
          osVersion: '14',
          installId: randomBytes(9).toString('base64url'),
        },
      },
    });
    device.deviceKey = paired.deviceKey;
    io.out(`Paired "${paired.name}"; its backups go to ${path.join(dataDir, paired.backupPath)}`);

    const backup = await device.call('startBackup', { body: {} });
    const library = [
      ...Array.from({ length: photos }, (_, i) => ({
        meta: media('photo', `IMG_${1000 + i}.jpg`, i),
        size: 200_000 + i * 5_000,
      })),
      ...Array.from({ length: videos }, (_, i) => ({
        meta: media('video', `VID_${2000 + i}.mp4`, i),
        size: 2_000_000,
      })),
    ];
    const held: { sha256: string; bytes: Buffer }[] = [];
    for (const entry of library) {
      const bytes = randomBytes(entry.size);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await device.uploadItem(backup.backupId, bytes, entry.meta, sha256);
      held.push({ sha256, bytes });
    }
    const snapshot = await device.call('commitBackup', {
      params: { backupId: backup.backupId },
      body: { present: held.map((h) => h.sha256), accounts: [] },
    });
    const c = snapshot.counts;
    io.out(
      `Backed up: ${c.photos} Photos, ${c.videos} Videos, ${c.files} Files, and ${c.twoFactorAccounts} 2FA Accounts`,
    );

    const first = held[0];
    if (first) {
      const restored = await device.download(first.sha256);
      io.out(
        `Restored ${first.sha256.slice(0, 12)}…: ${restored.equals(first.bytes) ? 'byte-identical' : 'DIFFERENT'}`,
      );
      if (!restored.equals(first.bytes)) return EXIT.failed;
    }
    const found = await discoverServers({ host: '127.0.0.1', ports: discoveryPorts(), timeoutMs: 500 });
    const self = found.find((s) => s.serverId === server.identity.serverId);
    io.out(
      self
        ? `UDP discovery found it: ${self.edition} at ${self.host}:${self.tcpPort}`
        : 'UDP discovery did not find it.',
    );
    return self ? EXIT.ok : EXIT.failed;
  } finally {
    await server.close();
    if (!options.data) rmSync(dataDir, { recursive: true, force: true });
  }
}

function media(kind: 'photo' | 'video', name: string, i: number): ItemMeta {
  return {
    kind,
    name,
    path: `/storage/emulated/0/DCIM/Camera/${name}`,
    album: 'Camera',
    capturedAt: Date.UTC(2021, 3, 19, 12, 0, i),
  };
}
