/** What every service needs: the database, the data layout, the clock and the server's identity. */
import { createHash, randomBytes } from 'node:crypto';
import type { Edition } from '../../conformance/spec/editions.js';
import type { FaultSet, ServerFault } from '../../conformance/spec/faults.js';
import type { Clock } from '../clock.js';
import type { Db } from '../store/database.js';
import type { Layout } from '../storage/layout.js';

export interface ServerIdentity {
  readonly serverId: string;
  readonly name: string;
  readonly edition: Edition;
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
  /** Deliberate deviations for the kit's self-test (conformance/spec/faults.ts); absent in every normal server. */
  readonly faults?: FaultSet<ServerFault>;
}

/** Whether this server runs the named faulty variant. */
export function faulty(ctx: Pick<ServiceContext, 'faults'>, fault: ServerFault): boolean {
  return ctx.faults?.has(fault) ?? false;
}

export function newId(): string {
  return randomBytes(12).toString('base64url');
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
