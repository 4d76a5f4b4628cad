/**
 * Free up space (seed 000 §6.4.5): when free storage is below the limit, remove backed-up photos and videos whose
 * bytes the server has confirmed, oldest first, until free space reaches the limit. Never a document, never an
 * unconfirmed item, never more than needed. On iOS removed items go to Recently Deleted and still use storage;
 * they count as freed for deciding when to stop (the user is told to empty that folder).
 */
import type { MediaItem } from '../device/media.js';
import { GB, type FreeUpSpaceLimitGb } from './settings.js';

export interface FreeUpPlan {
  readonly remove: readonly MediaItem[];
  readonly bytes: number;
  /** Whether removing them reaches the limit (it may not, when too little is confirmed). */
  readonly reachesLimit: boolean;
}

export function planFreeUpSpace(
  freeBytes: number,
  limitGb: FreeUpSpaceLimitGb,
  items: readonly MediaItem[],
  isConfirmed: (item: MediaItem) => boolean,
): FreeUpPlan {
  const limit = limitGb * GB;
  if (freeBytes >= limit) return { remove: [], bytes: 0, reachesLimit: true };
  const candidates = items
    .filter((i) => (i.kind === 'photo' || i.kind === 'video') && i.storage === 'internal' && isConfirmed(i))
    .sort((a, b) => a.capturedAt - b.capturedAt || a.id.localeCompare(b.id));
  const remove: MediaItem[] = [];
  let free = freeBytes;
  for (const item of candidates) {
    if (free >= limit) break;
    remove.push(item);
    free += item.size;
  }
  return { remove, bytes: free - freeBytes, reachesLimit: free >= limit };
}
