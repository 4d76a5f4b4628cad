/**
 * The self-test's faulty variants of the device list and of removing a device (devices.ts). One keeps an undo
 * journal of each removal in the data directory that start-up replays, as if every removal were unfinished work, so
 * a restart brings the device and its items back; a server that keeps running shows the removal done.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import type { DeviceRow } from '../store/rows.js';
import { underRoot } from '../storage/layout.js';
import type { ServiceContext } from './context.js';
import { deviceById } from './pairing.js';

const TABLES = ['devices', 'backups', 'items', 'snapshots'] as const;
type Journal = Record<(typeof TABLES)[number], Record<string, unknown>[]>;

const journalDir = (ctx: ServiceContext) => path.dirname(ctx.layout.uploads);
const JOURNAL = /^removal-(.+)\.json$/;

export const DEVICES_FAULTS = {
  'device-list-registered-later': {
    // The desktop's device list shows each device registered a second after the time its pairing answered.
    listDevices: (rule) => (ctx) =>
      rule(ctx).map((device) => ({ ...device, registeredAt: device.registeredAt + 1000 })),
  },
  'removing-unknown-device-succeeds': {
    // Removing a device that is not (or no longer) listed answers 204 as if it removed it.
    removeDevice: (rule) => async (ctx, deviceId) => {
      if (deviceById(ctx, deviceId)) await rule(ctx, deviceId);
    },
  },
  'self-os-version-major-only': {
    // GET /v1/device answers the OS version cut to its major number (15.4 → 15); the device list shows it whole.
    selfView: (rule) => (device) => {
      const view = rule(device);
      return { ...view, osVersion: view.osVersion.split('.')[0] ?? view.osVersion };
    },
  },
  'device-list-name-cut': {
    // The desktop's device list shows each name cut to 20 characters, as a database column of that width keeps it.
    listDevices: (rule) => (ctx) => rule(ctx).map((device) => ({ ...device, name: device.name.slice(0, 20) })),
  },
  'device-list-model-cut': {
    // The desktop's device list shows each model cut to 8 characters, as a narrow column might.
    listDevices: (rule) => (ctx) => rule(ctx).map((device) => ({ ...device, model: device.model.slice(0, 8) })),
  },
  'migration-list-without-origin': {
    // The desktop's device list shows a replacement without migratedFrom: nothing says whose backup it took over.
    listDevices: (rule) => (ctx) => rule(ctx).map(({ migratedFrom: _from, ...device }) => device),
  },
  'removed-device-files-deleted': {
    // Removing a device also deletes its backup folder: the desktop user's copies go with the device list's entry.
    removeDevice: (rule) => async (ctx, deviceId) => {
      const device = deviceById(ctx, deviceId);
      await rule(ctx, deviceId);
      if (device) rmSync(underRoot(ctx.layout, device.backup_path), { recursive: true, force: true });
    },
  },
  'rename-moves-backup-folder': {
    // Renaming a device moves its backup folder to the new name (<new name>/<registration ms>), as if a folder had
    // to follow the name the list shows.
    renameDevice: (rule) => (ctx, deviceId, name) => {
      const device = deviceById(ctx, deviceId);
      if (device && name !== device.name) moveBackupFolder(ctx, device, name);
      return rule(ctx, deviceId, name);
    },
  },
  'removed-device-back-after-restart': {
    removeDevice: (rule) => async (ctx, deviceId) => {
      const journal = Object.fromEntries(
        TABLES.map((table) => [
          table,
          ctx.db.prepare(`SELECT * FROM ${table} WHERE ${table === 'devices' ? 'id' : 'device_id'} = ?`).all(deviceId),
        ]),
      ) as Journal;
      if (journal.devices.length > 0) {
        writeFileSync(path.join(journalDir(ctx), `removal-${deviceId}.json`), JSON.stringify(journal));
      }
      await rule(ctx, deviceId);
    },
    recoverDevices: (rule) => async (ctx) => {
      await rule(ctx);
      const dir = journalDir(ctx);
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir).filter((n) => JOURNAL.test(n))) {
        const journal = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Journal;
        ctx.db.transaction(() => {
          for (const table of TABLES) for (const row of journal[table]) insert(ctx, table, row);
        })();
        rmSync(path.join(dir, name));
      }
    },
  },
  'removal-drops-same-bytes-elsewhere': {
    // Removes the removed device's bytes from every device, as a server keeping one record per content might.
    removeDevice: (rule) => async (ctx, deviceId) => {
      const held = ctx.db.prepare('SELECT sha256 FROM items WHERE device_id = ?').all(deviceId) as { sha256: string }[];
      await rule(ctx, deviceId);
      const drop = ctx.db.prepare('DELETE FROM items WHERE sha256 = ?');
      for (const { sha256 } of held) drop.run(sha256);
    },
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;

function insert(ctx: ServiceContext, table: string, row: Record<string, unknown>): void {
  const columns = Object.keys(row);
  ctx.db
    .prepare(
      `INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    )
    .run(row);
}

/** Moves a device's backup folder to `<name>/<registration ms>`, on disk and in its record. */
export function moveBackupFolder(ctx: ServiceContext, device: DeviceRow, name: string): void {
  const moved = `${name}/${device.registered_at}`;
  mkdirSync(underRoot(ctx.layout, name), { recursive: true });
  renameSync(underRoot(ctx.layout, device.backup_path), underRoot(ctx.layout, moved));
  ctx.db.prepare('UPDATE devices SET backup_path = ? WHERE id = ?').run(moved, device.id);
}
