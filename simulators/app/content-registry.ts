/**
 * Maps content hashes back to the (seed, size) that generates them, so a restored item can live on a simulated
 * device as a seed again after its bytes were checked.
 */
import { sha256Of, type MediaItem } from '../device/media.js';

const bySha = new Map<string, { contentSeed: number; size: number }>();

export function hashOf(item: Pick<MediaItem, 'contentSeed' | 'size'>): string {
  const sha = sha256Of(item);
  if (!bySha.has(sha)) bySha.set(sha, { contentSeed: item.contentSeed, size: item.size });
  return sha;
}

export function contentForHash(sha256: string): { contentSeed: number; size: number } | undefined {
  return bySha.get(sha256);
}
