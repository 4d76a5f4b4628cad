/**
 * PROTOCOL.md "Backup", "Migration" and "Listing and restore": the settled points no other check holds a server to,
 * one step each, through the protocol alone.
 * 1. A resumed upload keeps the first announcement's metadata and its extension in `storedAs`.
 * 2. Duplicate detection covers inherited items: the replacement announcing the original's bytes gets `duplicate`.
 * 3. A migration discards the original's unfinished uploads: the replacement cannot reach them, neither one begun
 *    nor one whose last append is under way as the migration lands (every byte in but the last, held open).
 * 4. An upload finished after its job was committed is counted by no snapshot.
 * 5. `POST /v1/items/archive` answers the number of distinct items named, those already archived included; one
 *    unknown item refuses the whole request and archives nothing.
 */
import type { Check, CheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { where } from '../../kit/applies.js';
import { Violation, within } from '../../kit/violation.js';
import {
  bytesOf,
  brief,
  canonical,
  metaOf,
  migrateDevice,
  pairDevice,
  refused,
  removeQuietly,
  sha256,
} from '../../kit/server-support.js';
import type { ItemMeta } from '../../spec/protocol/resources.js';
import type { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { holdLastByte } from './held-last-append.js';

/** The rules of each step, named by its failures. */
const STEP = {
  resumeKeepsFirst: ['BAK-02', 'STO-05', 'STO-07'],
  inheritedAreHeld: ['BAK-07'],
  unfinishedDiscarded: ['BAK-09'],
  lateUploadUncounted: ['BAK-06'],
  archiveCount: ['BAK-10'],
} as const;

const SIZE = 3000;
const PART = 1200;

interface Content {
  readonly bytes: Buffer;
  readonly sha: string;
}

function contentOf(seed: number): Content {
  const bytes = bytesOf(seed, SIZE);
  return { bytes, sha: sha256(bytes) };
}

function photo(name: string, capturedAt: number): ItemMeta {
  return { kind: 'photo', name, path: `/storage/emulated/0/DCIM/Camera/${name}`, capturedAt };
}

/** Announces `content` and appends its first PART bytes; answers the upload's id. */
async function beginUpload(client: MbsClient, backupId: string, content: Content, meta: ItemMeta): Promise<string> {
  const created = await client.call('createUpload', {
    body: { backupId, sha256: content.sha, size: SIZE, meta },
  });
  if (created.status !== 'created') {
    throw new Error(`announcing new bytes as ${meta.name} answered ${brief(created)}, expected created`);
  }
  const appended = await client.append(created.upload.uploadId, 0, content.bytes.subarray(0, PART));
  if (appended.complete || appended.upload.offset !== PART) {
    throw new Error(`appending ${PART} of ${SIZE} bytes answered ${brief(appended)}, expected offset ${PART}`);
  }
  return created.upload.uploadId;
}

/** Announces bytes an upload already holds PART of, as another name: answered resumed at PART, then finished. */
async function resumeAndFinish(
  client: MbsClient,
  backupId: string,
  content: Content,
  uploadId: string,
  meta: ItemMeta,
  ids: readonly string[],
) {
  const answer = await client.call('createUpload', { body: { backupId, sha256: content.sha, size: SIZE, meta } });
  if (answer.status !== 'resumed' || answer.upload.uploadId !== uploadId || answer.upload.offset !== PART) {
    throw new Violation(
      ids,
      `announcing the bytes of unfinished upload ${uploadId} (${PART} of ${SIZE} bytes) again as ${meta.name} ` +
        `answered ${brief(answer)}, expected resumed with upload ${uploadId} at offset ${PART}`,
    );
  }
  const finished = await client.append(uploadId, PART, content.bytes.subarray(PART));
  if (!finished.complete) {
    throw new Violation(ids, `appending the last ${SIZE - PART} bytes answered ${brief(finished)}, expected complete`);
  }
  return finished.item;
}

async function commit(client: MbsClient, backupId: string, present: readonly string[]) {
  return client.call('commitBackup', { params: { backupId }, body: { present: [...present], accounts: [] } });
}

export const settledRulesCheck: Check = {
  id: 'backup-settled-rules',
  title: 'Resume keeps the first announcement, inherited items are held, late uploads uncounted, archive counts',
  area: 'BAK',
  requirements: ['BAK-02', 'BAK-06', 'BAK-07', 'BAK-09', 'BAK-10', 'STO-05', 'STO-07'],
  scope: 'server',
  applies: where({ console: true }),
  async run(context: CheckContext) {
    const { session, seed } = context;
    const paired: string[] = [];
    try {
      return await checkOnce(async () => {
        const original = await pairDevice(session, 'Settled rules');
        paired.push(original.deviceId);
        const job = await original.client.call('startBackup', { body: {} });

        // 1. A resumed upload keeps the first announcement's metadata and extension.
        const x = contentOf(seed * 31 + 1);
        const first = photo('a.jpg', Date.UTC(2021, 6, 19));
        await within(STEP.resumeKeepsFirst, async () => {
          const uploadId = await beginUpload(original.client, job.backupId, x, first);
          await resumeAndFinish(original.client, job.backupId, x, uploadId, photo('b.png', Date.UTC(2022, 0, 2)), [
            'BAK-02',
          ]);
          const item = await original.client.call('getItem', { params: { sha256: x.sha } });
          if (canonical(item.meta) !== canonical(first)) {
            throw new Violation(
              ['STO-07'],
              `the item resumed as b.png has metadata ${brief(item.meta)}, expected the first announcement's ` +
                `${brief(first)}`,
            );
          }
          if (!item.storedAs.endsWith('.JPG')) {
            throw new Violation(
              ['STO-05'],
              `the item announced first as a.jpg and resumed as b.png is stored as ${item.storedAs}, ` +
                'expected the extension .JPG of the first announcement',
            );
          }
        });

        // An upload the original begins and never finishes, for step 3.
        const u = contentOf(seed * 31 + 2);
        const unfinished = await within(STEP.unfinishedDiscarded, () =>
          beginUpload(original.client, job.backupId, u, photo('unfinished.jpg', Date.UTC(2021, 6, 20))),
        );

        // And one whose last append is under way, every byte in but the last, as the migration lands.
        const w = contentOf(seed * 31 + 6);
        const wMeta = photo('under-way.jpg', Date.UTC(2021, 6, 22));
        const underWay = await within(STEP.unfinishedDiscarded, async () => {
          const uploadId = await beginUpload(original.client, job.backupId, w, wMeta);
          const held = holdLastByte(original.client, uploadId, PART, w.bytes.subarray(PART));
          await held.handedOver;
          return { uploadId, held };
        });

        const replacement = await migrateDevice(session, original.deviceId, 'Settled heir');
        paired.push(replacement.deviceId);
        const lastAppend = await underWay.held.release();
        const heir = replacement.client;
        const later = await heir.call('startBackup', { body: {} });

        // 2. Inherited items are held: announcing one from the replacement is a duplicate.
        await within(STEP.inheritedAreHeld, async () => {
          const answer = await heir.call('createUpload', {
            body: { backupId: later.backupId, sha256: x.sha, size: SIZE, meta: first },
          });
          if (answer.status !== 'duplicate' || answer.item.sha256 !== x.sha) {
            throw new Violation(
              STEP.inheritedAreHeld,
              `the replacement announcing bytes the original had confirmed (${x.sha.slice(0, 12)}…) answered ` +
                `${brief(answer)}, expected duplicate with the held item`,
            );
          }
        });

        // 3. The original's unfinished uploads are gone after the migration.
        await within(STEP.unfinishedDiscarded, async () => {
          if ('answer' in lastAppend) {
            throw new Violation(
              STEP.unfinishedDiscarded,
              `the original's last append, under way with ${SIZE - 1} of ${SIZE} bytes in as the migration landed, ` +
                `answered ${brief(lastAppend.answer)}, expected a refusal (the upload is discarded, never confirmed)`,
            );
          }
          const discarded = [
            { uploadId: unfinished, content: u, meta: photo('unfinished.jpg', Date.UTC(2021, 6, 20)), held: PART },
            { uploadId: underWay.uploadId, content: w, meta: wMeta, held: SIZE - 1 },
          ];
          for (const { uploadId, content, meta, held } of discarded) {
            await refused(
              heir.call('getUpload', { params: { uploadId } }),
              ['upload-not-found'],
              `GET /v1/uploads/${uploadId} (begun by the original, ${held} of ${SIZE} bytes) with the replacement's key`,
            );
            const again = await heir.call('createUpload', {
              body: { backupId: later.backupId, sha256: content.sha, size: SIZE, meta },
            });
            if (again.status !== 'created' || again.upload.offset !== 0) {
              throw new Violation(
                STEP.unfinishedDiscarded,
                `the replacement announcing the bytes of the original's discarded upload (${held} of ${SIZE} bytes ` +
                  `in) answered ${brief(again)}, expected created at offset 0`,
              );
            }
            await heir.call('cancelUpload', { params: { uploadId: again.upload.uploadId } });
          }
        });
        // The inherited item stays in Archive: no snapshot lists it as present again.
        await commit(heir, later.backupId, []);

        // 4. An upload finished after its job was committed is counted by no snapshot.
        const p = contentOf(seed * 31 + 3);
        const y = contentOf(seed * 31 + 4);
        await within(STEP.lateUploadUncounted, async () => {
          const early = await heir.call('startBackup', { body: {} });
          await heir.uploadItem(early.backupId, p.bytes, metaOf('photo', 'SETTLED_P'), p.sha);
          const yUpload = await beginUpload(heir, early.backupId, y, photo('late.jpg', Date.UTC(2021, 6, 21)));
          const earlySnapshot = await commit(heir, early.backupId, [p.sha]);
          if (earlySnapshot.counts.photos !== 1) {
            throw new Violation(
              STEP.lateUploadUncounted,
              `a job that stored one photo and left one upload unfinished committed with ` +
                `${brief(earlySnapshot.counts)}, expected 1 photo`,
            );
          }
          const next = await heir.call('startBackup', { body: {} });
          await resumeAndFinish(heir, next.backupId, y, yUpload, photo('late.jpg', Date.UTC(2021, 6, 21)), ['BAK-06']);
          const nextSnapshot = await commit(heir, next.backupId, [p.sha, y.sha]);
          if (nextSnapshot.counts.photos !== 0) {
            throw new Violation(
              STEP.lateUploadUncounted,
              `a job that only finished an upload of an already committed job committed with ` +
                `${brief(nextSnapshot.counts)}, expected 0 photos (the upload belongs to the committed job)`,
            );
          }
        });

        // 5. archived counts distinct items, archived ones included; one unknown item archives nothing.
        await within(STEP.archiveCount, async () => {
          const answer = await heir.call('archiveItems', { body: { items: [x.sha, p.sha, p.sha] } });
          if (answer.archived !== 2) {
            throw new Violation(
              STEP.archiveCount,
              `archiving an inherited (already archived) item and another named twice answered ${brief(answer)}, ` +
                'expected archived 2',
            );
          }
          const unknown = sha256(bytesOf(seed * 31 + 5, 17));
          await refused(
            heir.call('archiveItems', { body: { items: [y.sha, unknown] } }),
            ['item-not-found'],
            'archiving a confirmed item together with an unknown one',
          );
          const held = await heir.call('getItem', { params: { sha256: y.sha } });
          if (held.tab !== 'recent') {
            throw new Violation(
              STEP.archiveCount,
              `after archiving it together with an unknown item was refused, ${y.sha.slice(0, 12)}… is in tab ` +
                `${held.tab}, expected recent as before (the refusal archives nothing)`,
            );
          }
        });
      });
    } finally {
      await removeQuietly(session, paired);
    }
  },
};
