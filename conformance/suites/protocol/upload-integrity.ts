/**
 * Backup, resume and integrity through the protocol alone, model-based (PROTOCOL.md "Backup", "Listing and
 * restore"): random sequences of jobs, uploads created, resumed and duplicated, appends at right and wrong offsets
 * with right and corrupted bytes, connections dropped mid-append, cancels, commits, archives, listings and
 * downloads. The model predicts every offset, every 409 with its expectedOffset, every checksum failure, what is
 * listed in which tab, the counts of each job and the bytes of every download; after every step the listing and
 * the offsets of the uploads it touched must match it, and after the last step all of the server's state it knows.
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../../kit/check.js';
import { checkProperty, commandsOptions } from '../../kit/property.js';
import { ITEM_KINDS } from '../../spec/file-types.js';
import type { Content, Model, Real } from './upload-integrity-model.js';
import { fullScope, PAGED_EVERY, verify } from './upload-integrity-verify.js';
import { archive, commit, download, latest, list, missing, startJob } from './item-commands.js';
import { cancel, chunked, drop, touchGone } from './connection-commands.js';
import {
  append,
  backUpWhole,
  completeAtOnce,
  completeCorrupted,
  create,
  createAtOnce,
  createInClosedJob,
} from './upload-commands.js';
import { cancelAtOnce } from './upload-cancel-at-once.js';
import { bytesOf, consoleOf, metaOf, pairDevice, removeQuietly, sha256 } from '../../kit/server-support.js';
import { where } from '../../kit/applies.js';

/** Two to four items; a "twin" has the bytes of the one before it under another name. */
export const integrityContents = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...ITEM_KINDS),
      size: fc.integer({ min: 1, max: 3000 }),
      seed: fc.nat(),
      variant: fc.nat(),
      twin: fc.boolean(),
    }),
    { minLength: 2, maxLength: 4 },
  )
  .map((specs) =>
    specs.reduce<Content[]>((out, spec, i) => {
      const previous = out[i - 1];
      const bytes = spec.twin && previous ? previous.bytes : bytesOf(spec.seed + i, spec.size);
      return [...out, { bytes, sha: sha256(bytes), meta: metaOf(spec.kind, `ITEM_${i}`, spec.variant) }];
    }, []),
  );

/** fc.commands picks uniformly from this list: the mutating steps that matter most appear more than once. */
export const INTEGRITY_STEPS = [
  startJob,
  create,
  create,
  create,
  backUpWhole,
  createInClosedJob,
  createAtOnce,
  append,
  append,
  append,
  append,
  completeCorrupted,
  completeAtOnce,
  completeAtOnce,
  drop,
  chunked,
  cancel,
  cancelAtOnce,
  touchGone,
  commit,
  commit,
  archive,
  archive,
  list,
  download,
  missing,
  latest,
];

export const protocolIntegrityCheck: Check = {
  id: 'protocol-upload-integrity-model',
  title: 'Resumable uploads, re-hash, duplicates, snapshots, tabs and downloads behave as the model predicts',
  area: 'BAK',
  requirements: ['BAK-02', 'BAK-06', 'BAK-07', 'BAK-08', 'RST-01', 'STO-07', 'NET-06'],
  scope: 'server',
  applies: where({ console: true }),
  async run(context: CheckContext) {
    const { session } = context;
    // The command list comes first: the framework reads the shrunk commands off the first value.
    const property = fc.asyncProperty(
      fc.commands(INTEGRITY_STEPS, { ...commandsOptions(context, 40), size: 'large' }),
      integrityContents,
      fc.nat(PAGED_EVERY - 1),
      async (commands, items, pagedPhase) => {
        const paired = await pairDevice(session, 'Integrity');
        try {
          const real: Real = {
            device: paired.client,
            console: consoleOf(session),
            deviceId: paired.deviceId,
            url: session.url,
            deviceKey: paired.client.deviceKey as string,
          };
          // A job is open from the start, so the first commands can already announce items.
          const job = await paired.client.call('startBackup', { body: {} });
          const jobs = [{ id: job.backupId, closed: false }];
          const model: Model = {
            contents: items,
            jobs,
            uploads: [],
            held: new Map(),
            gone: [],
            addressed: new Set(),
            verifies: 0,
            pagedPhase,
          };
          await fc.asyncModelRun(() => ({ model, real }), commands);
          // Each step's verify reads what it could have changed; whatever wrong state remains shows here.
          await verify(model, real, fullScope(model));
        } finally {
          await removeQuietly(session, [paired.deviceId]);
        }
      },
    );
    return checkProperty(property, context);
  },
};
