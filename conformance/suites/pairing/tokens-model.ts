/**
 * The pairing model: tokens issued, devices paired and installations removed, as the desktop side and the app see
 * them; after every step the server's device list must hold exactly the model's devices under their names.
 */
import type fc from 'fast-check';
import type { Static } from 'typebox';
import { decodePairingPayload } from '../../spec/protocol/pairing.js';
import type { ServerInfo } from '../../spec/protocol/resources.js';
import type { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import type { TargetSession } from '../../targets/target.js';
import { brief, canonical, consoleOf } from '../../kit/server-support.js';
import { Violation } from '../../kit/violation.js';

/** PROTOCOL.md "Pairing": a token expires 10 minutes after it is issued, whatever else it says. */
export const PAIRING_LIFETIME_MS = 10 * 60_000;

export interface Token {
  readonly pairingId: string;
  readonly token: string;
  readonly expiresAt: number;
  /** The server's time just after it issued the token: by then + 10 minutes the token has expired. */
  readonly issuedBy: number;
  used: boolean;
  expired: boolean;
  /** The device that paired with it, once one did. */
  deviceId?: string;
}
export interface Device {
  readonly deviceId: string;
  readonly name: string;
  /** As the app sent it when pairing: the desktop shows it exactly so (DESK-12). */
  readonly model: string;
  readonly installId: string;
  readonly client: MbsClient;
  /** As the pairing answered them: every later view of the device must show the same. */
  readonly registeredAt: number;
  readonly backupPath: string;
}
export interface Model {
  readonly canExpire: boolean;
  readonly tokens: Token[];
  readonly devices: Device[];
  /** Installations whose device was removed: they may pair again. */
  readonly removed: string[];
}
export interface Real {
  readonly session: TargetSession;
  readonly info: Static<typeof ServerInfo>;
  readonly baseline: ReadonlySet<string>;
  readonly advance: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly paired: string[];
}
export type Step = fc.AsyncCommand<Model, Real>;

export const NAMES = ['iPhone6s', 'Redmi Note 8', 'ASUS_X00ID', 'Téléphone de Zoé', '山田のiPhone', 'Samsung Note 10'];
export const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

async function verifyDeviceList(m: Model, r: Real): Promise<void> {
  const { devices } = await consoleOf(r.session).call('listDevices');
  const ours = devices.filter((d) => !r.baseline.has(d.deviceId));
  const shown = ours.map((d) => `${d.deviceId}=${d.name}`).sort();
  const expected = m.devices.map((d) => `${d.deviceId}=${d.name}`).sort();
  if (JSON.stringify(shown) !== JSON.stringify(expected)) {
    throw new Error(`the device list shows [${shown.join(', ')}]; the model has [${expected.join(', ')}]`);
  }
  for (const listed of ours) {
    const paired = m.devices.find((d) => d.deviceId === listed.deviceId);
    if (!paired) continue;
    sameRegistration(`the device list shows ${listed.name}`, listed, paired);
    if (listed.model !== paired.model) {
      throw new Violation(
        ['DESK-12'],
        `the device list shows ${listed.name} as model ${JSON.stringify(listed.model)}; it paired as ` +
          JSON.stringify(paired.model),
      );
    }
    // PROTOCOL.md getSelf: the calling device as the server lists it.
    const self = await paired.client.call('getSelf');
    if (canonical(self) !== canonical(listed)) {
      throw new Violation(['NET-06'], `GET /v1/device answers ${brief(self)}; the device list shows ${brief(listed)}`);
    }
  }
}

/**
 * PROTOCOL.md "Pairing": `registeredAt` is when the device paired and `backupPath` the folder it writes to
 * (`<name>/<registration epoch ms>`, STO-03); the device list and the device's own view must show what pairing
 * answered.
 */
export function sameRegistration(
  view: string,
  got: { readonly registeredAt: number; readonly backupPath: string },
  paired: Pick<Device, 'registeredAt' | 'backupPath'>,
): void {
  if (got.registeredAt !== paired.registeredAt || got.backupPath !== paired.backupPath) {
    throw new Violation(
      ['STO-03'],
      `${view} with registeredAt ${got.registeredAt} and backupPath ${got.backupPath}; pairing answered ` +
        `registeredAt ${paired.registeredAt} and backupPath ${paired.backupPath}`,
    );
  }
}

/** Further from its expiry than this, a token's status cannot depend on how long a request took. */
const STATUS_MARGIN_MS = 5_000;

/**
 * PROTOCOL.md getPairing, which the desktop's pairing dialog polls to say "Device paired successfully" (PAIR-15):
 * a used token is `paired` with the device that used it; an unused one is `waiting` until its `expiresAt` and
 * `expired` from then on; the pairing keeps the mode and `expiresAt` its issue answered.
 */
async function verifyPairings(m: Model, r: Real): Promise<void> {
  const now = r.now();
  for (const t of m.tokens) {
    const got = await consoleOf(r.session).call('getPairing', { params: { pairingId: t.pairingId } });
    const status = t.deviceId
      ? 'paired'
      : now < t.expiresAt - STATUS_MARGIN_MS
        ? 'waiting'
        : now >= t.expiresAt + STATUS_MARGIN_MS
          ? 'expired'
          : got.status;
    const wanted = { pairingId: t.pairingId, mode: 'add', expiresAt: t.expiresAt, status, deviceId: t.deviceId };
    const shown = { pairingId: got.pairingId, mode: got.mode, expiresAt: got.expiresAt, status: got.status };
    if (JSON.stringify({ ...shown, deviceId: got.deviceId }) !== JSON.stringify(wanted)) {
      throw new Violation(
        ['PAIR-15'],
        `GET /v1/console/pairings/${t.pairingId} answers ${JSON.stringify(got)}; the pairing is ` +
          `${JSON.stringify(wanted)} (issued with expiresAt ${t.expiresAt}, the server's clock reads ${now})`,
      );
    }
  }
}

export function step(
  label: string,
  run: (m: Model, r: Real) => Promise<void>,
  check: (m: Model) => boolean = () => true,
) {
  return {
    check,
    async run(m: Model, r: Real) {
      await run(m, r);
      await verifyDeviceList(m, r);
      await verifyPairings(m, r);
    },
    toString: () => label,
  } satisfies Step;
}

/** "Add device": a token whose QR payload names this server, its edition and its actual ports. */
export async function issueToken(m: Model, r: Real): Promise<void> {
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
  const issuedBy = r.now();
  m.tokens.push({
    pairingId: answer.pairingId,
    token: answer.token,
    expiresAt: answer.expiresAt,
    issuedBy,
    used: false,
    expired: false,
  });
}
