/**
 * RUN-02 on the server's side (seed 000 §1.2: the app reaches the backup machine through the local Wi-Fi router
 * only): a server like the target's is started with the internet service it is given, its push notification
 * service, out of reach (the loopback's discard port, where no service of the kit's listens, as on a LAN with no way
 * out), and a device paired with it (as any check's device is: a failed pairing is the set-up's, not RUN-02's) backs
 * up an item and restores it, byte for byte. A phone without the internet is
 * run-conditions-lan-without-internet's; what the server's push logins do without the service is NET-09's.
 */
import { where } from '../../kit/applies.js';
import type { Check } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { bytesOf, metaOf, pairDevice, sha256 } from '../../kit/server-support.js';
import { Violation, within } from '../../kit/violation.js';
import { startWhenRangeFrees } from '../../targets/range-held.js';
import type { OwnServer, TargetSession } from '../../targets/target.js';
import { NO_PUSH_SERVICE } from '../../targets/own-server-process.js';

const REQUIREMENT = ['RUN-02'];

/** A device pairs with `own`, as with the target, backs up one photo and restores it: each step must complete. */
async function backUpAndRestore(own: OwnServer, session: TargetSession): Promise<void> {
  const { client: device } = await pairDevice({ ...session, url: own.url, console: own.console }, 'LAN only');
  const bytes = bytesOf(2_020, 1_500);
  await within(REQUIREMENT, async () => {
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
      const own = await startWhenRangeFrees(() => start(NO_PUSH_SERVICE));
      try {
        await backUpAndRestore(own, session);
      } finally {
        await own.close();
      }
    }),
};
