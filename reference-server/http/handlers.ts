/** The route handlers: thin adapters from HTTP to the services. */
import QRCode from 'qrcode';
import { MbsError } from '../../conformance/spec/errors.js';
import { buildOpenApi } from '../../conformance/spec/protocol/openapi.js';
import { commitBackup, latestSnapshot, startBackup } from '../services/backups.js';
import { pairedDevice } from '../services/devices.js';
import { getItem, itemContent } from '../services/items.js';
import { createPairing, pair } from '../services/pairing.js';
import type { UploadService } from '../services/uploads.js';
import type { TwoFactorContext } from '../two-factor/context.js';
import type { ConformanceClock } from '../clock.js';
import { clockCapabilities, createConformanceClockHandlers } from './conformance-clock-handlers.js';
import type { Handlers } from './route-types.js';
import { createTwoFactorHandlers } from './two-factor-handlers.js';

/** `clock`: the clock the console may move, only when the server was started for conformance testing. */
export function createHandlers(ctx: TwoFactorContext, uploads: UploadService, clock?: ConformanceClock): Handlers {
  const { identity } = ctx;
  return {
    getInfo: () => ({
      protocol: 1,
      serverId: identity.serverId,
      name: identity.name,
      edition: identity.edition,
      tcpPort: identity.tcpPort,
      udpPort: identity.udpPort,
      desktopVersion: identity.desktopVersion,
      twoFactor: ctx.rules.saysTwoFactor(identity.edition, identity.desktopVersion),
      capabilities: clockCapabilities(clock),
    }),
    getOpenApi: () => buildOpenApi(`http://${identity.advertisedHost}:${identity.tcpPort}`),
    createPairing: ({ body }) => createPairing(ctx, body),
    getPairing: ({ params }) => ctx.rules.pairingStatus(ctx, params.pairingId),
    pair: async ({ body }) => {
      const paired = await pair(ctx, body);
      if (paired.migratedFrom) uploads.forgetDroppedUploads();
      return paired;
    },
    renderQr: async ({ body }) => ({
      svg: await QRCode.toString(body.text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }),
    }),
    listDevices: () => ({ devices: ctx.rules.listDevices(ctx) }),
    listDeviceItems: ({ params, query }) => ctx.rules.listDeviceItems(ctx, pairedDevice(ctx, params.deviceId), query),
    renameDevice: ({ params, body }) => ctx.rules.renameDevice(ctx, params.deviceId, body.name),
    removeDevice: async ({ params }) => {
      await ctx.rules.removeDevice(ctx, params.deviceId);
      uploads.forgetDroppedUploads();
    },
    getSelf: ({ device }) => ctx.rules.selfView(device),
    startBackup: async ({ device }) => {
      await ctx.rules.backupStartNotice(ctx.pushGateway, { deviceId: device.id, machine: identity.name });
      return startBackup(ctx, device);
    },
    createUpload: ({ device, body }) => uploads.create(device, body),
    getUpload: ({ device, params }) => uploads.status(device, params.uploadId),
    appendUpload: ({ device, params, headers, body, request }) => {
      const length = request.headers['content-length'];
      return uploads.append(device, {
        uploadId: params.uploadId,
        offset: Number(headers['upload-offset']),
        contentLength: length === undefined ? undefined : Number(length),
        body,
      });
    },
    cancelUpload: ({ device, params }) => ctx.rules.cancelUpload(uploads, device, params.uploadId),
    commitBackup: ({ device, params, body }) => commitBackup(ctx, device, params.backupId, body),
    getLatestSnapshot: ({ device }) => latestSnapshot(ctx, device),
    listItems: ({ device, query }) => ctx.rules.listItems(ctx, device, query),
    getItem: ({ device, params }) => getItem(ctx, device, params.sha256),
    downloadItem: ({ device, params, request }) => {
      const start = ctx.rules.rangeStart(request.headers.range);
      const content = itemContent(ctx, device, params.sha256, start);
      const partial = start > 0;
      return {
        status: partial ? 206 : 200,
        stream: ctx.rules.storedBytes(content.file, start, content.size),
        length: content.size - start,
        headers: {
          'content-type': 'application/octet-stream',
          'accept-ranges': 'bytes',
          'x-sha256': params.sha256,
          ...(partial ? { 'content-range': `bytes ${start}-${content.size - 1}/${content.size}` } : {}),
        },
      };
    },
    archiveItems: ({ device, body }) => ({ archived: ctx.rules.archiveItems(ctx, device, body.items) }),
    ...createTwoFactorHandlers(ctx),
    ...createConformanceClockHandlers(clock),
  };
}

/** Only `bytes=N-` is supported: what a resumed restore needs. */
export function rangeStart(range: string | undefined): number {
  if (range === undefined) return 0;
  const match = /^bytes=(\d{1,15})-$/.exec(range.trim());
  if (!match) throw new MbsError('range-not-satisfiable', 'Only "Range: bytes=N-" is supported.');
  return Number(match[1]);
}
