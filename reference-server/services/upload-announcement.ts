/**
 * POST /v1/uploads as the server takes it. An announcement is judged by its bytes (PROTOCOL.md "Backup": items are
 * content-addressed per device), so a name the device used before, now with other bytes (a file edited on the
 * phone), is a new item and starts an upload. A rule of its own, so that the self-test bends it from outside the
 * upload service.
 */
import type { Static } from 'typebox';
import type { CreateUploadRequest, CreateUploadResponse } from '../../conformance/spec/protocol/resources.js';
import type { DeviceRow } from '../store/rows.js';
import type { ServiceContext } from './context.js';
import type { UploadService } from './uploads.js';

export function announceUpload(
  _ctx: ServiceContext,
  uploads: UploadService,
  device: DeviceRow,
  request: Static<typeof CreateUploadRequest>,
): Static<typeof CreateUploadResponse> {
  return uploads.create(device, request);
}
