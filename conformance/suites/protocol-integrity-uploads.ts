/**
 * Commands on uploads: announce an item (created, resumed or duplicate), announce one to a committed job, append at
 * the right or a wrong offset with the right or corrupted bytes, drop a connection mid-append, append without a
 * Content-Length, ask for an upload's offset, cancel one, and touch uploads that are gone.
 */
import fc from 'fast-check';
import type { ItemMeta } from '../spec/protocol/resources.js';
import { openRequest, rawRequest, errorCodeOf } from './raw-http.js';
import {
  openJobs,
  pick,
  sameMeta,
  uploadOf,
  verify,
  type Model,
  type Real,
  type Upload,
} from './protocol-integrity-model.js';
import { brief, refused } from './server-support.js';

export type Step = fc.AsyncCommand<Model, Real>;

/** A command; after one that may change the server's state, the listing and offsets must match the model. */
export function step(
  label: string,
  run: (m: Model, r: Real) => Promise<void>,
  check: (m: Model) => boolean,
  readOnly = false,
): Step {
  return {
    check,
    async run(m, r) {
      await run(m, r);
      if (!readOnly) await verify(m, r);
    },
    toString: () => label,
  };
}

function renamed(meta: ItemMeta): ItemMeta {
  return { ...meta, name: `Copy ${meta.name}`, path: meta.path.replace(/[^/]*$/, `Copy ${meta.name}`) };
}

export const create = fc.record({ c: fc.nat(), j: fc.nat(), rename: fc.boolean() }).map(({ c, j, rename }) =>
  step(
    `announce content #${c} in open job #${j}${rename ? ' under another name' : ''}`,
    async (m, r) => {
      const content = pick(m.contents, c);
      const job = pick(openJobs(m), j);
      const meta = rename ? renamed(content.meta) : content.meta;
      const size = content.bytes.length;
      const answer = await r.device.call('createUpload', {
        body: { backupId: job.id, sha256: content.sha, size, meta },
      });
      const held = m.held.get(content.sha);
      const open = uploadOf(m, content.sha);
      if (held) {
        if (
          answer.status !== 'duplicate' ||
          answer.item.sha256 !== content.sha ||
          !sameMeta(answer.item.meta, held.meta)
        ) {
          throw new Error(`an item already held was answered ${brief(answer)}, not as a duplicate of it`);
        }
      } else if (open) {
        if (answer.status !== 'resumed' || answer.upload.uploadId !== open.id || answer.upload.offset !== open.offset) {
          throw new Error(`an unfinished upload at offset ${open.offset} was answered ${brief(answer)}`);
        }
        open.jobs.add(job.id);
      } else {
        if (answer.status !== 'created' || answer.upload.offset !== 0 || answer.upload.size !== size) {
          throw new Error(`a new item was answered ${brief(answer)}, not created at offset 0`);
        }
        const { uploadId: id } = answer.upload;
        m.uploads.push({
          id,
          sha: content.sha,
          bytes: content.bytes,
          meta,
          offset: 0,
          corrupt: false,
          jobs: new Set([job.id]),
        });
      }
    },
    (m) => openJobs(m).length > 0,
  ),
);

const fresh = (m: Model) => m.contents.filter((c) => !m.held.has(c.sha) && !uploadOf(m, c.sha));
export const createInClosedJob = fc.tuple(fc.nat(), fc.nat()).map(([c, j]) =>
  step(
    `announce new content #${c} in committed job #${j}`,
    async (m, r) => {
      const content = pick(fresh(m), c);
      const job = pick(
        m.jobs.filter((x) => x.closed),
        j,
      );
      const body = { backupId: job.id, sha256: content.sha, size: content.bytes.length, meta: content.meta };
      await refused(r.device.call('createUpload', { body }), ['backup-closed'], 'an upload to a committed job');
    },
    (m) => m.jobs.some((x) => x.closed) && fresh(m).length > 0,
  ),
);

