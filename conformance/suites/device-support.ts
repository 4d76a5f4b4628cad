/**
 * What the device-scope suites share: where a check applies (platform, SD card, an OS the app installs on, a server
 * the runner controls, an edition with 2FA), a paired simulated device built for fast checks (small upload chunks,
 * automated backup off), media of any kind, and a tap on the app's client that records what crossed the wire and
 * can interrupt a job after its n-th append or download, so that no check needs a sleep.
 */
import { createHmac } from 'node:crypto';
import type { Static } from 'typebox';
import type { ItemKind } from '../spec/file-types.js';
import type { Item } from '../spec/protocol/resources.js';
import { APPLIES, type Applicability, type Column } from '../framework/check.js';
import { needsPairing } from '../framework/device-world.js';
import { Violation } from '../framework/violation.js';
import type { TargetSession } from '../targets/target.js';
import type { MobileApp } from '../../simulators/app/mobile-app.js';
import { isOsSupported } from '../../simulators/app/os-support.js';
import { VirtualClock } from '../../simulators/clock/virtual-clock.js';
import type { DeviceSpec, Platform } from '../../simulators/device/device-spec.js';
import type { MediaInit, MediaItem, MediaOrigin, StorageArea } from '../../simulators/device/media.js';
import { SimulatedDevice } from '../../simulators/device/simulated-device.js';

export type ServerItem = Static<typeof Item>;

/** Upload chunk of the checks' apps: KB-sized items then take a few appends, so a job can stop inside one. */
export const CHUNK = 1024;

export interface Needs {
  /** False for checks of the app alone, which pair with no server (they run without a console key too). */
  readonly pairs?: boolean;
  readonly platform?: Platform;
  readonly sdCard?: boolean;
  /** The check reads the server's files or moves its clock. */
  readonly controlled?: boolean;
  readonly twoFactor?: boolean;
}

/** Device checks apply where a device pairs and the app installs, and where the check's needs are met. */
export function deviceNeeds(needs: Needs = {}): (column: Column, session: TargetSession) => Applicability {
  return (column, session) => {
    const pairing = needsPairing(column, session);
    if (!pairing.applies && (needs.pairs !== false || !column.profile)) return pairing;
    const profile = column.profile as DeviceSpec;
    if (!isOsSupported(profile.platform, profile.osVersion)) {
      const os = profile.platform === 'android' ? 'Android' : 'iOS';
      return { applies: false, reason: `the app does not install on ${os} ${profile.osVersion} (see PLAT-01/02)` };
    }
    if (needs.platform && profile.platform !== needs.platform) {
      return { applies: false, reason: `applies to ${needs.platform === 'android' ? 'Android' : 'iOS'} only` };
    }
    if (needs.sdCard && !profile.sdCardBytes) return { applies: false, reason: `${profile.id} has no SD card` };
    if (needs.controlled && !session.dataDir) {
      return { applies: false, reason: 'needs a server the runner controls (its data directory and clock)' };
    }
    if (needs.twoFactor && session.edition === 'home') {
      return { applies: false, reason: '2FA is not offered on the Home edition' };
    }
    return APPLIES;
  };
}

export interface World {
  readonly clock: VirtualClock;
  readonly device: SimulatedDevice;
  readonly app: MobileApp;
  readonly wire: Wire;
}

export interface WorldOptions {
  readonly overrides?: Partial<DeviceSpec>;
  /** Runs on the new device before the app is installed (setup language, permission answers). */
  readonly before?: (device: SimulatedDevice) => void;
  readonly version?: string;
  readonly pair?: boolean;
}

let worlds = 0;

/**
 * A simulated device of the profile with the app installed and (unless told otherwise) paired. Its name carries a
 * serial number: checks run side by side, and two devices of one name paired in the same millisecond make the
 * reference server answer 500 (both get the same backup folder).
 */
