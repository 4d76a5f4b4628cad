/**
 * The model of free up space (seed 000 §6.4.5, §2.6.2), written from the seed and DESIGN.md: at the end of a backup
 * job with the setting on, while free space is below the limit (GB = 10^9 bytes), the oldest photos and videos the
 * server confirmed are removed, and no more than needed; never documents, unconfirmed items or SD card items. iOS
 * asks first (a refusal removes nothing) and keeps removed items in Recently Deleted for 40 days, still using
 * storage but counted as freed. Removed items are listed in the Archive tab until they are on the phone again.
 */
import type { ItemKind } from '../../spec/file-types.js';
import type { Platform } from '../../../simulators/device/device-spec.js';
import type { StorageArea } from '../../../simulators/device/media.js';

export const GB = 1_000_000_000;
export const RECENTLY_DELETED_DAYS = 40;
const DAY = 86_400_000;

export interface PhoneItem {
  readonly id: string;
  readonly name: string;
  /** The content's identity: its SHA-256 in process; through the screens, a tag the server keeps (its album). */
  readonly content: string;
  readonly kind: ItemKind;
  readonly size: number;
  readonly capturedAt: number;
  readonly storage: StorageArea;
  /** Whether a backup takes it (iTunes-synced media on iOS and iOS HEIF on Android are never backed up). */
  readonly eligible: boolean;
}

export interface FusModel {
  readonly platform: Platform;
  readonly sdCard: boolean;
  on: boolean;
  limitGb: number;
  consent: 'allow' | 'deny';
  /** The phone's free internal storage. */
  free: number;
  items: PhoneItem[];
  readonly confirmed: Set<string>;
  readonly archived: Set<string>;
  /** Everything free up space ever removed, by content, to be restored from the Archive tab. */
  readonly removed: Map<string, PhoneItem>;
  /** Every item ever on the phone, by device id (for messages). */
  readonly known: Map<string, PhoneItem>;
  recentlyDeleted: { readonly content: string; readonly size: number; readonly deletedAt: number }[];
  now: number;
  /** The N of each iOS "allow the deletion of N items" prompt. */
  readonly prompts: number[];
  /** Items the last backup job archived. */
  lastArchived: number | undefined;
  /** The ids free up space would have removed had it run before the last job's uploads (a FUS-09 fault's removal). */
  freedFirst?: readonly string[];
  /** Items the commands added: the next one's name and album take the count as a serial. */
  added: number;
}

/** Free space as free up space reckons it: on iOS, Recently Deleted counts as freed. */
export function reckonedFree(m: FusModel): number {
  const pending = m.platform === 'ios' ? m.recentlyDeleted.reduce((n, d) => n + d.size, 0) : 0;
  return m.free + pending;
}

/** Whether free up space may remove the item: a photo or video in internal storage, confirmed (or to be, `confirmed`). */
export function removable(m: FusModel, item: PhoneItem, confirmed = m.confirmed.has(item.content)): boolean {
  return (item.kind === 'photo' || item.kind === 'video') && item.storage === 'internal' && confirmed;
}

/** The oldest `n` items free up space could remove once a backup has confirmed what it takes. */
export function oldestRemovableAfterBackup(m: FusModel, n: number): PhoneItem[] {
  return m.items
    .filter((i) => removable(m, i, i.eligible || m.confirmed.has(i.content)))
    .sort((a, b) => a.capturedAt - b.capturedAt)
    .slice(0, n);
}

/** The items free up space should remove now: the oldest removable ones, until the limit is reached. */
export function expectedRemoval(m: FusModel): PhoneItem[] {
  if (!m.on) return [];
  const limit = m.limitGb * GB;
  let free = reckonedFree(m);
  const plan: PhoneItem[] = [];
  for (const item of m.items.filter((i) => removable(m, i)).sort((a, b) => a.capturedAt - b.capturedAt)) {
    if (free >= limit) break;
    plan.push(item);
    free += item.size;
  }
  return plan;
}

/** A backup job that runs to its end: confirm, free up space, then the snapshot. */
export function backUp(m: FusModel): void {
  const first = expectedRemoval(m).map((i) => i.id);
  for (const item of m.items) if (item.eligible) m.confirmed.add(item.content);
  const plan = expectedRemoval(m);
  // Only a job whose own items change the plan tells freeing up before its uploads from freeing up after them.
  const same = first.length === plan.length && plan.every((i) => first.includes(i.id));
  m.freedFirst = same ? undefined : first;
  m.lastArchived = 0;
  if (plan.length > 0 && m.platform === 'ios') {
    m.prompts.push(plan.length);
    if (m.consent === 'deny') return commit(m);
  }
  for (const item of plan) {
    m.items = m.items.filter((i) => i.id !== item.id);
    m.archived.add(item.content);
    m.removed.set(item.content, item);
    if (m.platform === 'ios') m.recentlyDeleted.push({ content: item.content, size: item.size, deletedAt: m.now });
    else m.free += item.size;
  }
  m.lastArchived = plan.length;
  commit(m);
}

/** The snapshot: an archived item that is on the phone again is back in Recent. */
function commit(m: FusModel): void {
  for (const item of m.items) if (item.eligible) m.archived.delete(item.content);
}

/** Time passes: Recently Deleted lets go of items after 40 days, and their storage is free again. */
export function advance(m: FusModel, ms: number): void {
  m.now += ms;
  const kept = m.recentlyDeleted.filter((d) => m.now - d.deletedAt < RECENTLY_DELETED_DAYS * DAY);
  for (const gone of m.recentlyDeleted.filter((d) => !kept.includes(d))) m.free += gone.size;
  m.recentlyDeleted = kept;
}
