/**
 * Pairing tokens and the device list, model-based (seed 000 §7.1, PROTOCOL.md "Pairing"): random sequences of
 * issuing "add" tokens, pairing new, paired and removed app installations with fresh, used, unknown and (on a
 * controlled server) expired tokens, for this edition or another, and removing devices. The model predicts which
 * refusals apply; the server must answer one of them and change nothing, or pair when none applies. After every
 * step the device list holds exactly the model's devices, under their names; every QR payload carries the actual
 * ports.
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../framework/check.js';
import { checkProperty, commandsOptions } from '../framework/property.js';
import type { ErrorCode } from '../spec/errors.js';
import { decodePairingPayload } from '../spec/protocol/pairing.js';
import type { ServerInfo } from '../spec/protocol/resources.js';
import type { Static } from 'typebox';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import type { TargetSession } from '../targets/target.js';
import {
  clockOf,
  consoleOf,
  identity,
  needsConsole,
  newInstallId,
  otherEdition,
  refused,
  removeQuietly,
  withClock,
} from './server-support.js';

interface Token {
  readonly token: string;
  readonly expiresAt: number;
  used: boolean;
  expired: boolean;
}
interface Device {
  readonly deviceId: string;
  readonly name: string;
  readonly installId: string;
  readonly client: MbsClient;
}
interface Model {
  readonly canExpire: boolean;
  readonly tokens: Token[];
  readonly devices: Device[];
  /** Installations whose device was removed: they may pair again. */
  readonly removed: string[];
}
interface Real {
  readonly session: TargetSession;
  readonly info: Static<typeof ServerInfo>;
  readonly baseline: ReadonlySet<string>;
  readonly advance: (ms: number) => void;
  readonly now: () => number;
  readonly paired: string[];
}
type Step = fc.AsyncCommand<Model, Real>;

const NAMES = ['iPhone6s', 'Redmi Note 8', 'ASUS_X00ID', 'Téléphone de Zoé', '山田のiPhone', 'Samsung Note 10'];
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

async function verifyDeviceList(m: Model, r: Real): Promise<void> {
  const { devices } = await consoleOf(r.session).call('listDevices');
  const ours = devices.filter((d) => !r.baseline.has(d.deviceId));
  const shown = ours.map((d) => `${d.deviceId}=${d.name}`).sort();
  const expected = m.devices.map((d) => `${d.deviceId}=${d.name}`).sort();
  if (JSON.stringify(shown) !== JSON.stringify(expected)) {
    throw new Error(`the device list shows [${shown.join(', ')}]; the model has [${expected.join(', ')}]`);
  }
}

function step(label: string, run: (m: Model, r: Real) => Promise<void>, check: (m: Model) => boolean = () => true) {
  return {
    check,
    async run(m: Model, r: Real) {
      await run(m, r);
      await verifyDeviceList(m, r);
    },
    toString: () => label,
  } satisfies Step;
}

/** "Add device": a token whose QR payload names this server, its edition and its actual ports. */
async function issueToken(m: Model, r: Real): Promise<void> {
  const answer = await consoleOf(r.session).call('createPairing', { body: { mode: 'add' } });
  const payload = decodePairingPayload(answer.payload);
  const { info } = r;
  const wanted = { edition: r.session.edition, server: info.serverId, tcp: info.tcpPort, udp: info.udpPort };
  const got = { edition: payload.edition, server: payload.server, tcp: payload.tcp, udp: payload.udp };
  if (
    JSON.stringify(got) !== JSON.stringify(wanted) ||
    answer.tcpPort !== info.tcpPort ||
    answer.udpPort !== info.udpPort
  ) {
    throw new Error(`the pairing QR says ${JSON.stringify(got)}; the server reports ${JSON.stringify(wanted)}`);
  }
  if (payload.token !== answer.token || payload.mode !== 'add' || payload.expires !== answer.expiresAt) {
    throw new Error(`the QR payload disagrees with the answer: ${answer.payload}`);
  }
  m.tokens.push({ token: answer.token, expiresAt: answer.expiresAt, used: false, expired: false });
}

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
        if (refusals.length > 0) {
          await refused(call, refusals, 'pairing');
          return;
        }
        const paired = await call;
        r.paired.push(paired.deviceId);
        client.deviceKey = paired.deviceKey;
        if (paired.name !== deviceName || paired.migratedFrom) {
          throw new Error(`pairing "${deviceName}" answered ${JSON.stringify({ ...paired, deviceKey: '…' })}`);
        }
        const self = await client.call('getSelf');
        if (self.deviceId !== paired.deviceId || self.name !== deviceName || self.platform !== device.platform) {
          throw new Error(`the new device's key reads back ${JSON.stringify(self)}`);
        }
        t.used = true;
        m.removed.splice(0, m.removed.length, ...m.removed.filter((id) => id !== installId));
        m.devices.push({ deviceId: paired.deviceId, name: deviceName, installId, client });
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
    'let every token issued so far expire',
    async (m, r) => {
      const latest = Math.max(...m.tokens.filter((t) => !t.expired).map((t) => t.expiresAt));
      if (latest - r.now() + 1 > 0) r.advance(latest - r.now() + 1);
      for (const t of m.tokens) t.expired = true;
    },
    (m) => m.canExpire && m.tokens.some((t) => !t.expired),
  ),
);

const remove = fc.nat().map((n) =>
  step(
    `remove paired device #${n}`,
    async (m, r) => {
      const device = pick(m.devices, n);
      await consoleOf(r.session).call('removeDevice', { params: { deviceId: device.deviceId } });
      m.devices.splice(m.devices.indexOf(device), 1);
      m.removed.push(device.installId);
      await refused(device.client.call('getSelf'), ['device-unauthorized'], 'the removed device’s key');
    },
    (m) => m.devices.length > 0,
  ),
);

/** fc.commands picks uniformly: pairing, the step with the most outcomes, comes up most. */
export function pairingSteps(canExpire: boolean) {
  return [issue, issue, pair, pair, pair, unknownToken, remove, ...(canExpire ? [expire] : [])];
}

export const pairingTokensCheck: Check = {
  id: 'server-pairing-tokens-model',
  title: 'Pairing tokens are single-use, expire and fit the edition; the device list holds exactly the paired devices',
  area: 'PAIR',
  requirements: ['PAIR-01', 'PAIR-02', 'NET-07', 'STO-01'],
  scope: 'server',
  // It moves the server's clock and reads the whole device list: nothing may run beside it.
  exclusive: true,
  applies: needsConsole,
  async run(context: CheckContext) {
    const { session } = context;
    const clock = clockOf(session);
    const steps = pairingSteps(clock !== undefined);
    const property = fc.asyncProperty(
      fc.commands(steps, { ...commandsOptions(context, 15), size: 'large' }),
      async (commands) => {
        await withClock(clock, async (advance) => {
          const { devices } = await consoleOf(session).call('listDevices');
          const real: Real = {
            session,
            info: await consoleOf(session).call('getInfo'),
            baseline: new Set(devices.map((d) => d.deviceId)),
            advance,
            now: () => clock?.now() ?? Date.now(),
            paired: [],
          };
          const model: Model = { canExpire: clock !== undefined, tokens: [], devices: [], removed: [] };
          // One token from the start, so the first commands can already pair.
          await issueToken(model, real);
          try {
            await fc.asyncModelRun(() => ({ model, real }), commands);
          } finally {
            await removeQuietly(session, real.paired);
          }
        });
      },
    );
    return checkProperty(property, context);
  },
};
