/**
 * PROTOCOL.md "Backup" and cancelUpload: the rest of an upload's bytes and its cancel, sent at once, both before any
 * answer. Either may be taken first, but not both: one after another, a completed upload is no longer there to
 * cancel (`upload-not-found`), and a cancelled one no longer there to append to (`upload-not-found`). So one answer
 * is the item and the cancel is refused, or the cancel answers 204 and the append is refused; the model then holds
 * the item or not, and the step's verify finds the listing as it says. A cancel that took leaves no upload behind.
 */
import fc from 'fast-check';
import { brief, refused } from '../../kit/server-support.js';
import { Violation } from '../../kit/violation.js';
import { unanswered } from '../../kit/at-once.js';
import type { MbsError } from '../../spec/errors.js';
import { address, pick } from './upload-integrity-model.js';
import { step } from './upload-integrity-verify.js';
import { answeredAsHeld, finish, whole } from './upload-commands.js';

const RULE = ['BAK-08'];

const said = (a: PromiseSettledResult<unknown>) =>
  a.status === 'fulfilled' ? (a.value === undefined ? '204' : brief(a.value)) : String(a.reason);
const codeOf = (a: PromiseSettledResult<unknown>) =>
  a.status === 'rejected' ? (a.reason as MbsError).code : undefined;

export const cancelAtOnce = fc.tuple(fc.nat(), fc.boolean()).map(([u, cancelFirst]) =>
  step(
    `append the rest of upload #${u} and cancel it at once (${cancelFirst ? 'cancel' : 'append'} sent first)`,
    async (m, r) => {
      const upload = address(m, pick(whole(m), u));
      const append = () => r.device.append(upload.id, upload.offset, upload.bytes.subarray(upload.offset));
      const cancel = () => r.device.call('cancelUpload', { params: { uploadId: upload.id } });
      const [appended, cancelled] = cancelFirst
        ? await Promise.allSettled([cancel(), append()]).then(([c, a]) => [a, c] as const)
        : await Promise.allSettled([append(), cancel()]);
      finish(m, upload);
      const what =
        `the rest of upload ${upload.id} and its cancel, sent at once: the append answered ${said(appended)}, ` +
        `the cancel ${said(cancelled)}`;
      const item = appended.status === 'fulfilled' && appended.value.complete ? appended.value.item : undefined;
      const discarded = cancelled.status === 'fulfilled';
      if (item && discarded) throw new Violation(RULE, what);
      unanswered([appended, cancelled]);
      if (item) {
        if (codeOf(cancelled) !== 'upload-not-found' || item.sha256 !== upload.sha) throw new Violation(RULE, what);
        await answeredAsHeld(r, item, `completing upload ${upload.id}`, 'BAK-08');
        m.held.set(upload.sha, { ...upload, kind: upload.meta.kind, tab: 'recent', confirmed: item });
        return;
      }
      if (!discarded || codeOf(appended) !== 'upload-not-found') throw new Violation(RULE, what);
      await refused(
        r.device.call('getUpload', { params: { uploadId: upload.id } }),
        ['upload-not-found'],
        `an upload whose cancel answered 204 (${what})`,
      );
    },
    (m) => whole(m).length > 0,
  ),
);
