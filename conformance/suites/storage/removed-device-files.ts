/**
 * What the desktop's device list does to a device's folder on disk (PROTOCOL.md renameDevice, removeDevice): a
 * renamed device keeps its backup folder's path, and a removed device's files stay on disk, byte-identical, for the
 * desktop user, though its items are no longer listed or restorable.
 * Read from the data directory of a server the runner reaches on this machine.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Check, CheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { where } from '../../kit/applies.js';
import { Violation } from '../../kit/violation.js';
import { bytesOf, consoleOf, metaOf, pairDevice, removeQuietly, sha256 } from '../../kit/server-support.js';

/** The stored file is at `<data>/<backupPath>/<storedAs>`, the item's bytes, `after` what the desktop did. */
async function expectKept(dataDir: string, file: string, bytes: Buffer, after: string): Promise<void> {
  const onDisk = await readFile(path.join(dataDir, file)).catch(() => undefined);
  if (!onDisk?.equals(bytes)) {
    throw new Violation(['NET-06'], `${after}, ${file} is ${onDisk ? 'not the item' : 'gone'} from the data folder`);
  }
}

async function verifyKept(context: CheckContext, dataDir: string, paired: string[]): Promise<void> {
  const { session } = context;
  const device = await pairDevice(session, `Kept ${context.content.tag()}`);
  paired.push(device.deviceId);
  const backup = await device.client.call('startBackup', { body: {} });
  const bytes = bytesOf(context.seed, 700);
  const item = await device.client.uploadItem(backup.backupId, bytes, metaOf('photo', 'KEPT'), sha256(bytes));
  const file = `${device.backupPath}/${item.storedAs}`;
  await expectKept(dataDir, file, bytes, 'after its backup');
  const renamed = await consoleOf(session).call('renameDevice', {
    params: { deviceId: device.deviceId },
    body: { name: `Renamed ${context.content.tag()}` },
  });
  const self = await device.client.call('getSelf');
  if (renamed.backupPath !== device.backupPath || self.backupPath !== device.backupPath) {
    throw new Violation(
      ['NET-06'],
      `renamed, the device's backup path is ${renamed.backupPath} (GET /v1/device: ${self.backupPath}), not ${device.backupPath}`,
    );
  }
  await expectKept(dataDir, file, bytes, 'after the device was renamed');
  await consoleOf(session).call('removeDevice', { params: { deviceId: device.deviceId } });
  paired.splice(0);
  await expectKept(dataDir, file, bytes, 'after the device was removed');
}

export const removedDeviceFilesCheck: Check = {
  id: 'storage-removed-device-files',
  title: "A renamed device keeps its backup folder's path; a removed device's files stay there on disk",
  area: 'STO',
  requirements: ['NET-06'],
  scope: 'server',
  applies: where({ dataDir: true, console: true }),
  async run(context: CheckContext) {
    const paired: string[] = [];
    try {
      return await checkOnce(() => verifyKept(context, context.session.dataDir as string, paired));
    } finally {
      await removeQuietly(context.session, paired);
    }
  },
};
