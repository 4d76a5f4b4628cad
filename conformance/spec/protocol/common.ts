/** Schemas shared by several routes. Names are checked here once, so no route can store a path-traversing name. */
import Type, { type Static } from 'typebox';
import { ERROR_CODES } from '../errors.js';
import { EDITION_NAMES } from '../editions.js';
import { ITEM_KINDS } from '../file-types.js';

/** No control characters, no path separators, none of the characters Windows refuses, not `.`/`..`, no edge dots/spaces. */
export const SAFE_NAME_PATTERN = '^(?![. ])(?!.*[. ]$)[^\\u0000-\\u001f\\u007f/\\\\<>:"|?*]+$';
/** A path on the device: no control characters and no `..` segment. */
export const DEVICE_PATH_PATTERN = '^(?!(?:.*/)?\\.\\.(?:/|$))[^\\u0000-\\u001f\\u007f]*$';

/** File systems limit a name to 255 bytes; a schema's maxLength counts characters, so servers check this too. */
export const MAX_NAME_BYTES = 255;

export function nameFitsOnDisk(name: string): boolean {
  return Buffer.byteLength(name, 'utf8') <= MAX_NAME_BYTES;
}

export const DeviceName = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: SAFE_NAME_PATTERN,
  description: 'Device name as shown in the device list; also the name of its backup folder.',
});
export const FileName = Type.String({ minLength: 1, maxLength: 255, pattern: SAFE_NAME_PATTERN });
export const DevicePath = Type.String({ maxLength: 1024, pattern: DEVICE_PATH_PATTERN });

export const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'Lower-case hex SHA-256 of the bytes.' });
export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
export const EpochMs = Type.Integer({
  minimum: 0,
  maximum: 8.64e15,
  description: 'Milliseconds since 1970-01-01 UTC.',
});
export const Port = Type.Integer({ minimum: 1, maximum: 65535 });

export const EditionSchema = Type.Enum(EDITION_NAMES);
export const ItemKindSchema = Type.Enum(ITEM_KINDS);
export const Platform = Type.Union([Type.Literal('android'), Type.Literal('ios')]);
export const Tab = Type.Union([Type.Literal('recent'), Type.Literal('archive'), Type.Literal('deleted')], {
  description:
    'recent: on the device; archive: freed from the device by free up space, or inherited by migration; deleted: gone from the device.',
});

export const ErrorResponse = Type.Object(
  {
    code: Type.Enum(ERROR_CODES),
    message: Type.String(),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { description: 'Every error: a stable code from the catalogue, a message for people, optional details.' },
);

export const Empty = Type.Object({}, { additionalProperties: false });

export type EditionName = Static<typeof EditionSchema>;
export type TabName = Static<typeof Tab>;
