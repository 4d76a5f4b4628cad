/** What every service needs: the database, the data layout, the clock, the server's identity and its rules. */
import { hash } from 'node:crypto';
import type { Edition } from '../../conformance/spec/editions.js';
import type { Clock } from '../clock.js';
import type { ServerRules } from '../server-rules.js';
import type { Db } from '../store/db.js';
import { randomBytesOf } from './randomness.js';
import type { Layout } from '../storage/layout.js';
import type { CrashPointHook } from '../storage/crash-point.js';
import type { AppendStepHook } from './append-steps.js';

export interface ServerIdentity {
  readonly serverId: string;
  readonly name: string;
  readonly edition: Edition;
  /** The desktop program's version, stated in `GET /v1/info` (conformance/spec/versions.ts). */
  readonly desktopVersion: string;
  /** The host name or address the server tells devices to use. */
  readonly advertisedHost: string;
  tcpPort: number;
  udpPort: number;
}

export interface ServiceContext {
  readonly db: Db;
  readonly layout: Layout;
  readonly clock: Clock;
  readonly identity: ServerIdentity;
  readonly pairingTtlMs: number;
  /** The rules the server was started with: straight, unless the kit's self-test bent one (server-rules.ts). */
  readonly rules: ServerRules;
  /** For conformance testing only: dies at an armed crash point (storage/crash-point.ts); absent, nothing happens. */
  readonly crashPoint?: CrashPointHook;
  /** For the server's own tests only: awaited at each step of an append (append-steps.ts); absent, none waits. */
  readonly appendStep?: AppendStepHook;
}

export function newId(): string {
  return randomBytesOf(12).toString('base64url');
}

export function newSecret(): string {
  return randomBytesOf(32).toString('base64url');
}

/** SHA-256 in hex. One call, without a Hash object: every authenticated request hashes its key. */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}
