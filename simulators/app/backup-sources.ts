/**
 * Which items a backup takes (seed 000 §1.4, §2.6.2, §8): the selected kinds, of supported types; documents only
 * from Android internal storage and never on iOS; never iTunes-synced media on iOS, nor iOS-made HEIF/HEVC on
 * Android. At least one source must stay selected.
 */
import { ClientError } from '../../conformance/spec/errors.js';
import { extensionOf, type ItemKind } from '../../conformance/spec/file-types.js';
import type { Platform } from '../device/device-spec.js';
import type { MediaItem } from '../device/media.js';
import type { BackupSources } from './settings.js';

export const HEIF_HEVC: ReadonlySet<string> = new Set(['heif', 'heic', 'hevc']);

export function defaultSources(platform: Platform): BackupSources {
  return { photos: true, videos: true, documents: platform === 'android', twoFactorAccounts: true };
}

/**
 * What a phone just paired as a new device offers selected on its backup-source choice (seed 000 §7.1, §7.2 step
 * vi: "Photos, videos, document, and 2FA accounts are automatically selected"; iOS lists no documents).
 */
export function pairedSources(platform: Platform): BackupSources {
  return defaultSources(platform);
}

/** Applies a change to the selection; refuses to leave nothing selected and documents on iOS. */
export function updateSources(
  platform: Platform,
  current: BackupSources,
  change: Partial<BackupSources>,
): BackupSources {
  const next = { ...current, ...change };
  if (platform === 'ios' && next.documents) {
    throw new ClientError('backup-source-empty', 'Documents cannot be backed up on iOS.');
  }
  if (!next.photos && !next.videos && !next.documents && !next.twoFactorAccounts) {
    throw new ClientError('backup-source-empty');
  }
  return next;
}

/**
 * The kind the app takes a file for: the one the seed's lists give its extension (the device's reading), none for an
 * extension in no list (FTYPE-05).
 */
export function fileKind(item: MediaItem): ItemKind | undefined {
  return item.kind;
}

/** Why an item is not backed up, or undefined when it is. */
export function exclusionReason(platform: Platform, sources: BackupSources, item: MediaItem): string | undefined {
  if (!item.kind) return 'unsupported file type';
  if (item.kind === 'photo' && !sources.photos) return 'photos not selected';
  if (item.kind === 'video' && !sources.videos) return 'videos not selected';
  if (item.kind === 'document') {
    if (platform === 'ios') return 'documents are not backed up on iOS';
    if (!sources.documents) return 'documents not selected';
    if (item.storage !== 'internal') return 'documents are backed up only from internal storage';
  }
  if (platform === 'ios' && item.origin === 'itunes-sync') return 'synced from iTunes';
  if (platform === 'android' && item.origin === 'ios-import' && HEIF_HEVC.has(extensionOf(item.name))) {
    return 'HEIF/HEVC from iOS';
  }
  return undefined;
}

/** The items a backup takes: those `reasonOf` (the app's exclusion rule, this module's by default) leaves in. */
export function eligibleItems(
  platform: Platform,
  sources: BackupSources,
  items: readonly MediaItem[],
  reasonOf: typeof exclusionReason = exclusionReason,
): MediaItem[] {
  return items.filter((item) => reasonOf(platform, sources, item) === undefined);
}
