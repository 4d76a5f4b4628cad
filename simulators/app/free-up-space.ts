/**
 * Free up space (seed 000 §6.4.5): when free storage is below the limit, remove backed-up photos and videos whose
 * bytes the server has confirmed, oldest first, until free space reaches the limit. Never a document, never an
 * unconfirmed item, never more than needed. On iOS removed items go to Recently Deleted and still use storage;
 * they count as freed for deciding when to stop (the user is told to empty that folder).
 */
import type { AppFault, FaultSet } from '../../conformance/spec/faults.js';
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
  faults?: FaultSet<AppFault>,
): FreeUpPlan {
  const limit = limitGb * GB;
  if (freeBytes >= limit) return { remove: [], bytes: 0, reachesLimit: true };
  // The self-test's variants each bend one rule: what may go, in which order, and when to stop.
  const confirmed = faults?.has('frees-unconfirmed-items') ? () => true : isConfirmed;
  const kinds = faults?.has('frees-documents') ? ['photo', 'video', 'document'] : ['photo', 'video'];
  const order = faults?.has('frees-newest-first') ? -1 : 1;
  const extra = faults?.has('frees-beyond-limit') ? 1 : 0;
  const candidates = items
    .filter((i) => kinds.includes(i.kind as string) && i.storage === 'internal' && confirmed(i))
    .sort((a, b) => order * (a.capturedAt - b.capturedAt) || a.id.localeCompare(b.id));
  const remove: MediaItem[] = [];
  let free = freeBytes;
  let past = 0;
  for (const item of candidates) {
    if (free >= limit && past++ >= extra) break;
    remove.push(item);
    free += item.size;
  }
  return { remove, bytes: free - freeBytes, reachesLimit: free >= limit };
}
