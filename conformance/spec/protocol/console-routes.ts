/**
 * What the web console (the desktop program's screens in a browser) asks of the server beyond the other console
 * routes: a QR code drawn as an image, and a device's backed-up items for its entry in the device list. The payload it encodes carries a pairing or registration token, a secret, so
 * the console posts it in a body instead of naming it in an image URL.
 */
import Type from 'typebox';
import { DeviceIdParams, ItemPage, ListItemsQuery } from './resources.js';
import { CONSOLE_ERRORS, type RouteSpec } from './route-spec.js';

export const QrImageRequest = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 1024, description: 'The QR text: a pairing or 2FA payload.' }) },
  { additionalProperties: false },
);
export const QrImage = Type.Object({
  svg: Type.String({ description: 'The QR code as an image/svg+xml document, error correction M, quiet zone 4.' }),
});

export const CONSOLE_ROUTES = {
  renderQr: {
    method: 'POST',
    path: '/v1/console/qr',
    auth: 'console',
    group: 'server',
    summary: 'The web console: a QR code as an SVG image, for the text in the body (the payload stays out of URLs).',
    body: QrImageRequest,
    status: 200,
    response: QrImage,
    errors: [...CONSOLE_ERRORS],
  },
  listDeviceItems: {
    method: 'GET',
    path: '/v1/console/devices/:deviceId/items',
    auth: 'console',
    group: 'devices',
    summary:
      'Settings > Mobile Backup: what a device has backed up, as the device itself lists it (listItems), for its ' +
      'entry in the device list.',
    params: DeviceIdParams,
    query: ListItemsQuery,
    status: 200,
    response: ItemPage,
    errors: [...CONSOLE_ERRORS, 'device-not-found'],
  },
} as const satisfies Record<string, RouteSpec>;
