/*
 * A QR code on the page: the server draws it (POST /v1/console/qr, the payload in the body, never in a URL) and the
 * page shows the SVG as an image from a blob: URL, which the Content-Security-Policy allows.
 */
import { act } from './api.js';
import { svgImage } from './dom.js';

export async function qrImage(text, label) {
  const { svg } = await act('POST', '/v1/console/qr', { text });
  return svgImage(svg, label);
}
