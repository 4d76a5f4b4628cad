/** The device list (desktop side) and device authentication (app side). */
import { MbsError } from '../../conformance/spec/errors.js';
import type { Device } from '../../conformance/spec/protocol/resources.js';
import { partFile } from '../storage/layout.js';
import { removeIfPresent } from '../storage/durable-fs.js';
import { toDevice, type DeviceRow } from '../store/rows.js';
import { hashSecret, type ServiceContext } from './context.js';
import { deviceByKeyHash } from './device-keys.js';
import { assertNameFitsOnDisk, deviceById } from './pairing.js';
import { noteDroppedPlaces } from './upload-ownership.js';

export function listDevices(ctx: ServiceContext): Device[] {
  const rows = ctx.db.prepare('SELECT * FROM devices ORDER BY registered_at, id').all() as DeviceRow[];
  return rows.map(toDevice);
}

/** A paired device the desktop names by id; device-not-found when there is none (removed, or never paired). */
export function pairedDevice(ctx: ServiceContext, deviceId: string): DeviceRow {
  const row = deviceById(ctx, deviceId);
  if (!row) throw new MbsError('device-not-found');
  return row;
}

/** GET /v1/device: the calling device exactly as the device list shows it. */
export function selfView(device: DeviceRow): Device {
  return toDevice(device);
}

export function renameDevice(ctx: ServiceContext, deviceId: string, name: string): Device {
  assertNameFitsOnDisk(name);
  const changed = ctx.db.prepare('UPDATE devices SET name = ? WHERE id = ?').run(name, deviceId).changes;
  const row = changed === 1 ? deviceById(ctx, deviceId) : undefined;
  if (!row) throw new MbsError('device-not-found');
  return toDevice(row);
}

/** Revokes the device and forgets its items; the files it backed up stay on disk for the desktop user. */
export async function removeDevice(ctx: ServiceContext, deviceId: string): Promise<void> {
  if (!deviceById(ctx, deviceId)) throw new MbsError('device-not-found');
  const uploads = ctx.db.prepare('SELECT id FROM uploads WHERE device_id = ?').all(deviceId) as { id: string }[];
  ctx.db.transaction(() => {
    noteDroppedPlaces(ctx, deviceId);
    for (const table of ['items', 'backups', 'snapshots', 'uploads']) {
      ctx.db.prepare(`DELETE FROM ${table} WHERE device_id = ?`).run(deviceId);
    }
    ctx.db.prepare('DELETE FROM devices WHERE id = ?').run(deviceId);
  })();
  for (const upload of uploads) await removeIfPresent(partFile(ctx.layout, upload.id));
}

/** The device a bearer key belongs to; `device-unauthorized` for a missing, unknown or revoked key. */
export function authenticateDevice(ctx: ServiceContext, authorization: string | undefined): DeviceRow {
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(authorization ?? '');
  const keyHash = match?.[1] ? hashSecret(match[1]) : undefined;
  const row = keyHash ? (deviceByKeyHash(ctx.db, keyHash) ?? ctx.rules.retiredKeyOwner(ctx, keyHash)) : undefined;
  if (!row) throw new MbsError('device-unauthorized');
  return row;
}

/** Start-up work for the device list: none, since a removal commits in one transaction (a variant bends it). */
export function recoverDevices(_ctx: ServiceContext): Promise<void> {
  return Promise.resolve();
}
