/** Listing, restore download and archiving of confirmed items; nothing unconfirmed is ever visible here. */
import type { Static } from 'typebox';
import { MbsError } from '../../conformance/spec/errors.js';
import type { Item, ItemPage, ListItemsQuery } from '../../conformance/spec/protocol/resources.js';
import type { Readable } from 'node:stream';
import { itemReadStream } from '../storage/item-read-stream.js';
import { underRoot } from '../storage/layout.js';
import { ITEM_COLUMNS, toItem, type DeviceRow, type ItemRow, type ShownItemRow } from '../store/rows.js';
import type { ServiceContext } from './context.js';

export function listItems(
  ctx: ServiceContext,
  device: DeviceRow,
  query: Static<typeof ListItemsQuery>,
): Static<typeof ItemPage> {
  const limit = query.limit ?? 100;
  const where = ['device_id = @device', 'seq > @after'];
  if (query.tab) where.push('tab = @tab');
  if (query.kind) where.push('kind = @kind');
  // The limit is an expression, not a bare parameter: SQLite plans a bare LIMIT parameter for the value it was
  // bound to, and so compiled the statement again on every call, since every call binds it anew. Only the columns
  // a listing shows are read: each value read is a string or number made for JavaScript, about a fifth of the
  // query's time for the columns no listing shows.
  const sql = `SELECT ${ITEM_COLUMNS}, seq FROM items WHERE ${where.join(' AND ')} ORDER BY seq LIMIT CAST(@take AS INTEGER)`;
  const rows = ctx.db.prepare(sql).all({
    device: device.id,
    after: Number(query.cursor ?? 0),
    tab: query.tab,
    kind: query.kind,
    take: limit + 1,
  }) as (ShownItemRow & Pick<ItemRow, 'seq'>)[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toItem), nextCursor: rows.length > limit && last ? String(last.seq) : null };
}

/** Settings > Mobile Backup: what a device has backed up, exactly as the device itself lists it. */
export function listDeviceItems(
  ctx: ServiceContext,
  device: DeviceRow,
  query: Static<typeof ListItemsQuery>,
): Static<typeof ItemPage> {
  return ctx.rules.listItems(ctx, device, query);
}

export function getItem(ctx: ServiceContext, device: DeviceRow, sha256: string): Item {
  return toItem(ctx.rules.heldItem(ctx, device, sha256).row);
}

/** The file to stream for a restore, from `start` (a `Range: bytes=start-` request) to its end. */
export function itemContent(
  ctx: ServiceContext,
  device: DeviceRow,
  sha256: string,
  start: number,
): { file: string; size: number; start: number } {
  const { row, backupPath } = ctx.rules.heldItem(ctx, device, sha256);
  if (start > row.size || (start === row.size && row.size > 0)) {
    throw new MbsError('range-not-satisfiable', `Item has ${row.size} bytes.`, { size: row.size });
  }
  return { file: underRoot(ctx.layout, backupPath, row.stored_as), size: row.size, start };
}

/** The bytes a restore streams from `start` to the item's `size`: the stored file's own (STO-06, stored as sent). */
export function storedBytes(file: string, start: number, size: number): Readable {
  return itemReadStream(file, start, size);
}

/**
 * POST /v1/items/archive: the items this device holds, by their bytes; bytes it does not hold are `item-not-found`
 * and archive nothing, whoever else holds them.
 */
export function archiveItems(ctx: ServiceContext, device: DeviceRow, items: readonly string[]): number {
  const unique = [...new Set(items)];
  const exists = ctx.db.prepare('SELECT 1 FROM items WHERE device_id = ? AND sha256 = ?');
  const missing = unique.filter((sha) => !exists.get(device.id, sha));
  if (missing.length > 0) throw new MbsError('item-not-found', undefined, { missing: missing.slice(0, 20) });
  const archive = ctx.db.prepare("UPDATE items SET tab = 'archive' WHERE device_id = ? AND sha256 = ?");
  return ctx.db.transaction(() => unique.reduce((n, sha) => n + archive.run(device.id, sha).changes, 0))();
}

/**
 * The item of these bytes that this device holds, and the folder its file is in: one of another device is
 * `item-not-found` (error catalogue: "No such item for this device"), whoever else holds the same bytes.
 */
export function heldItem(
  ctx: ServiceContext,
  device: DeviceRow,
  sha256: string,
): { readonly row: ItemRow; readonly backupPath: string } {
  const row = ctx.db.prepare('SELECT * FROM items WHERE device_id = ? AND sha256 = ?').get(device.id, sha256) as
    ItemRow | undefined;
  if (!row) throw new MbsError('item-not-found');
  return { row, backupPath: device.backup_path };
}
