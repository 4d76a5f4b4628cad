/**
 * Free up space (seed 000 §6.4.5): when free storage is below the limit, remove backed-up photos and videos whose
 * bytes the server has confirmed, oldest first, until free space reaches the limit. Never a document, never an
 * unconfirmed item, never more than needed. On iOS removed items go to Recently Deleted and still use storage;
 * they count as freed for deciding when to stop (the user is told to empty that folder).
 */
import type { ItemKind } from '../../conformance/spec/file-types.js';
import type { MediaItem } from '../device/media.js';
import { GB, type FreeUpSpaceLimitGb } from './settings.js';

export interface FreeUpPlan {
  readonly remove: readonly MediaItem[];
  readonly bytes: number;
  /** Whether removing them reaches the limit (it may not, when too little is confirmed). */
  readonly reachesLimit: boolean;
}

/** A limit of N GB is N × 10^9 bytes (GB, not GiB). */
export function limitBytes(limitGb: FreeUpSpaceLimitGb): number {
  return limitGb * GB;
}

/** Photos and videos may go; documents never do. */
export function freesKind(kind: ItemKind | undefined): boolean {
  return kind === 'photo' || kind === 'video';
}

/** An item of those kinds may go from internal storage once the server has confirmed holding its bytes. */
export function freesItem(item: MediaItem, isConfirmed: (item: MediaItem) => boolean): boolean {
  return item.storage === 'internal' && isConfirmed(item);
}

/** The oldest goes first (ties are broken by id, outside this rule, so a plan is the same every time). */
export function freeUpOrder(a: MediaItem, b: MediaItem): number {
  return a.capturedAt - b.capturedAt;
}

/** Free up space removes anything only while free space is below the limit: at the limit it has nothing to do. */
export function belowLimit(free: number, limit: number): boolean {
  return free < limit;
}

/** Removing stops as soon as free space reaches the limit: never more than needed. */
export function enoughFreed(free: number, limit: number, _removed: readonly MediaItem[]): boolean {
  return free >= limit;
}

/** The parts of the rule, as the app was assembled with them (app-rules.ts). */
export interface FreeUpRules {
  readonly freesKind: typeof freesKind;
  readonly freesItem: typeof freesItem;
  readonly freeUpOrder: typeof freeUpOrder;
  readonly enoughFreed: typeof enoughFreed;
  readonly limitBytes: typeof limitBytes;
  readonly belowLimit: typeof belowLimit;
}

export const FREE_UP_RULES: FreeUpRules = { freesKind, freesItem, freeUpOrder, enoughFreed, limitBytes, belowLimit };

export function planFreeUpSpace(
  freeBytes: number,
  limitGb: FreeUpSpaceLimitGb,
  items: readonly MediaItem[],
  isConfirmed: (item: MediaItem) => boolean,
  rules: FreeUpRules = FREE_UP_RULES,
): FreeUpPlan {
  const limit = rules.limitBytes(limitGb);
  if (!rules.belowLimit(freeBytes, limit)) return { remove: [], bytes: 0, reachesLimit: true };
  const candidates = items
    .filter((i) => rules.freesKind(i.kind) && rules.freesItem(i, isConfirmed))
    .sort((a, b) => rules.freeUpOrder(a, b) || a.id.localeCompare(b.id));
  const remove: MediaItem[] = [];
  let free = freeBytes;
  for (const item of candidates) {
    // Below the limit, one item at least goes; then each removal is weighed against the limit.
    if (remove.length > 0 && rules.enoughFreed(free, limit, remove)) break;
    remove.push(item);
    free += item.size;
  }
  return { remove, bytes: free - freeBytes, reachesLimit: free >= limit };
}
