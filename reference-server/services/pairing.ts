/**
 * Pairing (seed 000 §7): the desktop side issues a single-use, expiring token; the app pairs with it as a new device
 * or as the replacement of an existing one. Every check runs before anything is written, so a refused pairing
 * changes nothing and does not use up the token. The backup folder a pairing chooses, reserves and makes is
 * pairing-backup-folder.ts's.
 */
import type { Static } from 'typebox';
import { MbsError } from '../../conformance/spec/errors.js';
import { MAX_NAME_BYTES, nameFitsOnDisk } from '../../conformance/spec/protocol/common.js';
import {
  encodePairingPayload,
  type CreatePairingRequest,
  type CreatePairingResponse,
  type PairRequest,
  type PairResponse,
} from '../../conformance/spec/protocol/pairing.js';
import { partFile } from '../storage/layout.js';
import { removeIfPresent } from '../storage/durable-fs.js';
import type { DeviceRow, UploadRow } from '../store/rows.js';
import { faulty, hashSecret, newId, newSecret, type ServiceContext } from './context.js';
import { freeBackupPath, makeBackupFolder, reservedPaths } from './pairing-backup-folder.js';

interface TokenRow {
  mode: 'add' | 'migrate';
  original_device_id: string | null;
  expires_at: number;
  used_at: number | null;
}

