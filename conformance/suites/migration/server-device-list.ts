/**
 * Migration on the server (seed 000 §7.1, §11.2; PROTOCOL.md "Pairing"), as a property over item sets, 2FA
 * accounts and platforms: the original is chosen from the device list; a replacement already paired (for backup,
 * or for 2FA where the edition has it) is refused without using the token up; the replacement then takes over the
 * original's folder under its own name, the original leaves the list and its key stops working, and the inherited
 * items and 2FA accounts are listed (Archive) and restorable byte-identical to the replacement.
 *
 * This file holds the check and a case's backup and choice of the original; what a case draws is in
 * server-scenario.ts, the refused replacements in server-replacement-refused.ts and the takeover
 * in server-takeover.ts.
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../../kit/check.js';
import { checkProperty } from '../../kit/property.js';
import { HistoryRecorder } from '../../kit/history/history.js';
import { judgeHistory } from '../../kit/history/judge.js';
import { decodePairingPayload } from '../../spec/protocol/pairing.js';
import { within } from '../../kit/violation.js';
import type { TargetSession } from '../../targets/target.js';
import {
  brief,
  bytesOf,
  consoleOf,
  metaOf,
  pairDevice,
  refused,
  removeQuietly,
  sha256,
} from '../../kit/server-support.js';
import { account, scenario, type Scenario } from './server-scenario.js';
import { refuseReplacements } from './server-replacement-refused.js';
import { migrateTo } from './server-takeover.js';
import { where } from '../../kit/applies.js';

async function migrate(session: TargetSession, s: Scenario, paired: string[], history: HistoryRecorder): Promise<void> {
  const desk = consoleOf(session);
  const original = await pairDevice(session, 'ASUS_X00ID', s.originalIos ? 'ios' : 'android');
  paired.push(original.deviceId);
  const bystander = await pairDevice(session, 'Bystander');
  paired.push(bystander.deviceId);
  const backup = await original.client.call('startBackup', { body: {} });
  const contents = s.items.map((item, i) => ({ ...item, bytes: bytesOf(item.seed + i * 7919, item.size), i }));
  for (const c of contents) {
    const sha = sha256(c.bytes);
    const uploaded = history.invoke(original.deviceId, { f: 'upload', sha256: sha, size: c.bytes.length });
    await original.client.uploadItem(backup.backupId, c.bytes, metaOf(c.kind, `M${c.i}`, c.seed), sha);
    uploaded('ok');
  }
  const shas = [...new Set(contents.map((c) => sha256(c.bytes)))];
  const accounts = Array.from({ length: s.accounts }, (_, n) => account(n));
  const snapshot = await original.client.call('commitBackup', {
    params: { backupId: backup.backupId },
    body: { present: shas, accounts },
  });

  // MIG-01: the original is chosen from the device list, and only from it.
  const ids = new Set([original.deviceId, bystander.deviceId]);
  const chosen = await within(['MIG-01'], async () => {
    const { devices } = await desk.call('listDevices');
    const listed = devices.find((d) => d.deviceId === original.deviceId && d.name === original.name);
    if (!listed) throw new Error(`the device list does not show the original: ${brief(devices)}`);
    await refused(
      desk.call('createPairing', { body: { mode: 'migrate', originalDeviceId: 'no-such-device' } }),
      ['device-not-found'],
      'a migration from a device not in the list',
    );
    return listed;
  });
  // PAIR-01: "migrate" is the second choice of "Add or migrate device", and its QR code says so.
  const pairing = await within(['PAIR-01'], async () => {
    const made = await desk.call('createPairing', { body: { mode: 'migrate', originalDeviceId: chosen.deviceId } });
    if (decodePairingPayload(made.payload).mode !== 'migrate') throw new Error(`not a migrate QR: ${made.payload}`);
    return made;
  });
  await within(['MIG-02'], () => refuseReplacements(session, pairing.token, ids, bystander));
  await within(['MIG-03', 'MIG-04', 'MIG-05', 'MIG-06', 'MIG-10', 'MIG-13'], () =>
    migrateTo(session, s, { original, bystander, pairing, ids, shas, contents, snapshot, history }, paired),
  );
}

export const migrationCheck: Check = {
  id: 'migration-device-list',
  title: 'Migration moves the backup to the replacement: same folder, new name, original gone, items and accounts kept',
  area: 'MIG',
  requirements: ['PAIR-01', 'MIG-01', 'MIG-02', 'MIG-03', 'MIG-04', 'MIG-05', 'MIG-06', 'MIG-10', 'MIG-13'],
  scope: 'server',
  // Registering an authenticator turns 2FA on for every client for a moment: nothing may run beside it.
  exclusive: true,
  applies: where({ console: true }),
  async run(context: CheckContext) {
    const property = fc.asyncProperty(scenario, async (s) => {
      const paired: string[] = [];
      const history = new HistoryRecorder();
      try {
        await migrate(context.session, s, paired, history);
        // After every case its history: nothing the original had acknowledged is missing from the replacement.
        judgeHistory(history.history, ['migration-keeps-all']);
      } finally {
        await removeQuietly(context.session, paired);
      }
    });
    // Each case pairs three devices and walks the whole migration: a fifth of the runs is plenty of evidence.
    return checkProperty(property, context, Math.max(1, Math.ceil(context.runs / 5)));
  },
};
