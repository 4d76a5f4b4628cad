/**
 * UDP discovery from the app's side: sends a discovery request to every given port of a host (or a broadcast
 * address) and collects the answers until the deadline, or until one is enough. Bounded: one datagram per port, one
 * wait.
 */
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { EDITION_NAMES, EDITIONS, type Edition } from '../../conformance/spec/editions.js';
import { DiscoveryAnswer, parseDatagram, type DiscoveryRequest } from '../../conformance/spec/protocol/discovery.js';

/**
 * How long the app waits for a discovery answer from the server its QR names: a server that answers later is not
 * found. Long enough for a busy vendor's machine (a stalled disk, a loaded host), short enough for a person waiting.
 */
export const APP_DISCOVERY_WAIT_MS = 3000;

export interface DiscoverOptions {
  readonly host: string;
  readonly ports: readonly number[];
  readonly timeoutMs: number;
  readonly edition?: Edition;
  readonly broadcast?: boolean;
  /** Stops waiting as soon as an answer satisfies this (the app looking for one server it knows). */
  readonly enough?: (answer: Discovered) => boolean;
}

export interface Discovered extends DiscoveryAnswer {
  /** The address the answer came from. */
  readonly from: string;
}

/** Every UDP port of every edition's range (or of one edition). */
export function discoveryPorts(edition?: Edition): number[] {
  return (edition ? [edition] : EDITION_NAMES).flatMap((name) => {
    const { first, last } = EDITIONS[name].udp;
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  });
}

export function discoverServers(options: DiscoverOptions): Promise<Discovered[]> {
  const socket = createSocket('udp4');
  // Fresh for each request, not drawn from a run's seed: it only tells this request's answers from those of another
  // discovery on the same LAN (beside it, or an earlier run's), and nothing a check reports derives from it.
  const nonce = randomBytes(9).toString('base64url');
  const found = new Map<string, Discovered>();
  return new Promise((resolve, reject) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      socket.close();
      resolve([...found.values()].sort((a, b) => a.tcpPort - b.tcpPort));
    };
    socket.on('error', (error) => {
      socket.close();
      reject(error);
    });
    socket.on('message', (message, remote) => {
      const answer = parseDatagram(DiscoveryAnswer, message);
      if (!answer || answer.nonce !== nonce) return;
      const discovered = { ...answer, from: remote.address };
      found.set(`${answer.serverId}`, discovered);
      if (options.enough?.(discovered)) finish();
    });
    socket.bind(0, () => {
      if (options.broadcast) socket.setBroadcast(true);
      const request: DiscoveryRequest = {
        type: 'mbs.discover',
        v: 1,
        nonce,
        ...(options.edition ? { edition: options.edition } : {}),
      };
      const bytes = Buffer.from(JSON.stringify(request));
      for (const port of options.ports) socket.send(bytes, port, options.host, () => undefined);
      setTimeout(finish, options.timeoutMs).unref();
    });
  });
}
