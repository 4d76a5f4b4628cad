/**
 * Protocol v1, once, as data. The reference server registers its routes from this table, the client calls through
 * it, and PROTOCOL.md and the OpenAPI document are generated from it.
 */
import type { TSchema } from 'typebox';
import Type from 'typebox';
import type { ErrorCode } from '../errors.js';
import { Empty } from './common.js';
import { CreatePairingRequest, CreatePairingResponse, PairRequest, PairResponse } from './pairing.js';
import {
  AppendHeaders,
  AppendResponse,
  ArchiveRequest,
  ArchiveResponse,
  Backup,
  BackupIdParams,
  CommitRequest,
  CreateUploadRequest,
  CreateUploadResponse,
  Device,
  DeviceIdParams,
  DeviceList,
  Item,
  ItemPage,
  ItemParams,
  ListItemsQuery,
  RenameDeviceRequest,
  ServerInfo,
  Snapshot,
  UploadIdParams,
  UploadStatus,
} from './resources.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';
/** none: public; device: `Authorization: Bearer <deviceKey>`; console: `x-mbs-console-key: <key>` (the desktop side). */
export type Auth = 'none' | 'device' | 'console';

export interface RouteSpec {
  readonly method: HttpMethod;
  readonly path: string;
  readonly auth: Auth;
  readonly group: 'server' | 'pairing' | 'devices' | 'backup' | 'items';
  readonly summary: string;
  readonly params?: TSchema;
  readonly query?: TSchema;
  readonly headers?: TSchema;
  /** JSON body schema, or 'bytes' for `application/offset+octet-stream`. */
  readonly body?: TSchema | 'bytes';
  readonly status: number;
  /** JSON response schema, 'bytes' for raw item bytes, or null for no body. */
  readonly response: TSchema | 'bytes' | null;
  readonly errors: readonly ErrorCode[];
}

const DEVICE_ERRORS = ['device-unauthorized'] as const satisfies readonly ErrorCode[];
const CONSOLE_ERRORS = ['console-unauthorized'] as const satisfies readonly ErrorCode[];

