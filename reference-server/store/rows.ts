/** Rows as SQLite returns them, and their protocol shapes. */
import type { Device, Item, ItemMeta } from '../../conformance/spec/protocol/resources.js';
import type { TabName } from '../../conformance/spec/protocol/common.js';

export interface DeviceRow {
  id: string;
  name: string;
  model: string;
  platform: 'android' | 'ios';
  os_version: string;
  install_id: string;
  key_hash: string;
  registered_at: number;
  backup_path: string;
  next_seq: number;
  migrated_from_id: string | null;
  migrated_from_name: string | null;
}

export interface ItemRow {
  device_id: string;
  sha256: string;
  size: number;
  kind: string;
  meta_json: string;
  tab: TabName;
  stored_as: string;
  seq: number;
  backup_id: string;
  confirmed_at: number;
}

export interface UploadRow {
  id: string;
  device_id: string;
  backup_id: string;
  sha256: string;
  size: number;
  meta_json: string;
  created_at: number;
  /** Set once the bytes are verified: where the file goes, relative to the data directory. */
  final_path: string | null;
  stored_as: string | null;
  seq: number | null;
}

export interface BackupRow {
  id: string;
  device_id: string;
  folder: string;
  started_at: number;
  committed_at: number | null;
}

export function toDevice(row: DeviceRow): Device {
  const device: Device = {
    deviceId: row.id,
    name: row.name,
    model: row.model,
    platform: row.platform,
    osVersion: row.os_version,
    registeredAt: row.registered_at,
    backupPath: row.backup_path,
  };
  if (row.migrated_from_id !== null && row.migrated_from_name !== null) {
    device.migratedFrom = { deviceId: row.migrated_from_id, name: row.migrated_from_name };
  }
  return device;
}

/** The columns of an item's row that its protocol form shows, and the row they make. */
const SHOWN_ITEM_COLUMNS = ['sha256', 'size', 'meta_json', 'tab', 'stored_as', 'confirmed_at'] as const;
export const ITEM_COLUMNS = SHOWN_ITEM_COLUMNS.join(', ');
export type ShownItemRow = Pick<ItemRow, (typeof SHOWN_ITEM_COLUMNS)[number]>;

export function toItem(row: ShownItemRow): Item {
  return {
    sha256: row.sha256,
    size: row.size,
    meta: JSON.parse(row.meta_json) as ItemMeta,
    tab: row.tab,
    storedAs: row.stored_as,
    confirmedAt: row.confirmed_at,
  };
}