/** Mostly the rest at the right offset (which completes the item), sometimes a part, a wrong offset or bad bytes. */
const appendArgs = fc.record({
  u: fc.nat(),
  shift: fc.oneof(
    { weight: 4, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: -600, max: 600 }).filter((n) => n !== 0) },
  ),
  length: fc.oneof(
    { weight: 2, arbitrary: fc.constant(-1) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 3500 }) },
  ),
  corrupt: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

export const append = appendArgs.map(({ u, shift, length, corrupt }) =>
  step(
    `append to upload #${u} at ${shift === 0 ? 'its offset' : `its offset ${shift > 0 ? '+' : '-'} ${Math.abs(shift)} (+ below 0)`}, ` +
      `${length < 0 ? 'the rest' : `${length} bytes`}${corrupt ? ', one byte corrupted' : ''}`,
    async (m, r) => {
      const upload = pick(m.uploads, u);
      const size = upload.bytes.length;
      const at =
        shift === 0 ? upload.offset : upload.offset + shift >= 0 ? upload.offset + shift : upload.offset - shift;
      const n = length < 0 ? Math.max(size - at, 1) : length;
      const bytes = Buffer.alloc(n);
      upload.bytes.copy(bytes, 0, Math.min(at, size), Math.min(at + n, size));
      if (corrupt && n > 0) bytes[0] = (bytes[0] as number) ^ 0xff;
      const call = r.device.append(upload.id, at, bytes);
      const exceeds = at + n > size;
      if (at !== upload.offset) {
        const error = await refused(
          call,
          exceeds ? ['upload-offset-mismatch', 'upload-exceeds-size'] : ['upload-offset-mismatch'],
          `an append at ${at} to an upload at ${upload.offset}`,
        );
        if (error.code === 'upload-offset-mismatch' && error.details?.expectedOffset !== upload.offset) {
          throw new Error(
            `409 upload-offset-mismatch says expectedOffset ${String(error.details?.expectedOffset)}, not ${upload.offset}`,
          );
        }
        return;
      }
      if (exceeds) {
        await refused(call, ['upload-exceeds-size'], `an append of ${n} bytes at ${at} of ${size}`);
        return;
      }
      const offset = at + n;
      const wrong = upload.corrupt || (corrupt && n > 0);
      if (offset < size) {
        const answer = await call;
        if (answer.complete || answer.upload.offset !== offset) {
          throw new Error(`an append up to ${offset} of ${size} was answered ${brief(answer)}`);
        }
        upload.offset = offset;
        upload.corrupt = wrong;
        return;
      }
      finish(m, upload);
      if (wrong) {
        await refused(call, ['upload-checksum-mismatch'], 'completing an upload with corrupted bytes');
        return;
      }
      const answer = await call;
      if (!answer.complete || answer.item.sha256 !== upload.sha || !sameMeta(answer.item.meta, upload.meta)) {
        throw new Error(`completing upload ${upload.id} was answered ${brief(answer)}`);
      }
      m.held.set(upload.sha, { ...upload, kind: upload.meta.kind, tab: 'new' });
    },
    (m) => m.uploads.length > 0,
  ),
);

function finish(m: Model, upload: Upload): void {
  m.uploads.splice(m.uploads.indexOf(upload), 1);
  m.gone.push(upload.id);
}

export const drop = fc.tuple(fc.nat(), fc.nat()).map(([u, k]) =>
  step(
    `start an append of the rest of upload #${u}, send part #${k} of it and drop the connection`,
    async (m, r) => {
      const upload = pick(
        m.uploads.filter((x) => x.bytes.length - x.offset >= 2),
        u,
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
      const upload = pick(m.uploads, u);
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
    `ask for and append to finished upload #${g}`,
    async (m, r) => {
      const uploadId = pick(m.gone, g);
      await refused(r.device.call('getUpload', { params: { uploadId } }), ['upload-not-found'], 'a finished upload');
      await refused(
        r.device.append(uploadId, 0, Buffer.from([1])),
        ['upload-not-found'],
        'appending to a finished upload',
      );
    },
    (m) => m.gone.length > 0,
  ),
);
