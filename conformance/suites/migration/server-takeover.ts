/**
 * Migration on the server, the takeover: the replacement pairs by the migration token and takes over the original's
 * folder under its own name, listed (and reading itself) with migratedFrom naming the original; the original leaves
 * the device list and its key stops working, the token is used up, and the inherited items and 2FA accounts belong
 * to the replacement (MIG-03, MIG-04, MIG-05, MIG-06, MIG-10, MIG-13).
 */
import { listAllItems } from '../../../simulators/mbs-client/listing-pages.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { Violation, within } from '../../kit/violation.js';
import type { TargetSession } from '../../targets/target.js';
import { brief, identity, refused, sha256 } from '../../kit/server-support.js';
import { judgeHistory } from '../../kit/history/judge.js';
import { taggedName } from '../../kit/device-names.js';
import { pairPastLeftovers } from '../../kit/leftover-devices.js';
import { entryOf, listedDevices, origin } from './server-replacement-refused.js';
import type { Migration, Scenario } from './server-scenario.js';

/** The migration itself, and what the server shows after it. */
export async function migrateTo(session: TargetSession, s: Scenario, m: Migration, paired: string[]): Promise<void> {
  const { original, bystander, pairing, ids, history } = m;

  const replacement = new MbsClient({ baseUrl: session.url });
  const device = identity(taggedName('Redmi Note 8'), s.replacementIos ? 'ios' : 'android');
  // The replacement's id is known once it answers: the migration's completion names it.
  const migrated = history.invoke(original.deviceId, { f: 'migrate', to: 'the replacement' });
  // A refused pairing leaves the token usable (PROTOCOL.md "Pairing"): the migration is tried again with it.
  const answer = await pairPastLeftovers(
    session,
    device.name,
    () => replacement.call('pair', { body: { token: pairing.token, edition: session.edition, device } }),
    (a) => a.deviceId,
  );
  migrated('ok', { f: 'migrate', to: answer.deviceId });
  paired.push(answer.deviceId);
  replacement.deviceKey = answer.deviceKey;
  const wanted = {
    name: device.name,
    backupPath: original.backupPath,
    from: original.deviceId,
    fromName: original.name,
  };
  const got = {
    name: answer.name,
    backupPath: answer.backupPath,
    from: answer.migratedFrom?.deviceId,
    fromName: answer.migratedFrom?.name,
  };
  if (JSON.stringify(got) !== JSON.stringify(wanted))
    throw new Violation(['MIG-04', 'MIG-05'], `migration answered ${brief(got)}, not ${brief(wanted)}`);
  const devices = await listedDevices(session, new Set([...ids, answer.deviceId]));
  const after = devices.map(entryOf);
  const expected = [
    `${bystander.deviceId}=${bystander.name}@${bystander.backupPath}`,
    `${answer.deviceId}=${device.name}@${original.backupPath}`,
  ];
  if (JSON.stringify(after.sort()) !== JSON.stringify(expected.sort())) {
    throw new Violation(
      ['MIG-03', 'MIG-04', 'MIG-05'],
      `after migration the device list shows [${after.join(', ')}], not [${expected.join(', ')}]`,
    );
  }
  // PROTOCOL.md "Migration": the replacement is listed, and reads itself, with migratedFrom naming the original.
  const views = { 'the device list': devices.find((d) => d.deviceId === answer.deviceId) };
  const from = `${original.deviceId}=${original.name}`;
  for (const [view, d] of Object.entries({ ...views, 'GET /v1/device': await replacement.call('getSelf') })) {
    if (origin(d) !== from) {
      throw new Violation(
        ['MIG-05'],
        `after migration ${view} shows the replacement migrated from ${origin(d)}, not ${from}`,
      );
    }
  }
  await within(['MIG-06'], () =>
    refused(original.client.call('getSelf'), ['device-unauthorized'], 'the original device’s key after migration'),
  );
  await refused(
    new MbsClient({ baseUrl: session.url }).call('pair', {
      body: { token: pairing.token, edition: session.edition, device: identity('Again', 'android') },
    }),
    ['pairing-token-used'],
    'the migration token used a second time',
  );

  // Items lost only on the way to the other platform break MIG-13 too: the property shrinks a loss on the same
  // platform to that, which names MIG-10 alone.
  const across = s.originalIos !== s.replacementIos;
  await within(across ? ['MIG-10', 'MIG-13'] : ['MIG-10'], () => inherited(replacement, m, answer.deviceId));
}

/** MIG-10: the inherited items and 2FA accounts belong to the replacement now. */
async function inherited(replacement: MbsClient, m: Migration, replacementId: string): Promise<void> {
  const { shas, contents, snapshot, history } = m;
  const listing = history.invoke(replacementId, { f: 'list' });
  const items = await listAllItems(replacement, { limit: 1000 });
  listing('ok', { f: 'list', items: items.map(({ sha256, size, tab }) => ({ sha256, size, tab })) });
  // An item lost shows first as the history's anomaly: its upload, the migration and this listing as witness.
  judgeHistory(history.history, ['migration-keeps-all']);
  const shown = items.map((i) => `${i.sha256}:${i.tab}`).sort();
  const inherited = shas.map((sha) => `${sha}:archive`).sort();
  if (JSON.stringify(shown) !== JSON.stringify(inherited)) {
    throw new Error(`the replacement lists [${shown.join(', ')}], not the inherited [${inherited.join(', ')}]`);
  }
  for (const c of contents) {
    if (!(await replacement.download(sha256(c.bytes))).equals(c.bytes)) {
      throw new Error(`inherited item ${sha256(c.bytes)} does not download byte-identical to the replacement`);
    }
  }
  const latest = await replacement.call('getLatestSnapshot');
  const kept = (x: Migration['snapshot']) => JSON.stringify({ accounts: x.accounts, counts: x.counts });
  if (kept(latest) !== kept(snapshot)) {
    throw new Error(`the replacement's latest snapshot is ${brief(latest)}, not the original's ${brief(snapshot)}`);
  }
}
