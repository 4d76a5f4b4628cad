/** Schemas of the resources the routes exchange: server info, devices, backup jobs, uploads, items, snapshots. */
import Type, { type Static } from 'typebox';
import { DESKTOP_VERSION_PATTERN } from '../versions.js';
import {
  DeviceName,
  DevicePath,
  EditionSchema,
  EpochMs,
  FileName,
  Id,
  ItemKindSchema,
  Platform,
  Port,
  Sha256,
  Tab,
} from './common.js';

export const ServerInfo = Type.Object({
  protocol: Type.Literal(1),
  serverId: Id,
  name: Type.String(),
  edition: EditionSchema,
  tcpPort: Port,
  udpPort: Port,
  desktopVersion: Type.String({
    pattern: DESKTOP_VERSION_PATTERN,
    description:
      "The desktop program's version, e.g. `4.5.4.0`: 2FA needs 4.3.0.0 (Pro and Lite), migration 4.5.4.0 or later.",
  }),
  twoFactor: Type.Boolean({
    description: 'Whether this server offers two-factor authentication: Pro and Lite from desktop version 4.3.0.0.',
  }),
  capabilities: Type.Optional(
    Type.Array(Type.String(), {
      description:
        'Optional features this server offers now: "conformance-clock" when started for conformance testing.',
    }),
  ),
});

export const Device = Type.Object({
  deviceId: Id,
  name: DeviceName,
  model: Type.String(),
  platform: Platform,
  osVersion: Type.String(),
  registeredAt: EpochMs,
  backupPath: Type.String(),
  migratedFrom: Type.Optional(Type.Object({ deviceId: Id, name: DeviceName })),
});
export const DeviceList = Type.Object({ devices: Type.Array(Device) });
export const DeviceIdParams = Type.Object({ deviceId: Id });
export const RenameDeviceRequest = Type.Object({ name: DeviceName }, { additionalProperties: false });

export const Backup = Type.Object({
  backupId: Id,
  folder: Type.String({
    pattern: '^\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}$',
    description: 'blocks/<folder> on disk.',
  }),
  startedAt: EpochMs,
});
export const BackupIdParams = Type.Object({ backupId: Id });

/** Everything the server keeps about an item besides its bytes (the app restores from it). */
export const ItemMeta = Type.Object(
  {
    kind: ItemKindSchema,
    name: FileName,
    path: DevicePath,
    album: Type.Optional(Type.String({ maxLength: 255, pattern: '^[^\\u0000-\\u001f\\u007f]*$' })),
    capturedAt: Type.Optional(EpochMs),
    modifiedAt: Type.Optional(EpochMs),
    exif: Type.Optional(
      Type.Record(Type.String(), Type.String({ maxLength: 512 }), {
        maxProperties: 64,
        propertyNames: { minLength: 1, maxLength: 64 },
      }),
    ),
  },
  { additionalProperties: false },
);

export const MAX_ITEM_BYTES = 64 * 1024 ** 3;

export const CreateUploadRequest = Type.Object(
  {
    backupId: Id,
    sha256: Sha256,
    size: Type.Integer({
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      description: `At most ${MAX_ITEM_BYTES} bytes.`,
    }),
    meta: ItemMeta,
  },
  { additionalProperties: false },
);

export const Item = Type.Object({
  sha256: Sha256,
  size: Type.Integer({ minimum: 0 }),
  meta: ItemMeta,
  tab: Tab,
  storedAs: Type.String({
    description: 'Path under the device backup folder: blocks/<folder>/0/<hex sequence>.<EXT>.',
  }),
  confirmedAt: EpochMs,
});

export const UploadStatus = Type.Object({
  uploadId: Id,
  sha256: Sha256,
  size: Type.Integer({ minimum: 0 }),
  offset: Type.Integer({ minimum: 0 }),
});

export const CreateUploadResponse = Type.Union([
  Type.Object({ status: Type.Union([Type.Literal('created'), Type.Literal('resumed')]), upload: UploadStatus }),
  Type.Object({ status: Type.Literal('duplicate'), item: Item }),
]);
export const UploadIdParams = Type.Object({ uploadId: Id });
export const AppendHeaders = Type.Object({
  'upload-offset': Type.String({
    pattern: '^\\d{1,15}$',
    description: 'Where these bytes start; must equal the current offset.',
  }),
});
export const AppendResponse = Type.Union([
  Type.Object({ complete: Type.Literal(false), upload: UploadStatus }),
  Type.Object({ complete: Type.Literal(true), item: Item }),
]);

export const Counts = Type.Object({
  photos: Type.Integer({ minimum: 0 }),
  videos: Type.Integer({ minimum: 0 }),
  files: Type.Integer({ minimum: 0 }),
  twoFactorAccounts: Type.Integer({ minimum: 0 }),
});

/** A 2FA account as the app keeps it; backed up with the snapshot and restorable to a replacement device. */
export const AuthenticatorAccount = Type.Object(
  {
    id: Id,
    issuer: Type.String({ maxLength: 128 }),
    label: Type.String({ maxLength: 128 }),
    secret: Type.String({ pattern: '^[A-Z2-7]{16,128}=*$' }),
    algorithm: Type.Literal('SHA1'),
    digits: Type.Literal(6),
    period: Type.Literal(30),
    push: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const MAX_SNAPSHOT_ITEMS = 200_000;

export const CommitRequest = Type.Object(
  {
    present: Type.Array(Sha256, {
      maxItems: MAX_SNAPSHOT_ITEMS,
      description: 'Every backed-up item still on the device.',
    }),
    accounts: Type.Array(AuthenticatorAccount, { maxItems: 100 }),
  },
  { additionalProperties: false },
);
export const Snapshot = Type.Object({
  snapshotId: Id,
  backupId: Id,
  committedAt: EpochMs,
  counts: Counts,
  accounts: Type.Array(AuthenticatorAccount),
});

export const ListItemsQuery = Type.Object(
  {
    tab: Type.Optional(Tab),
    kind: Type.Optional(ItemKindSchema),
    cursor: Type.Optional(Type.String({ pattern: '^\\d{1,15}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  },
  { additionalProperties: false },
);
export const ItemPage = Type.Object({ items: Type.Array(Item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export const ItemParams = Type.Object({ sha256: Sha256 });
export const ArchiveRequest = Type.Object(
  { items: Type.Array(Sha256, { minItems: 1, maxItems: 10_000 }) },
  { additionalProperties: false },
);
export const ArchiveResponse = Type.Object({ archived: Type.Integer({ minimum: 0 }) });

export type ItemMeta = Static<typeof ItemMeta>;
export type Item = Static<typeof Item>;
export type Device = Static<typeof Device>;
export type Counts = Static<typeof Counts>;
export type AuthenticatorAccount = Static<typeof AuthenticatorAccount>;
export type UploadStatus = Static<typeof UploadStatus>;
export type Snapshot = Static<typeof Snapshot>;
