/**
 * One device's backup, the way the app does it (as in the round-trip test): pair with a console-issued token, start
 * a backup job, announce each item by hash and append its bytes chunk by chunk, then commit the snapshot.
 */
import { BenchClient, BenchRequestError, type Connection } from './bench-client.js';
import type { LibraryItem } from './library.js';

export class DeviceSession {
  private backupId: string | undefined;

  private constructor(private readonly client: BenchClient) {}

  static async pair(connection: Connection, console: BenchClient, index: number): Promise<DeviceSession> {
    const pairing = await console.call('createPairing', { body: { mode: 'add' } });
    const client = new BenchClient(connection);
    const installId = `bench-${process.pid}-${index}`;
    const device = {
      name: `Bench ${index}`,
      model: 'Redmi Note 8',
      platform: 'android' as const,
      osVersion: '11',
      installId,
    };
    const paired = await client.call('pair', { body: { token: pairing.token, edition: 'pro', device } });
    client.deviceKey = paired.deviceKey;
    return new DeviceSession(client);
  }

  async startBackup(): Promise<void> {
    this.backupId = (await this.client.call('startBackup', { body: {} })).backupId;
  }

  async upload(item: LibraryItem): Promise<void> {
    const created = await this.client.call('createUpload', {
      body: { backupId: this.requireBackup(), sha256: item.sha256, size: item.size, meta: item.meta },
    });
    if (created.status !== 'created') {
      throw new BenchRequestError('createUpload', 'unexpected-status', `expected a new upload, got ${created.status}`);
    }
    let offset = 0;
    for (const [i, chunk] of item.chunks.entries()) {
      const answer = await this.client.append(created.upload.uploadId, offset, chunk);
      offset += chunk.length;
      if (answer.complete !== (i === item.chunks.length - 1)) {
        throw new BenchRequestError('appendUpload', 'unexpected-status', `complete=${answer.complete} at ${offset}`);
      }
    }
  }

  async commit(items: readonly LibraryItem[]): Promise<void> {
    const snapshot = await this.client.call('commitBackup', {
      params: { backupId: this.requireBackup() },
      body: { present: items.map((i) => i.sha256), accounts: [] },
    });
    const counted = snapshot.counts.photos + snapshot.counts.videos + snapshot.counts.files;
    if (counted !== items.length) {
      throw new BenchRequestError('commitBackup', 'unexpected-status', `counted ${counted} of ${items.length} items`);
    }
  }

  private requireBackup(): string {
    if (this.backupId === undefined) throw new Error('startBackup() first.');
    return this.backupId;
  }
}