export function createPairing(
  ctx: ServiceContext,
  request: Static<typeof CreatePairingRequest>,
): Static<typeof CreatePairingResponse> {
  const originalDeviceId = request.mode === 'migrate' ? request.originalDeviceId : null;
  if (originalDeviceId !== null && !deviceById(ctx, originalDeviceId)) {
    throw new MbsError('device-not-found', `No device ${originalDeviceId} to migrate from.`);
  }
  const token = newSecret();
  const now = ctx.clock.now();
  const expiresAt = now + ctx.pairingTtlMs;
  ctx.db
    .prepare(
      'INSERT INTO pairing_tokens (token_hash, mode, original_device_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(hashSecret(token), request.mode, originalDeviceId, now, expiresAt);
  const { identity } = ctx;
  const payload = encodePairingPayload({
    v: 1,
    server: identity.serverId,
    edition: identity.edition,
    host: identity.advertisedHost,
    tcp: identity.tcpPort,
    udp: identity.udpPort,
    token,
    mode: request.mode,
    expires: expiresAt,
  });
  return { token, mode: request.mode, expiresAt, payload, tcpPort: identity.tcpPort, udpPort: identity.udpPort };
}

export async function pair(
  ctx: ServiceContext,
  request: Static<typeof PairRequest>,
): Promise<Static<typeof PairResponse>> {
  assertNameFitsOnDisk(request.device.name);
  const tokenHash = hashSecret(request.token);
  const token = ctx.db
    .prepare('SELECT mode, original_device_id, expires_at, used_at FROM pairing_tokens WHERE token_hash = ?')
    .get(tokenHash) as TokenRow | undefined;
  const now = ctx.clock.now();
  if (!token) throw new MbsError('pairing-token-invalid');
  if (token.used_at !== null) throw new MbsError('pairing-token-used');
  if (now >= token.expires_at) throw new MbsError('pairing-token-expired');
  if (request.edition !== ctx.identity.edition) {
    throw new MbsError(
      'pairing-edition-mismatch',
      `The pairing payload is for the ${request.edition} edition; this server is ${ctx.identity.edition}.`,
    );
  }
  // The self-test's migration-onto-paired-device variant lets a paired replacement through (and re-pairs it).
  const ontoPaired = token.mode === 'migrate' && faulty(ctx, 'migration-onto-paired-device');
  const paired = ctx.db.prepare('SELECT id FROM devices WHERE install_id = ?').get(request.device.installId);
  if (paired && !ontoPaired) {
    throw new MbsError(token.mode === 'add' ? 'device-already-paired' : 'migration-target-paired');
  }
  // Seed 000 §7.1: the replacement must not be paired for 2FA either (MIG-02).
  if (token.mode === 'migrate' && !ontoPaired && installIsAuthenticator(ctx, request.device.installId)) {
    throw new MbsError('migration-target-paired', 'The replacement device is already registered for 2FA.');
  }
  const original = token.original_device_id === null ? undefined : deviceById(ctx, token.original_device_id);
  if (token.mode === 'migrate' && !original) {
    throw new MbsError('device-not-found', 'The device to migrate from has been removed since the token was issued.');
  }

  const deviceKey = newSecret();
  const deviceId = newId();
  const backupPath = original ? original.backup_path : freeBackupPath(ctx, request.device.name, now);
  const { device } = request;
  const reserved = reservedPaths(ctx);
  reserved.add(backupPath);
  try {
    // The folder first: if the file system refuses it, nothing has been recorded and the token is still valid.
    await makeBackupFolder(ctx, backupPath);
  } catch (error) {
    reserved.delete(backupPath);
    throw error;
  }
  const abandoned: UploadRow[] = [];
  const commit = ctx.db.transaction(() => {
    // Checked again inside the transaction: another pairing may have used the token, or paired this
    // installation, while the folder was being made.
    const used = ctx.db.prepare('UPDATE pairing_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL');
    if (used.run(now, tokenHash).changes !== 1) throw new MbsError('pairing-token-used');
    if (ontoPaired) ctx.db.prepare('DELETE FROM devices WHERE install_id = ?').run(request.device.installId);
    if (ctx.db.prepare('SELECT id FROM devices WHERE install_id = ?').get(request.device.installId)) {
      throw new MbsError(token.mode === 'add' ? 'device-already-paired' : 'migration-target-paired');
    }
    if (original) {
      // The replacement takes over the original's backup folder and items; the original leaves the device list.
      abandoned.push(...(ctx.db.prepare('SELECT * FROM uploads WHERE device_id = ?').all(original.id) as UploadRow[]));
      ctx.db.prepare('DELETE FROM uploads WHERE device_id = ? AND final_path IS NULL').run(original.id);
      if (faulty(ctx, 'migration-keeps-old-pairing')) {
        // The self-test's variant: the original stays listed and paired, on a folder name of its own.
        ctx.db.prepare("UPDATE devices SET backup_path = backup_path || ' (kept)' WHERE id = ?").run(original.id);
      } else {
        ctx.db.prepare('DELETE FROM devices WHERE id = ?').run(original.id);
      }
    }
    ctx.db
      .prepare(
        `INSERT INTO devices (id, name, model, platform, os_version, install_id, key_hash, registered_at, backup_path,
           next_seq, migrated_from_id, migrated_from_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        deviceId,
        device.name,
        device.model,
        device.platform,
        device.osVersion,
        device.installId,
        hashSecret(deviceKey),
        now,
        backupPath,
        original?.next_seq ?? 1,
        original?.id ?? null,
        original?.name ?? null,
      );
    if (original) {
      // The self-test's migration-loses-items variant leaves the items behind with the original.
      const moved = faulty(ctx, 'migration-loses-items')
        ? ['backups', 'uploads']
        : ['items', 'backups', 'snapshots', 'uploads'];
      for (const table of moved) {
        ctx.db.prepare(`UPDATE ${table} SET device_id = ? WHERE device_id = ?`).run(deviceId, original.id);
      }
      ctx.db.prepare("UPDATE items SET tab = 'archive' WHERE device_id = ?").run(deviceId);
    }
  });
  try {
    commit();
  } finally {
    reserved.delete(backupPath);
  }
  for (const upload of abandoned)
    if (upload.final_path === null) await removeIfPresent(partFile(ctx.layout, upload.id));

  const response: Static<typeof PairResponse> = {
    deviceId,
    deviceKey,
    name: device.name,
    backupPath,
    registeredAt: now,
  };
  if (original) response.migratedFrom = { deviceId: original.id, name: original.name };
  return response;
}

export function assertNameFitsOnDisk(name: string): void {
  if (!nameFitsOnDisk(name)) throw new MbsError('invalid-name', `The name is over ${MAX_NAME_BYTES} bytes in UTF-8.`);
}

function installIsAuthenticator(ctx: ServiceContext, installId: string): boolean {
  return ctx.db.prepare('SELECT 1 FROM tfa_authenticators WHERE install_id = ?').get(installId) !== undefined;
}

export function deviceById(ctx: ServiceContext, id: string): DeviceRow | undefined {
  return ctx.db.prepare('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
}