export async function newWorld(session: TargetSession, profile: DeviceSpec, options: WorldOptions = {}) {
  const clock = new VirtualClock();
  const name = `${profile.name.slice(0, 50)} ${++worlds}`;
  const device = new SimulatedDevice(
    { ...profile, name, battery: { level: 80, charging: false }, ...options.overrides },
    clock,
  );
  options.before?.(device);
  const app = session.app.install(device, {
    discoveryHost: session.host,
    chunkBytes: CHUNK,
    ...(options.version ? { version: options.version } : {}),
  });
  app.updateSettings({ automatedBackup: false });
  if (options.pair !== false) await pairApp(session, app);
  return { clock, device, app, wire: options.pair === false ? new Wire() : tapWire(app) } satisfies World;
}

export async function pairApp(session: TargetSession, app: MobileApp, originalDeviceId?: string): Promise<void> {
  const body = originalDeviceId ? { mode: 'migrate' as const, originalDeviceId } : { mode: 'add' as const };
  const pairing = await session.console!.call('createPairing', { body });
  await app.scanQr(pairing.payload);
}

/** A phone of the other platform, for migrations across platforms. */
export function phoneOf(platform: Platform): DeviceSpec {
  const common = {
    storageBytes: 64 * 1e9,
    systemBytes: 20 * 1e9,
    camera: true,
    battery: { level: 80, charging: false },
  };
  return platform === 'ios'
    ? {
        ...common,
        id: 'spare-iphone',
        name: 'iPhone 13',
        model: 'iPhone 13',
        platform,
        osVersion: '17.5',
        screenLock: 'passcode',
        biometric: 'face',
      }
    : {
        ...common,
        id: 'spare-android',
        name: 'Redmi Note 8',
        model: 'Redmi Note 8',
        platform,
        osVersion: '13',
        screenLock: 'pin',
        biometric: 'fingerprint',
      };
}

export interface MediaSpec {
  readonly name: string;
  readonly size?: number;
  readonly capturedAt?: number;
  readonly storage?: StorageArea;
  readonly origin?: MediaOrigin;
  readonly exif?: Record<string, string>;
  readonly folder?: string;
  readonly album?: string;
  /** Same bytes as an earlier item: a copy. */
  readonly contentSeed?: number;
}

let nextSeed = 7_000_000 + Math.floor(Math.random() * 1_000_000) * 100;

export const DAY = 86_400_000;
export const BASE_DATE = Date.UTC(2021, 3, 19, 12);

/** Where a file of this name lives on the platform and storage area. */
export function pathFor(platform: Platform, spec: MediaSpec): string {
  if (platform === 'ios') return `/var/mobile/Media/DCIM/100APPLE/${spec.name}`;
  const root = spec.storage === 'sd' ? '/storage/1A2B-3C4D' : '/storage/emulated/0';
  return `${root}/${spec.folder ?? 'DCIM/Camera'}/${spec.name}`;
}

export function mediaInit(platform: Platform, spec: MediaSpec): MediaInit {
  const capturedAt = spec.capturedAt ?? BASE_DATE;
  return {
    name: spec.name,
    path: pathFor(platform, spec),
    size: spec.size ?? 1500,
    contentSeed: spec.contentSeed ?? nextSeed++,
    album: spec.album ?? 'Camera',
    capturedAt,
    modifiedAt: capturedAt + 60_000,
    exif: spec.exif ?? {},
    storage: spec.storage ?? 'internal',
    origin: spec.origin ?? 'device',
  };
}

export function addMedia(device: SimulatedDevice, spec: MediaSpec): MediaItem {
  return device.addMedia(mediaInit(device.platform, spec));
}

export function newContentSeed(): number {
  return nextSeed++;
}