export const ROUTES = {
  getInfo: {
    method: 'GET',
    path: '/v1/info',
    auth: 'none',
    group: 'server',
    summary: 'Server id, edition, protocol version and actual ports.',
    status: 200,
    response: ServerInfo,
    errors: [],
  },
  createPairing: {
    method: 'POST',
    path: '/v1/console/pairings',
    auth: 'console',
    group: 'pairing',
    summary: 'Desktop side: "Add or migrate device". Issues a single-use, expiring pairing token and its QR payload.',
    body: CreatePairingRequest,
    status: 201,
    response: CreatePairingResponse,
    errors: [...CONSOLE_ERRORS, 'device-not-found'],
  },
  pair: {
    method: 'POST',
    path: '/v1/pair',
    auth: 'none',
    group: 'pairing',
    summary: 'App side: pair with a scanned token, as a new device or as the replacement in a migration.',
    body: PairRequest,
    status: 201,
    response: PairResponse,
    errors: [
      'pairing-token-invalid',
      'pairing-token-expired',
      'pairing-token-used',
      'pairing-edition-mismatch',
      'device-already-paired',
      'migration-target-paired',
      'device-not-found',
      'invalid-name',
    ],
  },
  listDevices: {
    method: 'GET',
    path: '/v1/console/devices',
    auth: 'console',
    group: 'devices',
    summary: 'The Mobile Backup device list.',
    status: 200,
    response: DeviceList,
    errors: [...CONSOLE_ERRORS],
  },
  renameDevice: {
    method: 'PATCH',
    path: '/v1/console/devices/:deviceId',
    auth: 'console',
    group: 'devices',
    summary: 'Rename a device in the list; its backup folder keeps its path.',
    params: DeviceIdParams,
    body: RenameDeviceRequest,
    status: 200,
    response: Device,
    errors: [...CONSOLE_ERRORS, 'device-not-found', 'invalid-name'],
  },
  removeDevice: {
    method: 'DELETE',
    path: '/v1/console/devices/:deviceId',
    auth: 'console',
    group: 'devices',
    summary:
      'Remove a device: its key is revoked and its items are no longer listed or restorable; files stay on disk.',
    params: DeviceIdParams,
    status: 204,
    response: null,
    errors: [...CONSOLE_ERRORS, 'device-not-found'],
  },
  getSelf: {
    method: 'GET',
    path: '/v1/device',
    auth: 'device',
    group: 'devices',
    summary: 'The calling device as the server lists it.',
    status: 200,
    response: Device,
    errors: [...DEVICE_ERRORS],
  },
  startBackup: {
    method: 'POST',
    path: '/v1/backups',
    auth: 'device',
    group: 'backup',
    summary: 'Start a backup job; its items are written under blocks/<folder>.',
    body: Empty,
    status: 201,
    response: Backup,
    errors: [...DEVICE_ERRORS],
  },
  createUpload: {
    method: 'POST',
    path: '/v1/uploads',
    auth: 'device',
    group: 'backup',
    summary: 'Announce an item by SHA-256: a held item is a duplicate; an unfinished upload of it is resumed.',
    body: CreateUploadRequest,
    status: 201,
    response: CreateUploadResponse,
    errors: [
      ...DEVICE_ERRORS,
      'backup-not-found',
      'backup-closed',
      'unsupported-file-type',
      'item-kind-mismatch',
      'item-too-large',
      'invalid-name',
    ],
  },
  getUpload: {
    method: 'GET',
    path: '/v1/uploads/:uploadId',
    auth: 'device',
    group: 'backup',
    summary: 'The offset at which the next bytes of an unfinished upload must start.',
    params: UploadIdParams,
    status: 200,
    response: UploadStatus,
    errors: [...DEVICE_ERRORS, 'upload-not-found'],
  },
  appendUpload: {
    method: 'PATCH',
    path: '/v1/uploads/:uploadId',
    auth: 'device',
    group: 'backup',
    summary: 'Append bytes at the current offset. At the declared size the server re-hashes and confirms the item.',
    params: UploadIdParams,
    headers: AppendHeaders,
    body: 'bytes',
    status: 200,
    response: AppendResponse,
    errors: [
      ...DEVICE_ERRORS,
      'upload-not-found',
      'upload-offset-mismatch',
      'upload-length-required',
      'upload-exceeds-size',
      'upload-checksum-mismatch',
      'unsupported-media-type',
    ],
  },
  cancelUpload: {
    method: 'DELETE',
    path: '/v1/uploads/:uploadId',
    auth: 'device',
    group: 'backup',
    summary: 'Discard an unfinished upload.',
    params: UploadIdParams,
    status: 204,
    response: null,
    errors: [...DEVICE_ERRORS, 'upload-not-found'],
  },
  commitBackup: {
    method: 'POST',
    path: '/v1/backups/:backupId/commit',
    auth: 'device',
    group: 'backup',
    summary: 'Commit the snapshot: the items still on the device and the 2FA accounts; answers the counts.',
    params: BackupIdParams,
    body: CommitRequest,
    status: 201,
    response: Snapshot,
    errors: [...DEVICE_ERRORS, 'backup-not-found', 'backup-closed', 'snapshot-items-missing'],
  },
  getLatestSnapshot: {
    method: 'GET',
    path: '/v1/snapshots/latest',
    auth: 'device',
    group: 'backup',
    summary: 'The latest committed snapshot, the only one restorable.',
    status: 200,
    response: Snapshot,
    errors: [...DEVICE_ERRORS, 'snapshot-not-found'],
  },
  listItems: {
    method: 'GET',
    path: '/v1/items',
    auth: 'device',
    group: 'items',
    summary: 'Confirmed items by tab and kind, oldest upload first, paginated by cursor.',
    query: ListItemsQuery,
    status: 200,
    response: ItemPage,
    errors: [...DEVICE_ERRORS],
  },
  getItem: {
    method: 'GET',
    path: '/v1/items/:sha256',
    auth: 'device',
    group: 'items',
    summary: 'One confirmed item; its presence confirms the server holds these bytes.',
    params: ItemParams,
    status: 200,
    response: Item,
    errors: [...DEVICE_ERRORS, 'item-not-found'],
  },
  downloadItem: {
    method: 'GET',
    path: '/v1/items/:sha256/content',
    auth: 'device',
    group: 'items',
    summary: 'Restore download, byte-identical; `Range: bytes=N-` resumes it.',
    params: ItemParams,
    status: 200,
    response: 'bytes',
    errors: [...DEVICE_ERRORS, 'item-not-found', 'range-not-satisfiable'],
  },
  archiveItems: {
    method: 'POST',
    path: '/v1/items/archive',
    auth: 'device',
    group: 'items',
    summary: 'Free up space removed these items from the device: list them in the Archive tab.',
    body: ArchiveRequest,
    status: 200,
    response: ArchiveResponse,
    errors: [...DEVICE_ERRORS, 'item-not-found'],
  },
  getOpenApi: {
    method: 'GET',
    path: '/openapi.json',
    auth: 'none',
    group: 'server',
    summary: 'This protocol as an OpenAPI 3.1 document.',
    status: 200,
    response: Type.Unknown(),
    errors: [],
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;
export const ROUTE_NAMES = Object.keys(ROUTES) as RouteName[];
