/**
 * RUN-02 on the server's side (seed 000 §1.2: the app reaches the backup machine through the local Wi-Fi router
 * only): a server like the target's is started with the internet service it is given, its push notification
 * service, out of reach (a port that refuses connections, as on a LAN with no way out), and a device that pairs
 * with it backs up an item and restores it, byte for byte. A phone without the internet is
 * run-conditions-lan-without-internet's; what the server's push logins do without the service is NET-09's.
 */
import { createServer, type AddressInfo } from 'node:net';
import type { Edition } from '../../spec/editions.js';
import { where } from '../../kit/applies.js';
import type { Check } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { bytesOf, identity, metaOf, sha256 } from '../../kit/server-support.js';
import { Violation, within } from '../../kit/violation.js';
import { startWhenRangeFrees } from '../../targets/range-held.js';
import type { OwnServer } from '../../targets/target.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';

const REQUIREMENT = ['RUN-02'];

/** The URL of a service no route reaches: a port of this machine just given up, which refuses connections. */
async function unreachableService(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/push`;
}

/** A device pairs with `own`, backs up one photo and restores it: each step must complete. */
async function backUpAndRestore(own: OwnServer, edition: Edition): Promise<void> {
  const device = new MbsClient({ baseUrl: own.url });
  const bytes = bytesOf(2_020, 1_500);
  await within(REQUIREMENT, async () => {
    const pairing = await own.console.call('createPairing', { body: { mode: 'add' } });
    const paired = await device.call('pair', {
      body: { token: pairing.token, edition, device: identity('LAN only', 'android') },
    });
    device.deviceKey = paired.deviceKey;
    const backup = await device.call('startBackup', { body: {} });
    const item = await device.uploadItem(backup.backupId, bytes, metaOf('photo', 'LAN_ONLY'), sha256(bytes));
    await device.call('commitBackup', {
      params: { backupId: backup.backupId },
      body: { present: [item.sha256], accounts: [] },
    });
  });
  const restored = await within(REQUIREMENT, () => device.download(sha256(bytes)));
  if (!restored.equals(bytes)) {
    throw new Violation(REQUIREMENT, 'with no internet service in reach, the restored photo is not the one backed up');
  }
}

export const serverWithoutInternetCheck: Check = {
  id: 'run-conditions-server-without-internet',
  title: 'A server whose internet services are out of reach still backs up and restores a device on its LAN',
  area: 'RUN',
  requirements: REQUIREMENT,
  scope: 'server',
  applies: where({ pushService: true }),
  run: ({ session }) =>
    checkOnce(async () => {
      const start = session.startOwnServerWithPushService!;
      const own = await startWhenRangeFrees(async () => start(await unreachableService()));
      try {
        await backUpAndRestore(own, session.edition);
      } finally {
        await own.close();
      }
    }),
};
