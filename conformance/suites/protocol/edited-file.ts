/**
 * PROTOCOL.md "Backup" and "Listing and restore": items are their bytes. A file edited on the phone keeps its name
 * and path, and its new content is a new item: announced, it starts an upload (`created`), never a `duplicate` of the
 * item the old content is, which would tell the app the new bytes were safe while the server never asked for them;
 * and restoring the new item gives the new bytes, not those first stored under that path (RST-01).
 */
import type { Check, CheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { where } from '../../kit/applies.js';
import { Violation } from '../../kit/violation.js';
import { brief, bytesOf, metaOf, pairDevice, removeQuietly, sha256 } from '../../kit/server-support.js';
import { listedItems } from '../../kit/media-items.js';

const SIZE = 1500;

export const editedFileCheck: Check = {
  id: 'protocol-edited-file',
  title: "A file's new content under the same name is a new item: created, confirmed and listed beside the old",
  area: 'NET',
  requirements: ['BAK-08', 'RST-01'],
  scope: 'server',
  applies: where({ console: true }),
  async run(context: CheckContext) {
    const { session, seed } = context;
    const paired = await pairDevice(session, 'Edited file probe');
    const { client } = paired;
    try {
      return await checkOnce(async () => {
        const { backupId } = await client.call('startBackup', { body: {} });
        const meta = metaOf('photo', 'EDITED');
        const before = bytesOf(seed * 41 + 1, SIZE);
        await client.uploadItem(backupId, before, meta, sha256(before));
        const after = Buffer.from(before);
        after[0] = (after[0] ?? 0) ^ 0xff;
        const sha = sha256(after);
        const edited = { ...meta, modifiedAt: (meta.capturedAt ?? 0) + 60_000 };
        const answer = await client.call('createUpload', { body: { backupId, sha256: sha, size: SIZE, meta: edited } });
        if (answer.status !== 'created') {
          throw new Violation(
            ['BAK-08'],
            `announcing the new content of ${meta.name} (same name and path, other bytes ${sha.slice(0, 12)}…) ` +
              `answered ${brief(answer)}, expected created: the server holds no item of these bytes`,
          );
        }
        const done = await client.append(answer.upload.uploadId, 0, after);
        const listed = (await listedItems(client)).map((item) => item.sha256);
        if (!done.complete || !listed.includes(sha) || !listed.includes(sha256(before))) {
          throw new Violation(
            ['BAK-08'],
            `after uploading both contents of ${meta.name}, the upload answered ${brief(done)} and the listing ` +
              `holds ${listed.length} items; expected both contents confirmed and listed`,
          );
        }
        // Restore offers the latest state (RST-01): the new content's item restores the new bytes, not the first.
        if (!(await client.download(sha)).equals(after)) {
          throw new Violation(['RST-01'], `the new content of ${meta.name} restores other bytes than its own`, {
            checked: ['BAK-08'],
          });
        }
      });
    } finally {
      await removeQuietly(session, [paired.deviceId]);
    }
  },
};
