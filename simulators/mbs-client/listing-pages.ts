/**
 * Reading a listing whole, page after page, as PROTOCOL.md says a client does: a page holds at most `limit` entries
 * and may hold fewer while more follow, so only the end the listing itself marks ends the reading (a null
 * `nextCursor` for items, an empty page for push notifications). The page bound only keeps a server whose listing
 * never ends from looping its reader forever.
 */
import type { Static } from 'typebox';
import { ClientError } from '../../conformance/spec/errors.js';
import type { Item, ItemPage, ListItemsQuery } from '../../conformance/spec/protocol/resources.js';
import type { Notification } from '../../conformance/spec/protocol/two-factor.js';
import type { MbsClient } from './mbs-client.js';

const MAX_PAGES = 10_000;

type ItemQuery = Omit<Static<typeof ListItemsQuery>, 'cursor'>;

/** Every item of a cursor-paged listing: `read` asks for one page, from `cursor` (none: the first). */
export async function allItemPages(
  read: (cursor: string | undefined) => Promise<Static<typeof ItemPage>>,
): Promise<Static<typeof Item>[]> {
  const items: Static<typeof Item>[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await read(cursor);
    items.push(...page.items);
    if (page.nextCursor === null) return items;
    cursor = page.nextCursor;
  }
  throw new ClientError('protocol-violation', `the listing did not end within ${MAX_PAGES} pages`);
}

/** Every item the device whose key `client` holds lists (`GET /v1/items`), in pages of `query.limit`. */
export function listAllItems(client: MbsClient, query: ItemQuery = {}): Promise<Static<typeof Item>[]> {
  return allItemPages((cursor) => client.call('listItems', { query: { ...query, ...(cursor ? { cursor } : {}) } }));
}

/**
 * Every push notification after `after` for the authenticator whose key `client` holds, and the `last` to go on
 * from: pages are read from each page's `last` until one is empty (or `last` stands still, as only a server that
 * ignores `after` answers: that page's entries are kept, so whoever reads them can tell).
 */
export async function allNotificationsAfter(
  client: MbsClient,
  after = 0,
): Promise<{ notifications: Static<typeof Notification>[]; last: number }> {
  const notifications: Static<typeof Notification>[] = [];
  let last = after;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await client.call('listNotifications', { query: { after: last } });
    notifications.push(...page.notifications);
    if (page.notifications.length === 0 || page.last <= last) return { notifications, last };
    last = page.last;
  }
  throw new ClientError('protocol-violation', `the push notifications did not end within ${MAX_PAGES} pages`);
}
