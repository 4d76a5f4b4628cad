/**
 * PROTOCOL.md "Backup" and the error catalogue: items are content-addressed per device, so two devices that hold the
 * same bytes hold two items. A check of one device alone never tells a server that keys items by bytes alone from
 * one that keys them by device and bytes; two devices do.
 * 1. A device asking for an item by bytes that only another device sent gets `item-not-found` ("No such item for
 *    this device"), for the item and for its content: the item's presence tells the app its bytes are backed up.
 */
import type { Check, CheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { where } from '../../kit/applies.js';
import { within } from '../../kit/violation.js';
import { bytesOf, metaOf, pairDevice, refused, removeQuietly, sha256 } from '../../kit/server-support.js';

/** The rules of each step, named by its failures. */
const STEP = {
  othersItemUnknown: ['BAK-08'],
} as const;

export const devicesApartCheck: Check = {
  id: 'protocol-devices-apart',
  title: "Two devices hold apart: one's items are never another's",
  area: 'NET',
  requirements: ['BAK-08'],
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
      });
    } finally {
      await removeQuietly(session, paired);
    }
  },
};
