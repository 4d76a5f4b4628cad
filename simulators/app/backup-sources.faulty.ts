/** The self-test's faulty variants of what a backup takes (backup-sources.ts). */
import { ClientError } from '../../conformance/spec/errors.js';
import type { AppFault } from '../../conformance/spec/faults.js';
import type { MediaItem } from '../device/media.js';
import type { AppRuleOverride } from './app-rules.js';

/** The seed's audio extensions, which travel as documents (file-types.ts). */
const AUDIO = new Set(['m4a', 'mmr', 'aac', 'silk', 'opus', 'mp3', 'flac', 'wav']);

/** The extension as the file name spells it, without the dot. */
const spelledExtension = (item: MediaItem) => item.name.slice(item.name.lastIndexOf('.') + 1);

/** Files whose extension (any case) is `ext` are not backed up: the app's own list lacks it. */
const unlisted = (ext: string): AppRuleOverride => ({
  exclusionReason: (rule) => (platform, sources, item) =>
    spelledExtension(item).toLowerCase() === ext ? 'unsupported file type' : rule(platform, sources, item),
});

export const BACKUP_SOURCES_FAULTS = {
  'no-source-accepted': {
    // Takes any selection: none at all, or documents on iOS.
    updateSources: () => (_platform, current, change) => ({ ...current, ...change }),
  },
  'itunes-synced-backed-up': {
    // Takes media synced from iTunes as the device's own.
    exclusionReason: (rule) => (platform, sources, item) =>
      rule(platform, sources, item.origin === 'itunes-sync' ? { ...item, origin: 'device' } : item),
  },
  'paired-sources-not-preselected': {
    // Once paired, offers Photos alone selected: the user must pick the rest.
    pairedSources: () => () => ({ photos: true, videos: false, documents: false, twoFactorAccounts: false }),
  },
  // Sources, file types and limits.
  'extension-case-sensitive': {
    // Matches extensions as spelled: IMG_0001.JPG is no photo.
    exclusionReason: (rule) => (platform, sources, item) => {
      const ext = spelledExtension(item);
      return ext !== ext.toLowerCase() ? 'unsupported file type' : rule(platform, sources, item);
    },
  },
  'tif-photos-skipped': unlisted('tif'),
  'flv-videos-skipped': unlisted('flv'),
  'txt-documents-skipped': unlisted('txt'),
  'audio-without-documents': {
    // Takes audio files as a source of their own, always on: Documents deselected does not leave them out.
    exclusionReason: (rule) => (platform, sources, item) => {
      const audio = AUDIO.has(spelledExtension(item).toLowerCase());
      return rule(platform, audio ? { ...sources, documents: true } : sources, item);
    },
  },
  'sd-card-documents-backed-up': {
    // Reads documents from every storage, the SD card too.
    exclusionReason: (rule) => (platform, sources, item) => rule(platform, sources, { ...item, storage: 'internal' }),
  },
  'ios-heif-backed-up-on-android': {
    // Takes HEIF/HEVC imported from an iPhone as the device's own.
    exclusionReason: (rule) => (platform, sources, item) =>
      rule(platform, sources, item.origin === 'ios-import' ? { ...item, origin: 'device' } : item),
  },
  'deselected-videos-sent': {
    // Keeps sending videos after Videos was deselected (the switch saved, the job not told).
    exclusionReason: (rule) => (platform, sources, item) => rule(platform, { ...sources, videos: true }, item),
  },
  'android-documents-not-preselected': {
    // Once paired on Android, leaves Documents unselected: the user must opt in.
    pairedSources: (rule) => (platform) => ({ ...rule(platform), documents: false }),
  },
  'sd-card-media-skipped': {
    // Scans the internal storage only, for photos and videos too.
    exclusionReason: (rule) => (platform, sources, item) =>
      item.storage === 'sd' ? 'only internal storage is scanned' : rule(platform, sources, item),
  },
  'ios-documents-selectable': {
    // Lets Documents be switched on on iOS (as on Android), though no document is ever backed up there.
    updateSources: (rule) => (platform, current, change) =>
      platform === 'ios' && change.documents
        ? { ...rule(platform, current, { ...change, documents: false }), documents: true }
        : rule(platform, current, change),
  },
  'ios-accounts-not-preselected': {
    // Once paired on iOS, leaves 2FA accounts unselected.
    pairedSources: (rule) => (platform) =>
      platform === 'ios' ? { ...rule(platform), twoFactorAccounts: false } : rule(platform),
  },
  // Takes .jpeg for a photo, JPEG's other spelling, though no list names it.
  'jpeg-backed-up-as-photo': {
    fileKind: (rule) => (item) => (spelledExtension(item).toLowerCase() === 'jpeg' ? 'photo' : rule(item)),
  },
  'android-documents-not-reselectable': {
    // The switch applies iOS's refusal on both platforms: once deselected, Documents cannot be switched on again.
    updateSources: (rule) => (platform, current, change) => {
      if (change.documents && !current.documents) {
        throw new ClientError('backup-source-empty', 'Documents cannot be backed up on this phone.');
      }
      return rule(platform, current, change);
    },
  },
} satisfies Partial<Record<AppFault, AppRuleOverride>>;
