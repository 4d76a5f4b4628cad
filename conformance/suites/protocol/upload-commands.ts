/**
 * Commands on uploads: announce an item (created, resumed or duplicate), announce one to a committed job, and append
 * at the right or a wrong offset with the right or corrupted bytes, up to completion and its re-hash.
 */
import fc from 'fast-check';
import type { Static } from 'typebox';
import type { Item, ItemMeta } from '../../spec/protocol/resources.js';
import {
  address,
  openJobs,
  pick,
  sameMeta,
  uploadOf,
  type Model,
  type Real,
  type Upload,
} from './upload-integrity-model.js';
import { step } from './upload-integrity-verify.js';
import { brief, canonical, refused } from '../../kit/server-support.js';
import { Violation } from '../../kit/violation.js';
import { AT_ONCE, unanswered } from '../../kit/at-once.js';
import type { MbsError } from '../../spec/errors.js';

function renamed(meta: ItemMeta): ItemMeta {
  return { ...meta, name: `Copy ${meta.name}`, path: meta.path.replace(/[^/]*$/, `Copy ${meta.name}`) };
}

/**
 * PROTOCOL.md "Backup": an upload whose hash matches is confirmed and answered with its item, and a held item is
 * answered `duplicate` with the held item; either answer is the item as the server then holds it (its size, tab,
 * stored name and confirmation time too), which is what the app counts as backed up (BAK-08) or skips sending by
 * (BAK-07).
 */
export async function answeredAsHeld(r: Real, answered: Static<typeof Item>, what: string, requirement: string) {
  const item = await r.device.call('getItem', { params: { sha256: answered.sha256 } });
  if (canonical(answered) !== canonical(item)) {
    throw new Violation([requirement], `${what} was answered as ${brief(answered)}; the server holds ${brief(item)}`);
  }
}

function createStep({ c, j, rename }: { c: number; j: number; rename: boolean }) {
  return step(
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
        await answeredAsHeld(r, answer.item, 'a held item', 'BAK-07');
      } else if (open) {
        if (
          answer.status !== 'resumed' ||
          answer.upload.uploadId !== open.id ||
          answer.upload.offset !== open.offset ||
          answer.upload.sha256 !== content.sha ||
          answer.upload.size !== size
        ) {
          throw new Error(`an unfinished upload at offset ${open.offset} was answered ${brief(answer)}`);
        }
        address(m, open).jobs.add(job.id);
      } else {
        if (
          answer.status !== 'created' ||
          answer.upload.offset !== 0 ||
          answer.upload.size !== size ||
          answer.upload.sha256 !== content.sha
        ) {
          throw new Error(`a new item was answered ${brief(answer)}, not created at offset 0`);
        }
        const { uploadId: id } = answer.upload;
        m.addressed.add(id);
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
  );
}

export const create = fc.record({ c: fc.nat(), j: fc.nat(), rename: fc.boolean() }).map(createStep);

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

/**
 * PROTOCOL.md "Backup": new bytes announced AT_ONCE times at once, all sent before any answer. One after another the
 * first creates the upload and the others resume it; at once they must too, not open a second upload of one item
 * nor fail: one answer `created` at offset 0, every other `resumed` with its uploadId.
 */
export const createAtOnce = fc.tuple(fc.nat(), fc.nat()).map(([c, j]) =>
  step(
    `announce new content #${c} in open job #${j} ${AT_ONCE} times at once`,
    async (m, r) => {
      const content = pick(fresh(m), c);
      const job = pick(openJobs(m), j);
      const body = { backupId: job.id, sha256: content.sha, size: content.bytes.length, meta: content.meta };
      const sent = Array.from({ length: AT_ONCE }, () => r.device.call('createUpload', { body }));
      const answers = await Promise.allSettled(sent);
      const said = answers.map((a) => (a.status === 'fulfilled' ? brief(a.value) : String(a.reason)));
      const ok = answers.flatMap((a) => (a.status === 'fulfilled' && a.value.status !== 'duplicate' ? [a.value] : []));
      const created = ok.filter((a) => a.status === 'created');
      const id = created[0]?.upload.uploadId;
      const one =
        ok.length === AT_ONCE &&
        created.length === 1 &&
        ok.every((a) => a.upload.uploadId === id && a.upload.offset === 0 && a.upload.sha256 === content.sha);
      const what = `new bytes announced ${AT_ONCE} times at once were answered: ${said.join('; ')}`;
      if (created.length > 1) throw new Violation(['BAK-02'], what);
      unanswered(answers);
      if (!one || id === undefined) throw new Violation(['BAK-02'], what);
      m.addressed.add(id);
      m.uploads.push({ id, ...content, offset: 0, corrupt: false, jobs: new Set([job.id]) });
    },
    (m) => openJobs(m).length > 0 && fresh(m).length > 0,
  ),
);

