/**
 * The items the server lists for a world's device, for checks that compare the listing with their model after every
 * step. Most steps send the server nothing (a new photo, a lost LAN, a Stop on a held job), and a step that lists
 * twice asks for the same state twice: the listing is asked again only once the app's wire shows a request that
 * may have changed it (wire-tap.ts), so that each state the server reaches is still listed and judged.
 */
import { serverItems, type ServerItem } from './media-items.js';
import type { World } from './device-world.js';

export type ServerListing<T = ServerItem> = () => Promise<T[]>;

/** `list` asks the server through the world's app: every item by default, or the listing a check reads. */
export function serverListing<T = ServerItem>(
  w: Pick<World, 'app' | 'wire'>,
  list: () => Promise<T[]> = () => serverItems(w.app) as Promise<T[]>,
): ServerListing<T> {
  let last: { readonly changes: number; readonly items: readonly T[] } | undefined;
  return async () => {
    // Only a tap on the client the app speaks through now sees every request that could change the listing.
    const seen = w.wire.client !== undefined && w.wire.client === w.app.client();
    const changes = w.wire.changes;
    if (seen && last?.changes === changes) return [...last.items];
    const items = await list();
    // Kept with the count read before it was asked: a request sent or answered meanwhile moves the count past it.
    last = seen ? { changes, items } : undefined;
    return [...items];
  };
}
