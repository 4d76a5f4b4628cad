/**
 * What the server-scope checks share: pairing a fresh device through the protocol, expecting a refusal with a given
 * code, deterministic item bytes, and moving a controlled server's clock (and putting it back afterwards, since the
 * session and its clock are shared with every later check of the edition).
 */
import { createHash, randomBytes } from 'node:crypto';
import { ClientError, MbsError, type ErrorCode } from '../spec/errors.js';
import type { Edition } from '../spec/editions.js';
import type { ItemKind } from '../spec/file-types.js';
import type { ItemMeta } from '../spec/protocol/resources.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { cellContent } from './cell-draws.js';
import type { TargetClock, TargetSession } from '../targets/target.js';
import { REASONS } from './applies.js';
import { Untestable } from './check.js';
import { setup } from './setup.js';
import { trimMiddle } from './trim-middle.js';
import { taggedName } from './device-names.js';
import { pairPastLeftovers } from './leftover-devices.js';

export { removeLeftovers, removeQuietly } from './leftover-devices.js';

export interface PairedDevice {
  readonly client: MbsClient;
  readonly deviceId: string;
  readonly installId: string;
  /** The name the device was paired under: the one the check gave, with a tag of the cell (device-names.ts). */
  readonly name: string;
  readonly platform: 'android' | 'ios';
  readonly backupPath: string;
  readonly registeredAt: number;
}

/**
 * An installation id: drawn from the cell's content when a cell runs, so a seed sends the same ones (a rerun against
 * a server that kept them meets them paired: leftover-devices.ts).
 */
export function newInstallId(): string {
  return cellContent()?.id(9) ?? randomBytes(9).toString('base64url');
}

export function identity(name: string, platform: 'android' | 'ios', installId = newInstallId()) {
  return {
    name,
    model: platform === 'android' ? 'Redmi Note 8' : 'iPhone 6s',
    platform,
    osVersion: platform === 'android' ? '11' : '15.4',
    installId,
  };
}

/**
 * The rules a pairing shows by itself: "Add or migrate device" offers to add one, and its QR code's token registers
 * the device. A check covering them fails them when pairing a device for it fails; any other check errors.
 */
export const PAIRING_RULES = ['PAIR-01', 'PAIR-02'] as const;

/** Pairs a new device the way the app does after scanning an "add" QR code: the setup of a server check. */
export function pairDevice(
  session: TargetSession,
  name: string,
  platform: 'android' | 'ios' = 'android',
): Promise<PairedDevice> {
  return setup('pairing a device for the check', PAIRING_RULES, () =>
    pairScanned(session, { mode: 'add' }, name, platform),
  );
}

/**
 * Pairs a replacement for `originalDeviceId` the way the app does after scanning a "migrate" QR code. Not a setup:
 * the checks that migrate test what the migration does.
 */
export function migrateDevice(
  session: TargetSession,
  originalDeviceId: string,
  name: string,
  platform: 'android' | 'ios' = 'android',
): Promise<PairedDevice> {
  return pairScanned(session, { mode: 'migrate', originalDeviceId }, name, platform);
}

/** Pairs a device named `name` (tagged) by a QR code's token; past an earlier run's leftovers (leftover-devices.ts). */
async function pairScanned(
  session: TargetSession,
  body: { mode: 'add' } | { mode: 'migrate'; originalDeviceId: string },
  name: string,
  platform: 'android' | 'ios',
): Promise<PairedDevice> {
  const device = identity(taggedName(name), platform);
  const attempt = async (): Promise<PairedDevice> => {
    const pairing = await consoleOf(session).call('createPairing', { body });
    const client = new MbsClient({ baseUrl: session.url });
    const paired = await client.call('pair', { body: { token: pairing.token, edition: session.edition, device } });
    client.deviceKey = paired.deviceKey;
    return { client, ...paired, name: device.name, installId: device.installId, platform };
  };
  return pairPastLeftovers(session, device.name, attempt, (paired) => paired.deviceId);
}

export function consoleOf(session: TargetSession): MbsClient {
  if (!session.console) throw new ClientError('not-paired', REASONS.console);
  return session.console;
}

/** Awaits a call that must be refused with one of `codes`; the answer's status was checked by the client. */
export async function refused(call: Promise<unknown>, codes: readonly ErrorCode[], what: string): Promise<MbsError> {
  let result: unknown;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof MbsError && codes.includes(error.code)) return error;
    // Only the target's answers are its refusal: an exception of the kit's own code stays what it is.
    if (!(error instanceof MbsError || error instanceof ClientError)) throw error;
    throw new Error(`${what}: expected ${codes.join(' or ')}, got ${error.code}: ${error.message}`, { cause: error });
  }
  throw new Error(`${what}: expected ${codes.join(' or ')}, but it succeeded: ${brief(result)}`);
}

/** A value for a message, cut in its middle when long, so that a message's later values (the expected) remain. */
export function brief(value: unknown): string {
  return trimMiddle(JSON.stringify(value) ?? String(value), 300);
}

export { canonical } from './check-oracles.js';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Deterministic bytes: the same seed always gives the same content (xorshift32). */
export function bytesOf(seed: number, size: number): Buffer {
  const out = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const EXTENSIONS: Record<ItemKind, readonly string[]> = {
  photo: ['jpg', 'PNG', 'heic', 'Gif'],
  video: ['mp4', 'MOV', 'mkv'],
  document: ['pdf', 'docx', 'mp3'],
};

/** Metadata of an item named `<stem>.<ext>` of `kind`, with the path an Android device would give it. */
export function metaOf(kind: ItemKind, stem: string, variant = 0): ItemMeta {
  const choices = EXTENSIONS[kind];
  const name = `${stem}.${choices[variant % choices.length] as string}`;
  const folder = kind === 'document' ? 'Documents' : 'DCIM/Camera';
  return { kind, name, path: `/storage/emulated/0/${folder}/${name}`, capturedAt: Date.UTC(2021, 6, 19) };
}

/** Runs `body` with a clock it may move forward, and moves it back by as much afterwards. */
export async function withClock<T>(
  clock: TargetClock | undefined,
  body: (advance: (ms: number) => Promise<void>) => Promise<T>,
): Promise<T> {
  let moved = 0;
  try {
    return await body(async (ms) => {
      if (!clock) throw new Untestable(REASONS.clock);
      await clock.advance(ms);
      moved += ms;
    });
  } finally {
    if (clock && moved !== 0) await clock.advance(-moved);
  }
}

export function otherEdition(edition: Edition): Edition {
  return edition === 'home' ? 'pro' : 'home';
}
