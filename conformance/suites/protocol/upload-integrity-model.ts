/**
 * The model of one device's uploads, items, tabs and snapshots, written from PROTOCOL.md "Backup" and "Listing and
 * restore" and simpler than any server: offsets are numbers, items are a map by SHA-256, and each item's tab is
 * known exactly (one confirmed since the last snapshot is in Recent). `held` keeps the order items were confirmed in:
 * the upload order every listing follows.
 */
import type { Static } from 'typebox';
import type { ItemKind } from '../../spec/file-types.js';
import type { Item, ItemMeta, Snapshot } from '../../spec/protocol/resources.js';
import { allItemPages } from '../../../simulators/mbs-client/listing-pages.js';
import type { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { brief, canonical } from '../../kit/server-support.js';
import { Violation } from '../../kit/violation.js';

export type Tab = 'recent' | 'archive' | 'deleted';
export const TABS: readonly Tab[] = ['recent', 'archive', 'deleted'];

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
  /** The unfinished uploads the steps since the last verify sent a request about: the next verify reads them. */
  readonly addressed: Set<string>;
  /** Verifies so far, and the one of every few (drawn per case) that lists with the smallest page. */
  verifies: number;
  readonly pagedPhase: number;
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

/** The upload a step sends a request about: whatever the answer, the next verify reads its offset. */
export function address(m: Model, upload: Upload): Upload {
  m.addressed.add(upload.id);
  return upload;
}

export function sameMeta(a: ItemMeta, b: ItemMeta): boolean {
  const key = (x: ItemMeta) => JSON.stringify([x.kind, x.name, x.path, x.capturedAt ?? null]);
  return key(a) === key(b);
}

/**
 * Every confirmed item, following `nextCursor` with a small page so pagination is exercised too; as the device lists
 * them, or as the desktop lists the device's (the same pages, PROTOCOL.md listDeviceItems).
 */
export function listAll(
  r: Real,
  query: { tab?: Tab; kind?: ItemKind } = {},
  limit = 1000,
  by: 'device' | 'desktop' = 'device',
): Promise<Static<typeof Item>[]> {
  return allItemPages((cursor) => {
    const asked = { ...query, limit, ...(cursor ? { cursor } : {}) };
    return by === 'device'
      ? r.device.call('listItems', { query: asked })
      : r.console.call('listDeviceItems', { params: { deviceId: r.deviceId }, query: asked });
  });
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
