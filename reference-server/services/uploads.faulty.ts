/** The self-test's faulty variants of refusing an announced item (uploads.ts). */
import { MbsError, type ErrorCode } from '../../conformance/spec/errors.js';
import type { ServerFault } from '../../conformance/spec/faults.js';
import { MAX_ITEM_BYTES } from '../../conformance/spec/protocol/resources.js';
import type { ServerRuleOverride } from '../server-rules.js';
import type { uploadRefusal } from './uploads.js';

/** Lets through what the straight rule refuses with `code` alone. */
const letThrough =
  (code: ErrorCode) =>
  (rule: typeof uploadRefusal): typeof uploadRefusal =>
  (size, meta) => {
    const refusal = rule(size, meta);
    return refusal?.code === code ? undefined : refusal;
  };

export const UPLOADS_FAULTS = {
  // An extension of no supported type is let through: nothing is checked after the type, so nothing else changes.
  'unsupported-file-type-accepted': { uploadRefusal: letThrough('unsupported-file-type') },
  // The announced kind is taken as it comes, whatever the extension makes the item (the last rule checked).
  'item-kind-mismatch-accepted': { uploadRefusal: letThrough('item-kind-mismatch') },
  'item-too-large-accepted': {
    // Any size is taken; the type and kind are still checked.
    uploadRefusal: (rule) => (size, meta) => rule(Math.min(size, MAX_ITEM_BYTES), meta),
  },
  'cancel-of-finished-upload-succeeds': {
    // Cancelling an upload it no longer has (completed, discarded or cancelled already) answers 204 all the same.
    cancelUpload: (rule) => async (uploads, device, uploadId) => {
      try {
        await rule(uploads, device, uploadId);
      } catch (error) {
        if (!(error instanceof MbsError && error.code === 'upload-not-found')) throw error;
      }
    },
  },
  'duplicate-answered-as-recent': {
    // The held item comes back in Recent, whatever tab it is in, as if announcing it again put it back there.
    duplicateOf: (rule) => (held) => ({ ...rule(held), tab: 'recent' }),
  },
} satisfies Partial<Record<ServerFault, ServerRuleOverride>>;
