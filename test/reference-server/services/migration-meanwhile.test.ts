/**
 * A replacement pairs while the original is still at work: the pairing makes (or finds) the backup folder before it
 * records anything, and whatever the original did meanwhile is what the replacement takes over. Driven on the
 * services with a real SQLite file and folder: the original's write lands exactly while the folder is being made.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { REFERENCE_DESKTOP_VERSION } from '../../../conformance/spec/versions.js';
import { STRAIGHT_SERVER_RULES } from '../../../reference-server/server-rules.js';
import type { ServiceContext } from '../../../reference-server/services/context.js';
import { createPairing, deviceById, pair } from '../../../reference-server/services/pairing.js';
import { layoutOf } from '../../../reference-server/storage/layout.js';
import { openDatabase } from '../../../reference-server/store/database.js';
import { deviceIdentity, tempDir } from '../../helpers/test-server.js';

let open: { ctx: ServiceContext; dir: string } | undefined;
afterEach(() => {
  open?.ctx.db.close();
  if (open) rmSync(open.dir, { recursive: true, force: true });
  open = undefined;
});

function services(): ServiceContext {
  const dir = tempDir('mbs-migration-meanwhile-');
  const layout = layoutOf(dir);
  mkdirSync(layout.uploads, { recursive: true });
  const ctx: ServiceContext = {
    db: openDatabase(layout.database),
    layout,
    clock: { now: () => Date.UTC(2026, 10, 22) },
    identity: {
      serverId: 'server-under-test',
      name: 'Desktop',
      edition: 'pro',
      desktopVersion: REFERENCE_DESKTOP_VERSION,
      advertisedHost: '127.0.0.1',
      tcpPort: 50000,
      udpPort: 50200,
    },
    pairingTtlMs: 600_000,
    rules: STRAIGHT_SERVER_RULES,
  };
  open = { ctx, dir };
  return ctx;
}

/** Pairs an original device, then issues a migration token for it and starts the replacement's pairing. */
async function replacementUnderWay(ctx: ServiceContext) {
  const added = createPairing(ctx, { mode: 'add' });
  const original = await pair(ctx, { token: added.token, edition: 'pro', device: deviceIdentity('Old phone') });
  const migration = createPairing(ctx, { mode: 'migrate', originalDeviceId: original.deviceId });
  const device = deviceIdentity('New phone', 'ios');
  // Runs up to its first wait, making the backup folder; what follows happens before it records anything.
  const pairing = pair(ctx, { token: migration.token, edition: 'pro', device });
  return { original, migration, pairing };
}

describe('a replacement pairing while its original is at work', () => {
  it('carries on from the sequence number the original reached meanwhile, never naming a file again', async () => {
    const ctx = services();
    const { original, pairing } = await replacementUnderWay(ctx);
    // The original commits items while the folder is being made: its next file will be number 6.
    ctx.db.prepare('UPDATE devices SET next_seq = 6 WHERE id = ?').run(original.deviceId);
    const replacement = await pairing;
    expect(replacement.migratedFrom).toEqual({ deviceId: original.deviceId, name: 'Old phone' });
    expect(deviceById(ctx, replacement.deviceId)?.next_seq).toBe(6);
  });

  it('is refused, with the token still unused, when the original was removed meanwhile', async () => {
    const ctx = services();
    const { original, migration, pairing } = await replacementUnderWay(ctx);
    ctx.db.prepare('DELETE FROM devices WHERE id = ?').run(original.deviceId);
    await expect(pairing).rejects.toMatchObject({ code: 'device-not-found' });
    const token = ctx.db.prepare('SELECT used_at FROM pairing_tokens WHERE id = ?').get(migration.pairingId);
    expect(token).toEqual({ used_at: null });
    expect(ctx.db.prepare("SELECT count(*) AS n FROM devices WHERE name = 'New phone'").get()).toEqual({ n: 0 });
  });
});
