/**
 * Connection settings (seed 000 §6.2.1): locate the backup machine automatically by UDP discovery, or use a host
 * name or IP address the user typed. A bad address, or one where no server answers, gets the seed's message.
 */
import { isIP } from 'node:net';
import { ClientError, CLIENT_ERRORS } from '../../conformance/spec/errors.js';
import type { Edition } from '../../conformance/spec/editions.js';

export type ConnectionSetting = { readonly mode: 'auto' } | { readonly mode: 'manual'; readonly host: string };

const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

/** An IPv4 or IPv6 address, or an RFC 1123 host name; dotted numbers must be a valid IPv4 address. */
export function isValidHost(host: string): boolean {
  if (isIP(host) !== 0) return true;
  if (host.length === 0 || host.length > 253) return false;
  if (/^[\d.]+$/.test(host)) return false;
  return host.split('.').every((label) => LABEL.test(label));
}

/** The setting the app keeps once Save & Connect reached the paired server with `tried`: that one (PAIR-09). */
export function keptConnection(_before: ConnectionSetting, tried: ConnectionSetting): ConnectionSetting {
  return tried;
}

/**
 * The setting a phone keeps once a QR code paired it: the one it had, automatic mode on a new installation, so it
 * goes on finding the machine on the LAN wherever its address moves (PAIR-05); the QR's host is only the first.
 */
export function connectionAfterPairing(before: ConnectionSetting, _qrHost: string): ConnectionSetting {
  return before;
}

/** Why Save & Connect failed: a typed host that is no host name or address, or no paired server answering. */
export type ConnectFailure = 'malformed' | 'no-answer';

/** What Save & Connect fails with: the seed's message, whatever the cause (PAIR-08). */
export function connectFailure(host: string | undefined, _why: ConnectFailure): ClientError {
  return new ClientError('host-invalid', CLIENT_ERRORS['host-invalid'], host === undefined ? undefined : { host });
}

/**
 * The TCP port automatic mode dials once discovery answered: the one the answer gives (PAIR-06). A busy default
 * moves the server to the next free port of its range, so the edition's first port may be another program's.
 */
export function dialedPort(answered: number, _edition: Edition): number {
  return answered;
}

/** The connection screen while Save & Connect tries a host: the host field locked, and a status line (PAIR-07). */
export function whileConnecting(): { readonly hostLocked: boolean; readonly status: string } {
  return { hostLocked: true, status: 'Attempting to connect' };
}

export interface ConnectionRules {
  readonly connectFailure: typeof connectFailure;
  readonly dialedPort: typeof dialedPort;
  readonly whileConnecting: typeof whileConnecting;
}

export const CONNECTION_RULES: ConnectionRules = { connectFailure, dialedPort, whileConnecting };

/** The URL host part for an address (IPv6 in brackets). */
export function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}
