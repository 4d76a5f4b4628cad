/**
 * Commands on the connection and the life of an upload: drop a connection mid-append (the bytes that arrived are
 * kept and the upload resumes from them), append without a Content-Length, cancel an upload, and touch uploads that
 * are gone (completed, discarded or cancelled).
 */
import fc from 'fast-check';
import { openRequest, rawRequest, errorCodeOf } from '../../kit/raw-http.js';
import { address, pick } from './upload-integrity-model.js';
import { step } from './upload-integrity-verify.js';
import { finish } from './upload-commands.js';
import { refused } from '../../kit/server-support.js';
import { within } from '../../kit/violation.js';

export const drop = fc.tuple(fc.nat(), fc.nat()).map(([u, k]) =>
  step(
    `start an append of the rest of upload #${u}, send part #${k} of it and drop the connection`,
    async (m, r) => {
      const upload = address(
        m,
        pick(
          m.uploads.filter((x) => x.bytes.length - x.offset >= 2),
          u,
        ),
      );
      const rest = upload.bytes.length - upload.offset;
      const sent = 1 + (k % (rest - 1));
      const request = openRequest(r.url, {
        method: 'PATCH',
        path: `/v1/uploads/${upload.id}`,
        headers: {
          authorization: `Bearer ${r.deviceKey}`,
          'content-type': 'application/offset+octet-stream',
          'upload-offset': String(upload.offset),
        },
        body: upload.bytes.subarray(upload.offset, upload.offset + sent),
        announced: rest,
      });
      const target = upload.offset + sent;
      let offset = upload.offset;
      // Bounded polling of real I/O: the bytes are on their way; wait until the server reports them.
      for (let attempt = 0; attempt < 1500 && offset < target; attempt++) {
        offset = (await r.device.call('getUpload', { params: { uploadId: upload.id } })).offset;
        if (offset < target) await new Promise((resolve) => setTimeout(resolve, 2));
      }
      request.destroy();
      if (offset !== target) {
        throw new Error(`after ${sent} bytes of an open append the upload reports offset ${offset}, not ${target}`);
      }
      upload.offset = target;
    },
    (m) => m.uploads.some((x) => x.bytes.length - x.offset >= 2),
  ),
);

export const chunked = fc.nat().map((u) =>
  step(
    `append to upload #${u} at its offset without a Content-Length`,
    async (m, r) => {
      const upload = address(m, pick(m.uploads, u));
      const answer = await rawRequest(r.url, {
        method: 'PATCH',
        path: `/v1/uploads/${upload.id}`,
        headers: {
          authorization: `Bearer ${r.deviceKey}`,
          'content-type': 'application/offset+octet-stream',
          'upload-offset': String(upload.offset),
        },
        body: upload.bytes.subarray(upload.offset, upload.offset + 1),
        chunked: true,
      });
      if (answer.status !== 411 || errorCodeOf(answer) !== 'upload-length-required') {
        throw new Error(
          `an append without Content-Length was answered ${answer.status} ${answer.body.toString().slice(0, 200)}`,
        );
      }
    },
    (m) => m.uploads.length > 0,
  ),
);

export const cancel = fc.nat().map((u) =>
  step(
    `cancel upload #${u}`,
    async (m, r) => {
      const upload = pick(m.uploads, u);
      await r.device.call('cancelUpload', { params: { uploadId: upload.id } });
      finish(m, upload);
    },
    (m) => m.uploads.length > 0,
  ),
);

export const touchGone = fc.nat().map((g) =>
  step(
    `ask for, append to and cancel finished upload #${g}`,
    async (m, r) => {
      const uploadId = pick(m.gone, g);
      await refused(r.device.call('getUpload', { params: { uploadId } }), ['upload-not-found'], 'a finished upload');
      await refused(
        r.device.append(uploadId, 0, Buffer.from([1])),
        ['upload-not-found'],
        'appending to a finished upload',
      );
      // PROTOCOL.md cancelUpload: an upload no longer open is not found; cancelling it discards nothing.
      const cancelled = r.device.call('cancelUpload', { params: { uploadId } });
      await within(['NET-06'], () => refused(cancelled, ['upload-not-found'], 'cancelling a finished upload'));
    },
    (m) => m.gone.length > 0,
  ),
);
