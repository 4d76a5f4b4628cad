/**
 * PROTOCOL.md "Backup" and the error catalogue: items are content-addressed per device, so two devices that hold the
 * same bytes hold two items. A check of one device alone never tells a server that keys items by bytes alone from
 * one that keys them by device and bytes; two devices do.
 * 1. A device asking for an item by bytes that only another device sent gets `item-not-found` ("No such item for
 *    this device"), for the item and for its content: the item's presence tells the app its bytes are backed up.
 *    Reporting those bytes archived is `item-not-found` too, and leaves the other device's item where it was.
 * 2. The other device sending the same bytes starts an upload of its own (`created`). Migrating it hands its items
 *    to its replacement's Archive tab and leaves the first device's item in its tab; removing the replacement leaves
 *    the first device's item listed and restorable (removeDevice removes the device's own items only).
 */
import type { Check, CheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { where } from '../../kit/applies.js';
import { Violation, within } from '../../kit/violation.js';
import {
  brief,
  bytesOf,
  consoleOf,
  metaOf,
  migrateDevice,
  pairDevice,
  refused,
  removeQuietly,
  sha256,
} from '../../kit/server-support.js';
import { listedItems } from '../../kit/media-items.js';

/** The rules of each step, named by its failures. */
const STEP = {
  othersItemUnknown: ['BAK-08'],
  othersItemNotArchived: ['BAK-10'],
  migrationKeepsOthers: ['NET-06'],
  removalKeepsOthers: ['NET-06'],
} as const;

export const devicesApartCheck: Check = {
  id: 'protocol-devices-apart',
  title: "Two devices hold apart: one's items are never another's",
  area: 'NET',
  requirements: ['BAK-08', 'BAK-10', 'NET-06'],
  scope: 'server',
  applies: where({ console: true }),
  async run(context: CheckContext) {
    const { session, seed } = context;
    const paired: string[] = [];
    try {
      return await checkOnce(async () => {
        const first = await pairDevice(session, 'Apart one');
        paired.push(first.deviceId);
        const second = await pairDevice(session, 'Apart two');
        paired.push(second.deviceId);
        const job = await first.client.call('startBackup', { body: {} });
        const bytes = bytesOf(seed * 37 + 1, 2048);
        const sha = sha256(bytes);
        await first.client.uploadItem(job.backupId, bytes, metaOf('photo', 'APART_X'), sha);

        // 1. The other device's item is no item of this one.
        await within(STEP.othersItemUnknown, async () => {
          const what = `with the key of a device that never sent them, bytes ${sha.slice(0, 12)}… another device holds`;
          await refused(second.client.call('getItem', { params: { sha256: sha } }), ['item-not-found'], `GET ${what}`);
          await refused(second.client.download(sha), ['item-not-found'], `downloading ${what}`);
        });

        await within(STEP.othersItemNotArchived, async () => {
          await refused(
            second.client.call('archiveItems', { body: { items: [sha] } }),
            ['item-not-found'],
            `reporting archived, from a device that never sent them, bytes ${sha.slice(0, 12)}… another device holds`,
          );
          const held = await first.client.call('getItem', { params: { sha256: sha } });
          if (held.tab !== 'recent') {
            throw new Violation(
              STEP.othersItemNotArchived,
              `after another device reported its bytes archived (refused or not), this device's item is in tab ` +
                `${held.tab}, expected recent as before`,
            );
          }
        });

        // 2. The other device's copy of the same bytes is its own: migrating or removing it leaves the first's item.
        await within(STEP.migrationKeepsOthers, async () => {
          const other = await second.client.call('startBackup', { body: {} });
          const copy = await second.client.call('createUpload', {
            body: { backupId: other.backupId, sha256: sha, size: bytes.length, meta: metaOf('photo', 'APART_X') },
          });
          if (copy.status !== 'created') {
            throw new Violation(
              ['BAK-08'],
              `a device announcing bytes only another device holds answered ${brief(copy)}, expected created`,
            );
          }
          const sent = await second.client.append(copy.upload.uploadId, 0, bytes);
          if (!sent.complete) {
            throw new Violation(['BAK-08'], `the other device's whole upload of the bytes answered ${brief(sent)}`);
          }
          const heir = await migrateDevice(session, second.deviceId, 'Apart heir');
          paired.push(heir.deviceId);
          // The heir holds the copy: without it, removing the heir below would show nothing.
          const inherited = (await listedItems(heir.client)).find((item) => item.sha256 === sha);
          if (inherited?.tab !== 'archive') {
            throw new Violation(
              STEP.migrationKeepsOthers,
              `the replacement of a device that sent the bytes lists them ${inherited ? `in tab ${inherited.tab}` : 'not at all'}, expected in archive`,
            );
          }
          const held = await first.client.call('getItem', { params: { sha256: sha } });
          if (held.tab !== 'recent') {
            throw new Violation(
              STEP.migrationKeepsOthers,
              `after another device that held the same bytes migrated, this device's item is in tab ${held.tab}, ` +
                "expected recent as before (the migration hands over the original's items only)",
            );
          }
        });
        await within(STEP.removalKeepsOthers, async () => {
          await consoleOf(session).call('removeDevice', { params: { deviceId: paired.at(-1) as string } });
          const kept = await first.client.call('getItem', { params: { sha256: sha } }).then(
            () => 'its item',
            (error: unknown) => (error instanceof Error ? error.message : String(error)),
          );
          const listed = (await listedItems(first.client)).some((item) => item.sha256 === sha);
          const restored = await first.client.download(sha).catch(() => undefined);
          if (!listed || !restored?.equals(bytes)) {
            throw new Violation(
              STEP.removalKeepsOthers,
              `after removing another device that held the same bytes (inherited), this device's item ${sha.slice(0, 12)}… is ` +
                `${listed ? 'listed' : 'not listed'}, ${restored ? 'downloads' : 'does not download'} and GET answers ` +
                `${kept}; expected it kept, listed and restorable`,
            );
          }
        });
      });
    } finally {
      await removeQuietly(session, paired);
    }
  },
};
