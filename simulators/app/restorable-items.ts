/**
 * What the restore file explorer lists: the items of the latest backup in one tab (and kind), fetched page by page
 * from the server, every page of it (a page may hold fewer items than asked for while more follow).
 */
import type { Static } from 'typebox';
import type { ItemKind } from '../../conformance/spec/file-types.js';
import type { TabName } from '../../conformance/spec/protocol/common.js';
import type { Item } from '../../conformance/spec/protocol/resources.js';
import { listAllItems } from '../mbs-client/listing-pages.js';
import type { MobileApp } from './mobile-app.js';

/**
 * Whether the explorer lists an item of a tab the server lists: every one, whichever phone backed it up, so a
 * replacement lists the items it inherited from the original device in its Archive tab (MIG-11).
 */
export function listsServerItem(_tab: TabName, _backedUpHere: boolean): boolean {
  return true;
}

/**
 * The server's tabs whose items the explorer lists under `tab`: that one alone. The three are disjoint: Recent holds
 * what is still on the phone, Archive what free up space removed, Delete what went otherwise (RFE-06).
 */
export function listedTabs(tab: TabName): readonly TabName[] {
  return [tab];
}

/** Whether the explorer asks the server each time it lists a tab: always, so it offers the latest backup (RST-01). */
export function listsAfresh(): boolean {
  return true;
}

/** The lists an app that does not list afresh keeps, per app and tab (and kind). */
const keptLists = new WeakMap<object, Map<string, Static<typeof Item>[]>>();

function keptListsOf(app: object): Map<string, Static<typeof Item>[]> {
  let kept = keptLists.get(app);
  if (!kept) keptLists.set(app, (kept = new Map()));
  return kept;
}

/** Asks for pages of up to 1000 items, of each tab listed under `tab`, until the server gives no next cursor. */
export async function listRestorable(
  app: Pick<MobileApp, 'client' | 'rules' | 'confirmedHashes'>,
  tab: TabName,
  kind?: ItemKind,
): Promise<Static<typeof Item>[]> {
  const kept = app.rules.listsAfresh() ? undefined : keptListsOf(app);
  const key = `${tab}/${kind ?? 'all'}`;
  const earlier = kept?.get(key);
  if (earlier) return earlier;
  const pages = app.rules
    .listedTabs(tab)
    .map((from) => listAllItems(app.client(), { tab: from, ...(kind ? { kind } : {}), limit: 1000 }));
  const items = (await Promise.all(pages)).flat();
  const here = new Set(app.confirmedHashes());
  const listed = items.filter((item) => app.rules.listsServerItem(tab, here.has(item.sha256)));
  kept?.set(key, listed);
  return listed;
}
