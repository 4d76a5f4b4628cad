/**
 * What the restore file explorer lists: the items of the latest backup in one tab (and kind), fetched page by page
 * from the server. The page bound only keeps a server whose cursors never end from looping the app forever.
 */
import type { Static } from 'typebox';
import type { ItemKind } from '../../conformance/spec/file-types.js';
import type { TabName } from '../../conformance/spec/protocol/common.js';
import type { Item } from '../../conformance/spec/protocol/resources.js';
import type { MobileApp } from './mobile-app.js';

/** Asks for pages of up to 1000 items until the server gives no next cursor. */
export async function listRestorable(
  app: Pick<MobileApp, 'client'>,
  tab: TabName,
  kind?: ItemKind,
): Promise<Static<typeof Item>[]> {
  const items: Static<typeof Item>[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 10_000; page++) {
    const result: { items: Static<typeof Item>[]; nextCursor: string | null } = await app.client().call('listItems', {
      query: { tab, ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}), limit: 1000 },
    });
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}
