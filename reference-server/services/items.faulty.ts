/** The self-test's faulty variant of listing items (items.ts). */
import type { Item, ItemMeta } from '../../conformance/spec/protocol/resources.js';
import { MbsError } from '../../conformance/spec/errors.js';
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ServerRuleOverride } from '../server-rules.js';
import type { DeviceRow, ItemRow, UploadRow } from '../store/rows.js';
import type { ServiceContext } from './context.js';

export const ITEMS_FAULTS = {
  'partial-upload-listed': {
    // The first page also lists the uploads still under way, as if they were items.
    listItems: (rule) => (ctx, device, query) => {
      const page = rule(ctx, device, query);
      if (query.cursor !== undefined) return page;
      return { ...page, items: [...page.items, ...partialUploads(ctx, device)] };
    },
  },
  'filtered-tab-lists-other-tab': {
    // A tab asked for itself also lists one item of another tab, labelled with the tab asked for.
    listItems: (rule) => (ctx, device, query) => {
      const page = rule(ctx, device, query);
      if (!query.tab || query.cursor !== undefined) return page;
      const stray = rule(ctx, device, { limit: 100 }).items.find((item) => item.tab !== query.tab);
      return stray ? { ...page, items: [...page.items, { ...stray, tab: query.tab }] } : page;
    },
  },
  'desktop-items-leave-out-deleted': {
    // The desktop's view of a device's backup leaves out its Deleted tab, as if it showed only what the phone holds.
    listDeviceItems: (rule) => (ctx, device, query) => {
      const page = rule(ctx, device, query);
      return { ...page, items: page.items.filter((item) => item.tab !== 'deleted') };
    },
  },
  'listing-stored-as-lower-case': {
    // The listing names each stored file with its extension in lower case; the file on disk has it in upper case.
    listItems: (rule) => (ctx, device, query) => {
      const page = rule(ctx, device, query);
      const lower = (item: Item) => ({ ...item, storedAs: item.storedAs.replace(/\.[^./]+$/, (e) => e.toLowerCase()) });
      return { ...page, items: page.items.map(lower) };
    },
  },
  'item-path-name-only': {
    // Keeps each item's file name but not the folder it came from: the listing's path is the name alone.
    listItems: (rule) => (ctx, device, query) => {
      const page = rule(ctx, device, query);
      return { ...page, items: page.items.map((item) => ({ ...item, meta: { ...item.meta, path: item.meta.name } })) };
    },
    heldItem: (rule) => (ctx, device, sha256) => {
      const held = rule(ctx, device, sha256);
      const meta = JSON.parse(held.row.meta_json) as ItemMeta;
      return { ...held, row: { ...held.row, meta_json: JSON.stringify({ ...meta, path: meta.name }) } };
    },
  },
  'listing-ends-after-first-page': {
    // Every page says it is the last (nextCursor null), so a listing longer than its page loses the rest.
    listItems: (rule) => (ctx, device, query) => ({ ...rule(ctx, device, query), nextCursor: null }),
  },
  'listing-newest-first': {
    // Each page comes newest upload first, as a listing sorted for display might.
    listItems: (rule) => (ctx, device, query) => {
      const page = rule(ctx, device, query);
      return { ...page, items: [...page.items].reverse() };
    },
  },
  'item-found-for-other-device': {
    // Looks items up by their bytes alone, as a store keyed by SHA-256 would: any device's copy answers.
    heldItem: (rule) => (ctx, device, sha256) => {
      const owner = ctx.db
        .prepare(
          `SELECT devices.* FROM items JOIN devices ON devices.id = items.device_id
           WHERE sha256 = ? ORDER BY items.device_id = ? DESC LIMIT 1`,
        )
        .get(sha256, device.id) as DeviceRow | undefined;
      return rule(ctx, owner ?? device, sha256);
    },
  },
  'archive-reaches-other-device': {
    // Archives by bytes alone, as a store keyed by SHA-256 would: bytes only another device holds are archived there.
    archiveItems: (rule) => (ctx, device, items) => {
      const own = ctx.db.prepare('SELECT 1 FROM items WHERE device_id = ? AND sha256 = ?');
      const any = ctx.db.prepare('SELECT 1 FROM items WHERE sha256 = ?');
      const elsewhere = [...new Set(items)].filter((sha) => !own.get(device.id, sha) && any.get(sha));
      const rest = items.filter((sha) => !elsewhere.includes(sha));
      // Bytes nobody holds still refuse the whole request, as the straight rule does, before anything is archived.
      const archived = rest.length > 0 ? rule(ctx, device, rest) : 0;
      const archive = ctx.db.prepare("UPDATE items SET tab = 'archive' WHERE sha256 = ?");
      for (const sha of elsewhere) archive.run(sha);
      return archived + elsewhere.length;
    },
  },
  'deleted-tab-not-restorable': {
    // Takes an item in the Delete tab (gone from the phone) for one gone from the server: it is never handed out.
    heldItem: (rule) => (ctx, device, sha256) => {
      const held = rule(ctx, device, sha256);
      if (held.row.tab === 'deleted') throw new MbsError('item-not-found');
      return held;
    },
  },
  'restore-reads-first-of-path': {
    // Finds the file to restore by the item's original path, as kept in its metadata, taking the first one stored
    // there: a file edited on the phone and backed up again restores the bytes of the first job's folder.
    heldItem: (rule) => (ctx, device, sha256) => {
      const held = rule(ctx, device, sha256);
      const { path } = JSON.parse(held.row.meta_json) as ItemMeta;
      const first = ctx.db
        .prepare("SELECT * FROM items WHERE device_id = ? AND json_extract(meta_json, '$.path') = ? ORDER BY seq")
        .get(device.id, path) as ItemRow;
      return { ...held, row: { ...held.row, stored_as: first.stored_as, size: first.size } };
    },
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;

function partialUploads(ctx: ServiceContext, device: DeviceRow): Item[] {
  const rows = ctx.db
    .prepare('SELECT * FROM uploads WHERE device_id = ? AND final_path IS NULL')
    .all(device.id) as UploadRow[];
  return rows.map((row) => ({
    sha256: row.sha256,
    size: row.size,
    meta: JSON.parse(row.meta_json) as ItemMeta,
    tab: 'recent',
    storedAs: `uploads/${row.id}.part`,
    confirmedAt: ctx.clock.now(),
  }));
}
