/**
 * After each step, the server's listings and offsets must match the model. A verify reads what the step could have
 * changed, as the model knows it: the whole listing (one page; the smallest page on a drawn share of verifies, so
 * the cursor is exercised too), the tabs whose items the step moved, the unfinished uploads the step sent a request
 * about, and the desktop's listing when an item was confirmed or moved. After a case's last step a full verify
 * reads everything, so a wrong state that persists is caught whatever step caused it.
 */
import type fc from 'fast-check';
import type { Static } from 'typebox';
import type { Item } from '../../spec/protocol/resources.js';
import { brief, canonical } from '../../kit/server-support.js';
import { Violation } from '../../kit/violation.js';
import {
  listAll,
  sameMeta,
  sameOnDesktop,
  TABS,
  uploadOf,
  type Model,
  type Real,
  type Tab,
  type Upload,
} from './upload-integrity-model.js';

/** One verify in this many lists one item a page; the others ask for every item at once. */
export const PAGED_EVERY = 4;

interface Scope {
  /** One item a page: a case holds a few items, so only the smallest page makes the listing continue by cursor. */
  readonly pageSize: number;
  readonly tabs: readonly Tab[];
  readonly uploads: readonly Upload[];
  readonly desktop: boolean;
}

/** Everything: after the last step of a case. */
export const fullScope = (m: Model): Scope => ({ pageSize: 1, tabs: TABS, uploads: m.uploads, desktop: true });

/** What a step could have changed: `moved` are the tabs it took items from or put items in, confirmed ones too. */
function stepScope(m: Model, moved: ReadonlySet<Tab>): Scope {
  const paged = m.verifies++ % PAGED_EVERY === m.pagedPhase;
  return {
    pageSize: paged ? 1 : 1000,
    tabs: TABS.filter((t) => moved.has(t)),
    uploads: m.uploads.filter((u) => m.addressed.has(u.id)),
    desktop: moved.size > 0,
  };
}

/** The listing holds exactly the confirmed items, once each, with their metadata and a tab the model allows. */
export async function verify(m: Model, r: Real, scope: Scope): Promise<void> {
  m.addressed.clear();
  const listed = await listAll(r, {}, scope.pageSize);
  const seen = new Set<string>();
  for (const item of listed) {
    if (seen.has(item.sha256)) throw new Error(`item ${item.sha256} is listed twice`);
    seen.add(item.sha256);
    const held = m.held.get(item.sha256);
    if (!held) {
      const partial = uploadOf(m, item.sha256);
      throw new Error(
        partial
          ? `an unfinished upload is listed (offset ${partial.offset} of ${partial.bytes.length}): ${brief(item)}`
          : `an item never confirmed is listed: ${brief(item)}`,
      );
    }
    if (item.size !== held.bytes.length || !sameMeta(item.meta, held.meta)) {
      throw new Error(`item ${item.sha256} is listed as ${brief(item)}; it was confirmed as ${brief(held.meta)}`);
    }
    const kept = ({ tab: _moves, ...rest }: Static<typeof Item>) => canonical(rest);
    if (kept(item) !== kept(held.confirmed)) {
      throw new Violation(
        ['NET-06'],
        `item ${item.sha256} is listed as ${brief(item)}; its completion answered ${brief(held.confirmed)}`,
      );
    }
    if (item.tab !== held.tab) {
      throw new Error(`item ${item.sha256} is listed in ${item.tab}; the rules put it in ${held.tab}`);
    }
  }
  const missing = [...m.held.keys()].filter((sha) => !seen.has(sha));
  if (missing.length > 0) throw new Error(`confirmed items are not listed: ${missing.join(', ')}`);
  inUploadOrder(
    'GET /v1/items',
    listed.map((i) => i.sha256),
    [...m.held.keys()],
  );
  for (const tab of scope.tabs) await verifyTab(m, r, tab);
  for (const upload of scope.uploads) await verifyUpload(r, upload);
  // Last: a listing that breaks the device's own rules is reported as that, not as the desktop's view of it.
  if (scope.desktop) await sameOnDesktop(r, listed);
}

/**
 * The tab, asked for itself, lists exactly the items the model puts in it (not only the label each item carries),
 * in upload order.
 */
async function verifyTab(m: Model, r: Real, tab: Tab): Promise<void> {
  const got = (await listAll(r, { tab })).map((i) => i.sha256);
  const wanted = [...m.held.values()].filter((h) => h.tab === tab).map((h) => h.sha);
  if ([...got].sort().join() !== [...wanted].sort().join()) {
    throw new Violation(
      ['NET-06'],
      `GET /v1/items?tab=${tab} lists [${got.join(', ')}]; the rules put [${wanted.join(', ')}] there`,
    );
  }
  inUploadOrder(`GET /v1/items?tab=${tab}`, got, wanted);
}

/**
 * PROTOCOL.md "Listing and restore": pages are ordered by upload order, oldest first. The model's items are held in
 * the order their uploads were confirmed, the order a server's sequence of stored names follows too.
 */
function inUploadOrder(listing: string, got: readonly string[], wanted: readonly string[]): void {
  if (got.join() !== wanted.join()) {
    throw new Violation(
      ['NET-06'],
      `${listing} lists [${got.join(', ')}]; upload order, oldest first, is [${wanted.join(', ')}]`,
    );
  }
}

/** The tabs a step took items from or put items in (a newly confirmed item enters its tab). */
function movedTabs(before: ReadonlyMap<string, Tab>, m: Model): Set<Tab> {
  const moved = new Set<Tab>();
  for (const [sha, held] of m.held) {
    const was = before.get(sha);
    if (was === held.tab) continue;
    if (was) moved.add(was);
    moved.add(held.tab);
  }
  return moved;
}

export type Step = fc.AsyncCommand<Model, Real>;

/** A command; after one that may change the server's state, what it could have changed must match the model. */
/** An unfinished upload reports the offset, size and SHA-256 the model has for it. */
export async function verifyUpload(r: Real, upload: Upload): Promise<void> {
  const status = await r.device.call('getUpload', { params: { uploadId: upload.id } });
  if (status.offset !== upload.offset || status.size !== upload.bytes.length || status.sha256 !== upload.sha) {
    throw new Error(`upload ${upload.id} reports ${brief(status)}; the model has offset ${upload.offset}`);
  }
}

export function step(
  label: string,
  run: (m: Model, r: Real) => Promise<void>,
  check: (m: Model) => boolean,
  readOnly = false,
): Step {
  return {
    check,
    async run(m, r) {
      const before = new Map([...m.held].map(([sha, held]) => [sha, held.tab]));
      await run(m, r);
      if (!readOnly) await verify(m, r, stepScope(m, movedTabs(before, m)));
    },
    toString: () => label,
  };
}
