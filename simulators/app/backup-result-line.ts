/**
 * The result line a finished backup shows (seed 000 §6.4.5): how many items of each kind it backed up, and on
 * Android with free up space on, how many items free up space archived during the job.
 */
import type { Counts } from '../../conformance/spec/protocol/resources.js';

/** The result line of a backup: "49 Photos, 5 Videos, 0 Files, and 2 2FA Accounts" (iOS has no Files). */
export function formatCounts(counts: Counts, platform: 'android' | 'ios'): string {
  const parts = [`${counts.photos} Photos`, `${counts.videos} Videos`];
  if (platform === 'android') parts.push(`${counts.files} Files`);
  return `${parts.join(', ')}, and ${counts.twoFactorAccounts} 2FA Accounts`;
}

/** The line with, on Android when free up space is on, what it archived: iOS does not report that. */
export function formatResult(
  counts: Counts,
  archived: number,
  platform: 'android' | 'ios',
  freeUpSpace: boolean,
): string {
  const line = formatCounts(counts, platform);
  if (platform !== 'android' || !freeUpSpace) return line;
  return `${line}; ${archived} archived or free up images and videos`;
}
