/**
 * What the app knows and says of the items it uploads: which ones the server has confirmed holding byte for byte
 * (by content hash, so a copy of an item counts as backed up too), and the metadata each upload carries.
 */
import type { Static } from 'typebox';
import { ClientError } from '../../conformance/spec/errors.js';
import type { ItemKind } from '../../conformance/spec/file-types.js';
import type { Item, ItemMeta } from '../../conformance/spec/protocol/resources.js';
import type { MediaItem } from '../device/media.js';
import { hashOf } from './content-registry.js';

export class ConfirmedItems {
  private readonly held = new Map<string, Static<typeof Item>>();

  has(item: MediaItem): boolean {
    return this.held.has(hashOf(item));
  }

  /** The content hashes of every item the server confirmed. */
  hashes(): string[] {
    return [...this.held.keys()];
  }

  /** Records the server's copy of an item; a copy of other bytes is the server breaking the protocol. */
  add(item: MediaItem, held: Static<typeof Item>): void {
    if (held.sha256 !== hashOf(item) || held.size !== item.size) {
      throw new ClientError('protocol-violation', `The server confirmed other bytes than ${item.name}'s.`);
    }
    this.held.set(held.sha256, held);
  }
}

/** The metadata an upload carries for a device item. */
export function itemMeta(item: MediaItem): ItemMeta {
  return {
    kind: item.kind as ItemKind,
    name: item.name,
    path: item.path,
    album: item.album,
    capturedAt: item.capturedAt,
    modifiedAt: item.modifiedAt,
    ...(Object.keys(item.exif).length > 0 ? { exif: { ...item.exif } } : {}),
  };
}