/** Every item the server lists for the device, in all tabs. */
export async function serverItems(app: MobileApp): Promise<ServerItem[]> {
  const items: ServerItem[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: ServerItem[]; nextCursor: string | null } = await app.client().call('listItems', {
      query: { limit: 1000, ...(cursor ? { cursor } : {}) },
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export function kindCounts(kinds: readonly ItemKind[]): Record<ItemKind, number> {
  const counts = { photo: 0, video: 0, document: 0 };
  for (const kind of kinds) counts[kind] += 1;
  return counts;
}

/** Throws a Violation naming `requirements` unless `actual` and `expected` are equal as JSON. */
export function expectEqual(requirements: readonly string[], what: string, actual: unknown, expected: unknown): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Violation(requirements, `${what}: got ${a}, expected ${e}`);
}

export function expectTrue(requirements: readonly string[], condition: boolean, message: string): void {
  if (!condition) throw new Violation(requirements, message);
}

export const sorted = (values: Iterable<string>): string[] => [...values].sort();

/** One append the app sent: which item, from where, how many bytes. */
export interface Append {
  readonly sha256: string;
  readonly offset: number;
  readonly length: number;
}

/** What crossed the wire between the app and the server, with hooks that fire after each append or download. */
export class Wire {
  readonly appends: Append[] = [];
  /** Appends the server refused (their bytes crossed the wire all the same). */
  readonly refused: Append[] = [];
  readonly downloads: string[] = [];
  afterAppend: ((count: number) => void) | undefined;
  afterDownload: ((count: number) => void) | undefined;
  /** Appends and downloads since the hooks were last armed. */
  private appendCount = 0;
  private downloadCount = 0;

  arm(hooks: { afterAppend?: (count: number) => void; afterDownload?: (count: number) => void }): void {
    this.appendCount = 0;
    this.downloadCount = 0;
    this.afterAppend = hooks.afterAppend;
    this.afterDownload = hooks.afterDownload;
  }

  disarm(): void {
    this.afterAppend = undefined;
    this.afterDownload = undefined;
  }

  appended(append: Append): void {
    this.appends.push(append);
    this.afterAppend?.(++this.appendCount);
  }

  downloaded(sha256: string): void {
    this.downloads.push(sha256);
    this.afterDownload?.(++this.downloadCount);
  }
}

/** Wraps the paired app's client so that every append and download is recorded on a Wire. */
export function tapWire(app: MobileApp): Wire {
  const wire = new Wire();
  const client = app.client();
  const uploads = new Map<string, string>();
  const call = client.call.bind(client);
  client.call = (async (name: Parameters<typeof call>[0], input?: Parameters<typeof call>[1]) => {
    const out = await call(name, input);
    if (name === 'createUpload') {
      const created = out as { status: string; upload?: { uploadId: string; sha256: string } };
      if (created.upload) uploads.set(created.upload.uploadId, created.upload.sha256);
    }
    return out;
  }) as typeof client.call;
  const append = client.append.bind(client);
  client.append = async (uploadId, offset, bytes, length) => {
    // Bytes cross the wire whether or not the server takes them: an append is recorded before its answer.
    const size = Buffer.isBuffer(bytes) ? bytes.length : (length ?? 0);
    const sent = { sha256: uploads.get(uploadId) ?? uploadId, offset, length: size };
    try {
      const result = await append(uploadId, offset, bytes, length);
      wire.appended(sent);
      return result;
    } catch (error) {
      wire.refused.push(sent);
      throw error;
    }
  };
  const download = client.download.bind(client);
  client.download = async (sha256, start) => {
    const bytes = await download(sha256, start);
    wire.downloaded(sha256);
    return bytes;
  };
  return wire;
}

/** No byte of any item went twice: each item's appends follow one another from where the last one ended. */
export function wireSentNothingTwice(wire: Wire): string | undefined {
  const refused = wire.refused[0];
  if (refused) {
    return `the server refused ${refused.length} bytes of ${refused.sha256.slice(0, 12)} sent at offset ${refused.offset}`;
  }
  const end = new Map<string, number>();
  for (const a of wire.appends) {
    const sent = end.get(a.sha256) ?? 0;
    if (a.offset !== sent) {
      return `bytes ${a.offset}-${a.offset + a.length} of ${a.sha256.slice(0, 12)} were sent after byte ${sent}`;
    }
    end.set(a.sha256, sent + a.length);
  }
  return undefined;
}

/** RFC 6238 (SHA1, 6 digits, 30 s), written here so that the checks do not trust the app's own TOTP code. */
export function totp(secretBase32: string, epochMs: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secretBase32.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(epochMs / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
