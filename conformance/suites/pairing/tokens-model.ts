/**
 * The pairing model: tokens issued, devices paired and installations removed, as the desktop side and the app see
 * them; after every step the server's device list must hold exactly the model's devices under their names
 * (tokens-verify.ts).
 */
import type fc from 'fast-check';
import type { Static } from 'typebox';
import { decodePairingPayload } from '../../spec/protocol/pairing.js';
import type { ServerInfo } from '../../spec/protocol/resources.js';
import type { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import type { TargetSession } from '../../targets/target.js';
import { consoleOf } from '../../kit/server-support.js';
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
  /** What the steps since the last verify could have changed: the next verify reads those. */
  readonly touched: Touched;
}
export interface Touched {
  /**
   * A device was paired or removed, or a pairing was refused as paired already (a server may touch the listed device
   * even so): the device list is read.
   */
  devices: boolean;
  /** A device was removed: every remaining device's GET /v1/device is asked, since a removal revokes one key only. */
  everySelf: boolean;
  /** The pairings whose token a step issued, used or let expire. */
  readonly pairings: Set<string>;
  /** What GET /v1/device answered each device a step paired just now: its view need not be asked again. */
  readonly selves: Map<string, unknown>;
}

export const untouched = (): Touched => ({ devices: false, everySelf: false, pairings: new Set(), selves: new Map() });
export interface Real {
  readonly session: TargetSession;
  readonly info: Static<typeof ServerInfo>;
  readonly baseline: ReadonlySet<string>;
  readonly advance: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly paired: string[];
}
export type Step = fc.AsyncCommand<Model, Real>;

/** Two device names as long as PROTOCOL.md allows: 64 characters, the second 192 bytes of UTF-8. */
export const LONGEST_NAMES = [
  'Samsung Galaxy Tab S9 FE+ 5G, the living room tablet of Anna (2)',
  '山田花子のタブレット、リビングの二台目（家族で共有）山田花子のタブレット、リビングの二台目（家族で共有）山田花子のタブレット、リ',
] as const;

export const NAMES = [
  'iPhone6s',
  'Redmi Note 8',
  'ASUS_X00ID',
  'Téléphone de Zoé',
  '山田のiPhone',
  'Samsung Note 10',
  ...LONGEST_NAMES,
];
export const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

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

/** "Add device": a token whose QR payload names this server, its edition and its actual ports. */
export async function issueToken(m: Model, r: Real): Promise<void> {
  const answer = await consoleOf(r.session).call('createPairing', { body: { mode: 'add' } });
  const payload = decodePairingPayload(answer.payload);
  const { info } = r;
  const wanted = { edition: r.session.edition, server: info.serverId, tcp: info.tcpPort, udp: info.udpPort };
  const got = { edition: payload.edition, server: payload.server, tcp: payload.tcp, udp: payload.udp };
  const shown = [payload.tcp, payload.udp, answer.tcpPort, answer.udpPort];
  if (shown.join() !== [info.tcpPort, info.udpPort, info.tcpPort, info.udpPort].join()) {
    // The phone pairs with the ports the QR code names: others than the server's own send it elsewhere (NET-07).
    throw new Violation(
      ['NET-07'],
      `the pairing shows TCP ${answer.tcpPort}, UDP ${answer.udpPort} and its QR code TCP ${payload.tcp}, ` +
        `UDP ${payload.udp}; the server uses TCP ${info.tcpPort}, UDP ${info.udpPort}`,
    );
  }
  if (JSON.stringify(got) !== JSON.stringify(wanted)) {
    throw new Error(`the pairing QR says ${JSON.stringify(got)}; the server reports ${JSON.stringify(wanted)}`);
  }
  if (payload.token !== answer.token || payload.mode !== 'add' || payload.expires !== answer.expiresAt) {
    throw new Error(`the QR payload disagrees with the answer: ${answer.payload}`);
  }
  const issuedBy = r.now();
  m.touched.pairings.add(answer.pairingId);
  m.tokens.push({
    pairingId: answer.pairingId,
    token: answer.token,
    expiresAt: answer.expiresAt,
    issuedBy,
    used: false,
    expired: false,
  });
}
