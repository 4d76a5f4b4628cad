/**
 * Supported file types by extension (seed 000 §1.4). Audio files travel as documents, as the seed says. HEIF/HEIC
 * photos and HEVC videos are listed by the seed as types; `.hevc` stands for a raw HEVC stream.
 */
export const FILE_TYPES = {
  photo: ['jpg', 'png', 'bmp', 'gif', 'tif', 'heif', 'heic'],
  video: ['mp4', 'mkv', 'mov', 'avi', 'flv', 'hevc'],
  document: [
    'doc',
    'docx',
    'xls',
    'xlsx',
    'ppt',
    'pptx',
    'pdf',
    'txt',
    'm4a',
    'mmr',
    'aac',
    'silk',
    'opus',
    'mp3',
    'flac',
    'wav',
  ],
} as const satisfies Record<string, readonly string[]>;

export type ItemKind = keyof typeof FILE_TYPES;
export const ITEM_KINDS = Object.keys(FILE_TYPES) as ItemKind[];

const KIND_BY_EXTENSION: ReadonlyMap<string, ItemKind> = new Map(
  ITEM_KINDS.flatMap((kind) => FILE_TYPES[kind].map((ext) => [ext, kind] as const)),
);

/** The lower-case extension of a file name, without the dot; '' when there is none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The kind a file name's extension makes it, or undefined when the type is not supported. */
export function kindOfFile(fileName: string): ItemKind | undefined {
  return KIND_BY_EXTENSION.get(extensionOf(fileName));
}
