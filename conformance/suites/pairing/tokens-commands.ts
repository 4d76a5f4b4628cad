/**
 * The steps of the pairing-tokens model (tokens-and-device-list.ts): issue an "add" token; pair a new, paired or
 * removed installation with a token of the model's, for this edition or another; pair with an unknown token; let
 * every token expire (on a controlled server); remove a paired device. Each predicts the refusals that apply and
 * verifies what it could have changed (tokens-verify.ts).
 */
import fc from 'fast-check';
import type { ErrorCode } from '../../spec/errors.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { issueToken, NAMES, PAIRING_LIFETIME_MS, pick, sameRegistration } from './tokens-model.js';
import { step } from './tokens-verify.js';
import { consoleOf, identity, newInstallId, otherEdition, refused } from '../../kit/server-support.js';
import { within } from '../../kit/violation.js';

const issue = fc.constant(step('issue an "add" token', issueToken));

type Who = { readonly kind: 'new' } | { readonly kind: 'paired' | 'removed'; readonly pick: number };
const who: fc.Arbitrary<Who> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'new' as const }) },
  { weight: 1, arbitrary: fc.nat().map((n) => ({ kind: 'paired' as const, pick: n })) },
  { weight: 1, arbitrary: fc.nat().map((n) => ({ kind: 'removed' as const, pick: n })) },
);

const pair = fc
  .record({
    token: fc.nat(),
    who,
    own: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    name: fc.nat(),
    ios: fc.boolean(),
  })
  .map(({ token, who, own, name, ios }) =>
    step(
      `pair ${who.kind === 'new' ? 'a new installation' : `${who.kind} installation #${who.pick}`} with token ` +
        `#${token}${own ? '' : ' for another edition'}`,
      async (m, r) => {
        const t = pick(m.tokens, token);
        const installId =
          who.kind === 'new'
            ? newInstallId()
            : who.kind === 'paired'
              ? pick(m.devices, who.pick).installId
              : pick(m.removed, who.pick);
        const refusals: ErrorCode[] = [];
        if (t.used) refusals.push('pairing-token-used');
        if (t.expired) refusals.push('pairing-token-expired');
        if (!own) refusals.push('pairing-edition-mismatch');
        if (m.devices.some((d) => d.installId === installId)) refusals.push('device-already-paired');
        const deviceName = pick(NAMES, name);
        const edition = own ? r.session.edition : otherEdition(r.session.edition);
        const device = identity(deviceName, ios ? 'ios' : 'android', installId);
        const client = new MbsClient({ baseUrl: r.session.url });
        const call = client.call('pair', { body: { token: t.token, edition, device } });
        // A refusal changes nothing the model knows: a device or a used token it left anyway shows in the last verify;
        // the listed device of an installation paired already is read at once.
        if (refusals.length > 0) {
          m.touched.devices ||= refusals.includes('device-already-paired');
          await refused(call, refusals, 'pairing');
          return;
        }
        const paired = await call;
        m.touched.devices = true;
        m.touched.pairings.add(t.pairingId);
        r.paired.push(paired.deviceId);
        client.deviceKey = paired.deviceKey;
        if (paired.name !== deviceName || paired.migratedFrom) {
          throw new Error(`pairing "${deviceName}" answered ${JSON.stringify({ ...paired, deviceKey: '…' })}`);
        }
        const self = await client.call('getSelf');
        if (self.deviceId !== paired.deviceId || self.name !== deviceName || self.platform !== device.platform) {
          throw new Error(`the new device's key reads back ${JSON.stringify(self)}`);
        }
        sameRegistration('GET /v1/device shows the new device', self, paired);
        m.touched.selves.set(paired.deviceId, self);
        t.used = true;
        t.deviceId = paired.deviceId;
        m.removed.splice(0, m.removed.length, ...m.removed.filter((id) => id !== installId));
        const { registeredAt, backupPath } = paired;
        const { deviceId } = paired;
        m.devices.push({
          deviceId,
          name: deviceName,
          model: device.model,
          installId,
          client,
          registeredAt,
          backupPath,
        });
      },
      (m) =>
        m.tokens.length > 0 &&
        (who.kind === 'new' || (who.kind === 'paired' ? m.devices.length > 0 : m.removed.length > 0)),
    ),
  );

const unknownToken = fc.tuple(fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/), fc.boolean()).map(([token, own]) =>
  step(`pair with an unknown token${own ? '' : ' for another edition'}`, async (_m, r) => {
    const edition = own ? r.session.edition : otherEdition(r.session.edition);
    const call = new MbsClient({ baseUrl: r.session.url }).call('pair', {
      body: { token, edition, device: identity('Unknown', 'android') },
    });
    await refused(
      call,
      own ? ['pairing-token-invalid'] : ['pairing-token-invalid', 'pairing-edition-mismatch'],
      'pairing',
    );
  }),
);

const expire = fc.constant(
  step(
    'let every token issued so far reach its 10 minutes',
    async (m, r) => {
      // The protocol's lifetime, not the one a token states: a server that states and keeps 11 minutes is wrong.
      // Exactly to the latest token's bound, not past it: that millisecond is its first expired one (PAIR-10), and
      // on a clock standing still issuedBy is the issue itself, so a server that refuses only after it pairs.
      const latest = Math.max(...m.tokens.filter((t) => !t.expired).map((t) => t.issuedBy + PAIRING_LIFETIME_MS));
      if (latest - r.now() > 0) await r.advance(latest - r.now());
      for (const t of m.tokens) {
        t.expired = true;
        m.touched.pairings.add(t.pairingId);
      }
    },
    (m) => m.canExpire && m.tokens.some((t) => !t.expired),
  ),
);

const remove = fc.nat().map((n) =>
  step(
    `remove paired device #${n}`,
    async (m, r) => {
      const device = pick(m.devices, n);
      const removal = { params: { deviceId: device.deviceId } };
      m.touched.devices = true;
      m.touched.everySelf = true;
      const token = m.tokens.find((t) => t.deviceId === device.deviceId);
      if (token) m.touched.pairings.add(token.pairingId);
      await consoleOf(r.session).call('removeDevice', removal);
      m.devices.splice(m.devices.indexOf(device), 1);
      m.removed.push(device.installId);
      await refused(device.client.call('getSelf'), ['device-unauthorized'], 'the removed device’s key');
      // PROTOCOL.md removeDevice: a device no longer listed is not found; removing it again removes nothing.
      await within(['NET-06'], () =>
        refused(
          consoleOf(r.session).call('removeDevice', removal),
          ['device-not-found'],
          'removing the removed device again',
        ),
      );
    },
    (m) => m.devices.length > 0,
  ),
);

/** fc.commands picks uniformly: pairing, the step with the most outcomes, comes up most. */
export function pairingSteps(canExpire: boolean) {
  return [issue, issue, pair, pair, pair, unknownToken, remove, ...(canExpire ? [expire] : [])];
}
