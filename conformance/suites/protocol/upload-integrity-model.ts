/**
 * The model of one device's uploads, items, tabs and snapshots, written from PROTOCOL.md "Backup" and "Listing and
 * restore" and simpler than any server: offsets are numbers, items are a map by SHA-256, and each item's tab is
 * known exactly (one confirmed since the last snapshot is in Recent). `held` keeps the order items were confirmed in:
 * the upload order every listing follows.
 */
import type fc from 'fast-check';
import type { Static } from 'typebox';
import type { ItemKind } from '../../spec/file-types.js';
import type { Item, ItemMeta, Snapshot } from '../../spec/protocol/resources.js';
import type { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { brief, canonical } from '../../kit/server-support.js';
import { Violation } from '../../kit/violation.js';

export type Tab = 'recent' | 'archive' | 'deleted';
const TABS: readonly Tab[] = ['recent', 'archive', 'deleted'];

export interface Content {
  readonly bytes: Buffer;
  readonly sha: string;
  readonly meta: ItemMeta;
}
export interface Job {
  readonly id: string;
  closed: boolean;
}
export interface Upload {
  readonly id: string;
  readonly sha: string;
  readonly bytes: Buffer;
  readonly meta: ItemMeta;
  offset: number;
  /** Some appended bytes differ from the item's: completing must fail the hash. */
  corrupt: boolean;
  /** The jobs that created or resumed it: the job that stored the item is one of them. */
  readonly jobs: Set<string>;
}
export interface Held {
  readonly sha: string;
  readonly bytes: Buffer;
  readonly meta: ItemMeta;
  readonly kind: ItemKind;
  tab: Tab;
  readonly jobs: ReadonlySet<string>;
  /** The item its completion answered: every later listing shows the same but for its tab. */
  readonly confirmed: Static<typeof Item>;
}
export interface Model {
  readonly contents: readonly Content[];
  readonly jobs: Job[];
  readonly uploads: Upload[];
  readonly held: Map<string, Held>;
  /** Upload ids discarded, cancelled or completed: never found again. */
  readonly gone: string[];
  snapshot?: Static<typeof Snapshot>;
}
export interface Real {
  readonly device: MbsClient;
  /** The desktop side, which lists the device's items too (listDeviceItems). */
  readonly console: MbsClient;
  readonly deviceId: string;
  readonly url: string;
  readonly deviceKey: string;
}

export const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
export const openJobs = (m: Model) => m.jobs.filter((j) => !j.closed);
export const uploadOf = (m: Model, sha: string) => m.uploads.find((u) => u.sha === sha);

export function sameMeta(a: ItemMeta, b: ItemMeta): boolean {
  const key = (x: ItemMeta) => JSON.stringify([x.kind, x.name, x.path, x.capturedAt ?? null]);
  return key(a) === key(b);
}

/**
 * Every confirmed item, following `nextCursor` with a small page so pagination is exercised too; as the device lists
 * them, or as the desktop lists the device's (the same pages, PROTOCOL.md listDeviceItems).
 */
export async function listAll(
  r: Real,
  query: { tab?: Tab; kind?: ItemKind } = {},
  limit = 1000,
  by: 'device' | 'desktop' = 'device',
): Promise<Static<typeof Item>[]> {
  const items: Static<typeof Item>[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 500; page++) {
    const asked = { ...query, limit, ...(cursor ? { cursor } : {}) };
    const answer =
      by === 'device'
        ? await r.device.call('listItems', { query: asked })
        : await r.console.call('listDeviceItems', { params: { deviceId: r.deviceId }, query: asked });
    items.push(...answer.items);
    if (answer.nextCursor === null) return items;
    cursor = answer.nextCursor;
  }
  throw new Error('the listing did not end within 500 pages');
}

/** PROTOCOL.md listDeviceItems: the desktop shows what the device has backed up as the device lists it. */
export async function sameOnDesktop(
  r: Real,
  listed: readonly Static<typeof Item>[],
  query: { tab?: Tab; kind?: ItemKind } = {},
  limit = 1000,
): Promise<void> {
  const shown = await listAll(r, query, limit, 'desktop');
  if (canonical(shown) !== canonical(listed)) {
    throw new Violation(
      ['NET-06'],
      `GET /v1/console/devices/${r.deviceId}/items lists ${brief(shown)}; the device lists ${brief(listed)}`,
    );
  }
}

/** The listing holds exactly the confirmed items, once each, with their metadata and a tab the model allows. */
export async function verify(m: Model, r: Real): Promise<void> {
  // One item a page: a case holds a few items, so only the smallest page makes the listing continue by cursor.
  const listed = await listAll(r, {}, 1);
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
  await verifyTabs(m, r);
  for (const upload of m.uploads) {
    const status = await r.device.call('getUpload', { params: { uploadId: upload.id } });
    if (status.offset !== upload.offset || status.size !== upload.bytes.length || status.sha256 !== upload.sha) {
      throw new Error(`upload ${upload.id} reports ${brief(status)}; the model has offset ${upload.offset}`);
    }
  }
  // Last: a listing that breaks the device's own rules is reported as that, not as the desktop's view of it.
  await sameOnDesktop(r, listed);
}

/**
 * Each tab, asked for itself, lists exactly the items the model puts in it (not only the label each item carries),
 * in upload order.
 */
async function verifyTabs(m: Model, r: Real): Promise<void> {
  for (const tab of TABS) {
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

export type Step = fc.AsyncCommand<Model, Real>;

/** A command; after one that may change the server's state, the listing and offsets must match the model. */
export function step(
  label: string,
  run: (m: Model, r: Real) => Promise<void>,
  check: (m: Model) => boolean,
  readOnly = false,
): Step {
  return {
    check,
    async run(m, r) {
      await run(m, r);
      if (!readOnly) await verify(m, r);
    },
    toString: () => label,
  };
}
