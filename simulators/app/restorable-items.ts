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

/** Asks for pages of up to 1000 items until the server gives no next cursor. */
export function listRestorable(
  app: Pick<MobileApp, 'client'>,
  tab: TabName,
  kind?: ItemKind,
): Promise<Static<typeof Item>[]> {
  return listAllItems(app.client(), { tab, ...(kind ? { kind } : {}), limit: 1000 });
}
