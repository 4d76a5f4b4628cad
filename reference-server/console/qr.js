/*
 * A QR code on the page: the server draws it (POST /v1/console/qr, the payload in the body, never in a URL) and the
 * page shows the SVG as an image from a blob: URL, which the Content-Security-Policy allows.
 */
/* global document, Blob */
import { act } from './api.js';

export async function qrImage(text, label) {
  const { svg } = await act('POST', '/v1/console/qr', { text });
  const img = document.createElement('img');
  img.className = 'qr';
  img.alt = label;
  img.dataset.qr = '';
  img.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  await img.decode().catch(() => undefined);
  return img;
}
