/** The self-test's faulty variants of taking an announced item (uploads.ts). */
import { MbsError, type ErrorCode } from '../../conformance/spec/errors.js';
import type { ServerFault } from '../../conformance/spec/faults.js';
import { MAX_ITEM_BYTES, type ItemMeta } from '../../conformance/spec/protocol/resources.js';
import type { ItemRow } from '../store/rows.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { afterRoundTrip } from './round-trip.js';
import type { uploadRefusal } from './uploads.js';

/** Lets through what the straight rule refuses with `code` alone. */
const letThrough =
  (code: ErrorCode) =>
  (rule: typeof uploadRefusal): typeof uploadRefusal =>
  (size, meta) => {
    const refusal = rule(size, meta);
    return refusal?.code === code ? undefined : refusal;
  };

export const UPLOADS_FAULTS = {
  // An extension of no supported type is let through: nothing is checked after the type, so nothing else changes.
  'unsupported-file-type-accepted': { uploadRefusal: letThrough('unsupported-file-type') },
  // The announced kind is taken as it comes, whatever the extension makes the item (the last rule checked).
  'item-kind-mismatch-accepted': { uploadRefusal: letThrough('item-kind-mismatch') },
  'item-too-large-accepted': {
    // Any size is taken; the type and kind are still checked.
    uploadRefusal: (rule) => (size, meta) => rule(Math.min(size, MAX_ITEM_BYTES), meta),
  },
  'cancel-of-finished-upload-succeeds': {
    // Cancelling an upload it no longer has (completed, discarded or cancelled already) answers 204 all the same.
    cancelUpload: (rule) => async (uploads, device, uploadId) => {
      try {
        await rule(uploads, device, uploadId);
      } catch (error) {
        if (!(error instanceof MbsError && error.code === 'upload-not-found')) throw error;
      }
    },
  },
  'edited-file-answered-duplicate': {
    // Knows items by their path on the phone: a file it holds under that path is a duplicate, whatever its bytes,
    // so the new content of an edited file is never asked for.
    announcedItem: (rule) => (ctx, device, request) => {
      const rows = ctx.db.prepare('SELECT * FROM items WHERE device_id = ?').all(device.id) as ItemRow[];
      const named = rows.find((row) => (JSON.parse(row.meta_json) as ItemMeta).path === request.meta.path);
      return named && named.sha256 !== request.sha256 ? named : rule(ctx, device, request);
    },
  },
  'exif-location-dropped': {
    // Keeps an item's EXIF without its GPS tags, as a privacy measure: the location is lost on the server's copy of
    // the metadata, and so on every restore of the item.
    openUpload: (rule) => (ctx, deviceId, backupId, request) => {
      const exif = Object.entries(request.meta.exif ?? {}).filter(([tag]) => !tag.startsWith('GPS'));
      const meta = { ...request.meta, ...(request.meta.exif ? { exif: Object.fromEntries(exif) } : {}) };
      return rule(ctx, deviceId, backupId, { ...request, meta });
    },
  },
  'upload-opened-twice-at-once': {
    // Reads the device's unfinished upload of the bytes on a round trip (a vendor's asynchronous database)...
    unfinishedUpload: (rule) => (ctx, deviceId, sha256) => afterRoundTrip(rule(ctx, deviceId, sha256)),
    // ...and trusts that read: it inserts a new upload without checking again, so the second of two announcements
    // at once breaks the table's key (a 500) where it should resume the first; a table without that key holds two.
    openUpload: (rule) => (ctx, deviceId, backupId, request) => {
      const opened = rule(ctx, deviceId, backupId, request);
      if (!opened.created) throw new Error('UNIQUE constraint failed: uploads.device_id, uploads.sha256');
      return opened;
    },
  },
  'last-append-twice-at-once': {
    // Appends to one upload do not wait their turn...
    appendsInTurn: () => (_lock, _uploadId, append) => append(),
    // ...and each checks its offset, then awaits a round trip (a vendor's asynchronous database) before it writes:
    // appends at once at one offset all pass the check before any writes.
    checkAppend: (rule) => (row, current, offset, length) => afterRoundTrip(rule(row, current, offset, length)),
  },
  'upload-cancelled-and-completed-at-once': {
    // A cancel does not wait for the upload's appends to finish...
    cancelsInTurn: () => (_lock, _uploadId, cancel) => cancel(),
    // ...and reads the upload on a round trip (a vendor's asynchronous database) before it deletes it: the last
    // append completes the item meanwhile, and the cancel still answers 204 for the upload it read.
    uploadToCancel: (rule) => (ctx, deviceId, uploadId) => afterRoundTrip(rule(ctx, deviceId, uploadId)),
  },
  'duplicate-answered-as-recent': {
    // The held item comes back in Recent, whatever tab it is in, as if announcing it again put it back there.
    duplicateOf: (rule) => (held) => ({ ...rule(held), tab: 'recent' }),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
