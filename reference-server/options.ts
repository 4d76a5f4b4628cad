/** Options of the reference server and their defaults. */
import { networkInterfaces } from 'node:os';
import type { Edition } from '../conformance/spec/editions.js';
import type { ServerFault } from '../conformance/spec/faults.js';
import type { Clock } from './clock.js';
import type { AppendStepHook } from './services/append-steps.js';

export interface ServerOptions {
  readonly edition: Edition;
  readonly dataDir: string;
  /** Address to bind, TCP and UDP. Default 0.0.0.0: devices reach the server over the LAN. */
  readonly host?: string;
  /** Explicit ports; 0 asks the OS. Without them the edition's default, or the next free one in its range. */
  readonly tcpPort?: number;
  readonly udpPort?: number;
  /** Host put in the pairing QR and discovery answers. Default: the bound address, or this machine's LAN address. */
  readonly advertisedHost?: string;
  readonly name?: string;
  /** The desktop-program version the server states and keeps to (default 4.5.4.0): 2FA from 4.3.0.0, migration from 4.5.4.0. */
  readonly desktopVersion?: string;
  /** What the server's clock reads beneath the conformance offset (default: the wall clock). */
  readonly clock?: Clock;
  /**
   * Started for conformance testing: `GET /v1/info` lists the "conformance-clock" capability and the console may
   * move the server's clock (conformance/spec/protocol/conformance-clock.ts). Default off: the routes are refused.
   */
  readonly conformanceClock?: boolean;
  /** With the conformance clock: it stands still at a fixed instant and only the console moves it (clock.ts). */
  readonly frozenClock?: boolean;
  readonly pairingTtlMs?: number;
  /** Key of the desktop-side (console) routes; default: generated once and kept in the data directory. */
  readonly consoleKey?: string;
  readonly bodyLimit?: number;
  readonly logger?: boolean;
  /** 2FA push requests carry a number the user matches in the app (beyond the seeds). Default off. */
  readonly pushNumberMatching?: boolean;
  /** URLs that take SMS and e-mail messages as JSON POSTs; without one, that channel's messages go to the outbox. */
  readonly smsWebhook?: string;
  readonly emailWebhook?: string;
  /**
   * The push notification service: each 2FA push request is POSTed there as JSON. Without one the app fetches its
   * notifications from the server, and the service is always reachable.
   */
  readonly pushWebhook?: string;
  /** How long the SMS, e-mail and push webhooks may take to answer before the message counts as failed (10 s). */
  readonly gatewayTimeoutMs?: number;
  /**
   * Bytes the data directory may hold, for a machine where the kit cannot mount a small disk: an item's bytes past
   * it are refused as a full disk refuses them (storage/disk-quota.ts). Default: no quota.
   */
  readonly diskQuota?: number;
  /**
   * For conformance testing only: the server dies with SIGKILL at a crash point the kit arms by a file in the data
   * directory (conformance/spec/crash-points.ts). Default off.
   */
  readonly crashPoints?: boolean;
  /** For the server's own tests only, never a command's option: awaited at each step of an append. Default none. */
  readonly appendSteps?: AppendStepHook;
  /** Faulty variants to run, for the kit's self-test only (conformance/spec/faults.ts). Default none. */
  readonly faults?: readonly ServerFault[];
}

export const DEFAULT_PAIRING_TTL_MS = 10 * 60 * 1000;
export const DEFAULT_BODY_LIMIT = 16 * 1024 * 1024;

export function defaultAdvertisedHost(bindHost: string): string {
  if (bindHost !== '0.0.0.0' && bindHost !== '::') return bindHost;
  for (const addresses of Object.values(networkInterfaces())) {
    const lan = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (lan) return lan.address;
  }
  return '127.0.0.1';
}
