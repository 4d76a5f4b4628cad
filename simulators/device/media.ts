/**
 * Media on a simulated device. Bytes are not stored: each item has a content seed and a size, and its bytes are
 * generated on demand (AES-CTR over zeros, keyed by the seed: fast, native, the same every time).
 */
import { createCipheriv, createHash } from 'node:crypto';
import { kindOfFile, type ItemKind } from '../../conformance/spec/file-types.js';

/** Where a file lives: Android internal storage or SD card; iOS has only internal. */
export type StorageArea = 'internal' | 'sd';
/**
 * device: made or saved on this device; itunes-sync: synced to an iPhone from iTunes (not backed up on iOS);
 * ios-import: a HEIF/HEVC file made on an iPhone and copied to an Android device (not backed up on Android).
 */
export type MediaOrigin = 'device' | 'itunes-sync' | 'ios-import';

export interface MediaItem {
  /** Device-local id; on iOS a restored item gets a new one. */
  readonly id: string;
  readonly name: string;
  /** Full path on the device (Android); on iOS a library path the user never sees. */
  readonly path: string;
  /** The type its extension gives, or undefined for a type the app does not back up. */
  readonly kind: ItemKind | undefined;
  readonly size: number;
  readonly contentSeed: number;
  readonly album: string;
  readonly capturedAt: number;
  readonly modifiedAt: number;
  readonly exif: Readonly<Record<string, string>>;
  readonly storage: StorageArea;
  readonly origin: MediaOrigin;
}

export type MediaInit = Omit<MediaItem, 'id' | 'kind'> & { readonly id?: string };

export function mediaItem(init: MediaInit, id: string): MediaItem {
  // One literal of one shape for every item: spreading `init` would give most items a hidden class of their own.
  return {
    id: init.id ?? id,
    name: init.name,
    path: init.path,
    kind: kindOfFile(init.name),
    size: init.size,
    contentSeed: init.contentSeed,
    album: init.album,
    capturedAt: init.capturedAt,
    modifiedAt: init.modifiedAt,
    exif: init.exif,
    storage: init.storage,
    origin: init.origin,
  };
}

/** Items up to this size keep their bytes once made: the checks' items are KB-sized, and made again and again. */
const KEPT_CONTENT_BYTES = 64 * 1024;
const keptContents = new Map<string, Buffer>();
/** What a small item's bytes are enciphered from: read, never written, so one buffer serves every item. */
const ZEROS = Buffer.alloc(KEPT_CONTENT_BYTES);

/**
 * An item's bytes, a fresh copy for the caller. A small item's are made once and copied: hashing, uploading and
 * comparing one item would each make them again, and setting up a hash and a cipher costs more than the copy.
 */
export function contentOf(item: Pick<MediaItem, 'contentSeed' | 'size'>): Buffer {
  const bytes = readOnlyContent(item);
  return item.size > KEPT_CONTENT_BYTES ? bytes : Buffer.from(bytes);
}

/** Whether `bytes` are exactly the item's, compared with its kept bytes: no copy for a caller that only reads. */
export function sameContent(item: Pick<MediaItem, 'contentSeed' | 'size'>, bytes: Uint8Array): boolean {
  return bytes.length === item.size && readOnlyContent(item).equals(bytes);
}

/** The item's bytes for a reader that writes nothing: a small item's kept bytes themselves. */
function readOnlyContent(item: Pick<MediaItem, 'contentSeed' | 'size'>): Buffer {
  return item.size > KEPT_CONTENT_BYTES ? makeContent(item) : sharedContent(item);
}

/** A small item's kept bytes, made on first use; only ever read (contentOf hands out copies). */
function sharedContent(item: Pick<MediaItem, 'contentSeed' | 'size'>): Buffer {
  const key = `${item.contentSeed}:${item.size}`;
  let bytes = keptContents.get(key);
  if (!bytes) {
    bytes = makeContent(item);
    if (keptContents.size >= 4096) keptContents.clear();
    keptContents.set(key, bytes);
  }
  return bytes;
}

function makeContent(item: Pick<MediaItem, 'contentSeed' | 'size'>): Buffer {
  const key = createHash('sha256').update(`mbsc-media-${item.contentSeed}`).digest().subarray(0, 16);
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  const zeros = item.size > KEPT_CONTENT_BYTES ? Buffer.alloc(item.size) : ZEROS.subarray(0, item.size);
  const bytes = cipher.update(zeros);
  // CTR is a stream cipher: final() adds nothing, so the bytes need no second buffer to be joined into.
  const rest = cipher.final();
  return rest.length === 0 ? bytes : Buffer.concat([bytes, rest]);
}

const digests = new Map<string, string>();

/** SHA-256 of an item's bytes, computed once per (seed, size), over the kept bytes (a hash only reads them). */
export function sha256Of(item: Pick<MediaItem, 'contentSeed' | 'size'>): string {
  const key = `${item.contentSeed}:${item.size}`;
  let digest = digests.get(key);
  if (!digest) {
    digest = createHash('sha256').update(readOnlyContent(item)).digest('hex');
    if (digests.size > 200_000) digests.clear();
    digests.set(key, digest);
  }
  return digest;
}