/** Mostly the rest at the right offset (which completes the item), sometimes a part, a wrong offset or bad bytes. */
const appendArgs = fc.record({
  u: fc.nat(),
  shift: fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 2, arbitrary: fc.integer({ min: -600, max: 600 }).filter((n) => n !== 0) },
  ),
  length: fc.oneof(
    { weight: 2, arbitrary: fc.constant(-1) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 3500 }) },
  ),
  corrupt: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

type AppendArgs = typeof appendArgs extends fc.Arbitrary<infer A> ? A : never;

function appendStep({ u, shift, length, corrupt }: AppendArgs) {
  return step(
    `append to upload #${u} at ${shift === 0 ? 'its offset' : `its offset ${shift > 0 ? '+' : '-'} ${Math.abs(shift)} (+ below 0)`}, ` +
      `${length < 0 ? 'the rest' : `${length} bytes`}${corrupt ? ', one byte corrupted' : ''}`,
    async (m, r) => {
      const upload = address(m, pick(m.uploads, u));
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
      await answeredAsHeld(r, answer.item, `completing upload ${upload.id}`, 'BAK-08');
      m.held.set(upload.sha, { ...upload, kind: upload.meta.kind, tab: 'recent', confirmed: answer.item });
    },
    (m) => m.uploads.length > 0,
  );
}

export const append = appendArgs.map(appendStep);
/** The re-hash is the point of completing: finishing an upload with a corrupted byte deserves its own weight. */
export const completeCorrupted = fc.nat().map((u) => appendStep({ u, shift: 0, length: -1, corrupt: true }));

/**
 * PROTOCOL.md "Backup": the rest of an upload's bytes sent AT_ONCE times at once at its offset, all before any
 * answer. One after another the first completes it and the others find it completed; at once too: one answer is the
 * item, every other is refused as an append at an offset that moved on (`upload-offset-mismatch`) or to an upload no
 * longer in progress (`upload-not-found`); the item is then held once, as the model verifies.
 */
export const completeAtOnce = fc.nat().map((u) =>
  step(
    `append the rest of upload #${u} ${AT_ONCE} times at once`,
    async (m, r) => {
      const upload = address(m, pick(whole(m), u));
      const rest = upload.bytes.subarray(upload.offset);
      const sent = Array.from({ length: AT_ONCE }, () => r.device.append(upload.id, upload.offset, rest));
      const answers = await Promise.allSettled(sent);
      finish(m, upload);
      const items = answers.flatMap((a) => (a.status === 'fulfilled' && a.value.complete ? [a.value.item] : []));
      const others = answers.filter((a) => a.status === 'rejected' || !a.value.complete);
      const said = answers.map((a) => (a.status === 'fulfilled' ? brief(a.value) : String(a.reason)));
      const item = items[0];
      const what = `the rest of an upload sent ${AT_ONCE} times at once was answered: ${said.join('; ')}`;
      if (items.length > 1) throw new Violation(['BAK-08'], what);
      unanswered(answers);
      if (items.length !== 1 || item === undefined || item.sha256 !== upload.sha) throw new Violation(['BAK-08'], what);
      for (const other of others) {
        const code = other.status === 'rejected' ? (other.reason as MbsError).code : undefined;
        if (code === 'upload-offset-mismatch' || code === 'upload-not-found') continue;
        const got = other.status === 'rejected' ? `${code}` : `the answer ${brief(other.value)}`;
        const expected = 'expected upload-offset-mismatch or upload-not-found';
        throw new Violation(['BAK-08'], `an append at once with the completing one: ${expected}, got ${got}`);
      }
      await answeredAsHeld(r, item, `completing upload ${upload.id}`, 'BAK-08');
      m.held.set(upload.sha, { ...upload, kind: upload.meta.kind, tab: 'recent', confirmed: item });
    },
    (m) => whole(m).length > 0,
  ),
);

/** The uploads whose bytes so far are the item's and not all in: the rest completes them. */
export const whole = (m: Model) => m.uploads.filter((x) => !x.corrupt && x.offset < x.bytes.length);

/** The upload is no longer open: completed, discarded or cancelled. */
export function finish(m: Model, upload: Upload): void {
  m.uploads.splice(m.uploads.indexOf(upload), 1);
  m.gone.push(upload.id);
}

/** What an app does for each item: announce it, then send whatever the server does not hold yet. */
export const backUpWhole = fc.tuple(fc.nat(), fc.nat()).map(([c, j]) => {
  const announce = createStep({ c, j, rename: false });
  return {
    check: announce.check,
    async run(m: Model, r: Parameters<typeof announce.run>[1]) {
      await announce.run(m, r);
      const content = pick(m.contents, c);
      const upload = uploadOf(m, content.sha);
      if (upload) await appendStep({ u: m.uploads.indexOf(upload), shift: 0, length: -1, corrupt: false }).run(m, r);
    },
    toString: () => `back up content #${c} in open job #${j} (announce, then append the rest)`,
  };
});
