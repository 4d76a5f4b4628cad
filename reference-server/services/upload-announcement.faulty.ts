/** The self-test's faulty variant of taking an announcement (upload-announcement.ts). */
import type { ServerFault } from '../../conformance/spec/faults.js';
import type { ItemMeta } from '../../conformance/spec/protocol/resources.js';
import type { ServerRuleOverride } from '../server-rules.js';
import { toItem, type ItemRow } from '../store/rows.js';

export const UPLOAD_ANNOUNCEMENT_FAULTS = {
  'edited-file-answered-duplicate': {
    // Knows items by their path on the phone: a file it holds under that path is a duplicate, whatever its bytes,
    // so the new content of an edited file is never asked for.
    announceUpload: (rule) => (ctx, uploads, device, request) => {
      const rows = ctx.db.prepare('SELECT * FROM items WHERE device_id = ?').all(device.id) as ItemRow[];
      const named = rows.find((row) => (JSON.parse(row.meta_json) as ItemMeta).path === request.meta.path);
      if (named && named.sha256 !== request.sha256) return { status: 'duplicate', item: toItem(named) };
      return rule(ctx, uploads, device, request);
    },
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
