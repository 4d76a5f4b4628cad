/**
 * PROTOCOL.md createUpload and "Supported types": an item announced with an extension of no supported type is
 * refused `422 unsupported-file-type`, one whose kind its extension contradicts `422 item-kind-mismatch`, one over
 * the size limit `413 item-too-large`; and nothing of it is kept, so the same bytes announced afterwards as a fitting
 * item start a new upload (`created`), neither resumed nor held.
 */
import type { Check, CheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { where } from '../../kit/applies.js';
import { Violation } from '../../kit/violation.js';
import { bytesOf, metaOf, pairDevice, refused, removeQuietly, sha256 } from '../../kit/server-support.js';
import type { ErrorCode } from '../../spec/errors.js';
import type { ItemKind } from '../../spec/file-types.js';
import { MAX_ITEM_BYTES, type ItemMeta } from '../../spec/protocol/resources.js';

interface Unfit {
  readonly what: string;
  readonly name: string;
  readonly kind: ItemKind;
  readonly oversized: boolean;
  readonly code: ErrorCode;
}

// `.jpeg` is no photo's extension: the lists are exhaustive (FTYPE-05's reading), and a server that guesses by
// likeness stores what the app would never send.
const UNFIT: readonly Unfit[] = [
  {
    what: 'an unsupported type',
    name: 'IMG_0001.jpeg',
    kind: 'photo',
    oversized: false,
    code: 'unsupported-file-type',
  },
  {
    what: 'a kind its extension contradicts',
    name: 'CLIP_0002.mp4',
    kind: 'photo',
    oversized: false,
    code: 'item-kind-mismatch',
  },
  { what: 'a size over the limit', name: 'IMG_0003.jpg', kind: 'photo', oversized: true, code: 'item-too-large' },
];

function metaNamed(name: string, kind: ItemKind): ItemMeta {
  const fitting = metaOf(kind, 'X');
  return { ...fitting, name, path: fitting.path.replace(/[^/]*$/, name) };
}

export const uploadRefusalsCheck: Check = {
  id: 'protocol-upload-refusals',
  title: 'An unsupported type, a contradicted kind and an oversized item are refused as catalogued, nothing kept',
  area: 'NET',
  requirements: ['NET-06'],
  scope: 'server',
  applies: where({ console: true }),
  async run(context: CheckContext) {
    const { session } = context;
    const paired = await pairDevice(session, 'Refused uploads probe');
    const { client } = paired;
    try {
      return await checkOnce(async () => {
        const { backupId } = await client.call('startBackup', { body: {} });
        for (const [i, unfit] of UNFIT.entries()) {
          const bytes = bytesOf(0x5eed + i, 64);
          const sha = sha256(bytes);
          const size = unfit.oversized ? MAX_ITEM_BYTES + 1 : bytes.length;
          const body = { backupId, sha256: sha, size, meta: metaNamed(unfit.name, unfit.kind) };
          const what = `announcing ${unfit.name} as a ${unfit.kind} of ${size} bytes (${unfit.what})`;
          await refused(client.call('createUpload', { body }), [unfit.code], what);
          const again = await client.call('createUpload', {
            body: { backupId, sha256: sha, size: bytes.length, meta: metaOf('photo', `FIT_${i}`) },
          });
          if (again.status !== 'created') {
            throw new Violation(
              ['NET-06'],
              `the bytes of ${unfit.name} announced again as a fitting photo after ${unfit.code}: answered ${again.status}, expected created (a refused announcement keeps nothing)`,
            );
          }
        }
      });
    } finally {
      await removeQuietly(session, [paired.deviceId]);
    }
  },
};
