/**
 * Port choice (seed 000 §2.5): the edition's default port, or the next free one in its range when it is taken.
 * An explicitly requested port is used as given and fails fast when busy.
 * The server's own listeners try each port themselves and keep the first they get: a port found free and then
 * listened on later could be taken in between by a neighbour starting at the same moment, and the two would then
 * fight for one port (or a restarted server would land where a client expects another).
 */
import { createSocket, type Socket } from 'node:dgram';
import { createServer } from 'node:net';
import { EDITIONS, type Edition } from '../../conformance/spec/editions.js';

export interface PortRange {
  readonly first: number;
  readonly last: number;
}

/** The code of a start that found no free port: kept when the error crosses from the servers' thread. */
export const NO_FREE_PORT = 'ENOFREEPORT';

export class NoFreePortError extends Error {
  readonly code = NO_FREE_PORT;
  constructor(kind: 'TCP' | 'UDP', host: string, range: PortRange) {
    super(`No free ${kind} port on ${host} in ${range.first}-${range.last}.`);
    this.name = 'NoFreePortError';
  }
}

/** The error when no port is left: the range searched, or the one port asked for. */
function noFreePort(kind: 'TCP' | 'UDP', host: string, range: PortRange, explicit: number | undefined) {
  return new NoFreePortError(kind, host, explicit === undefined ? range : { first: explicit, last: explicit });
}

/** Where the edition's server looks for its TCP port (seed 000 §2.5). */
export function editionTcpRange(edition: Edition): PortRange {
  return EDITIONS[edition].tcp;
}

/** Where the edition's server looks for its UDP (discovery) port: a port space of its own (seed 000 §2.5). */
export function editionUdpRange(edition: Edition): PortRange {
  return EDITIONS[edition].udp;
}

function candidates(range: PortRange, explicit: number | undefined): number[] {
  if (explicit !== undefined) return [explicit];
  return Array.from({ length: range.last - range.first + 1 }, (_, i) => range.first + i);
}

/** An error of listen() that leaves the next port of the range worth trying: the port is taken. */
function portTaken(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}

/**
 * Listens with `listen` on the first port of the range it can take (or the explicit one; 0 asks the OS) and
 * resolves with the port it listens on. Only a taken port moves on to the next; any other error ends the search.
 */
export async function listenInRange(
  host: string,
  range: PortRange,
  explicit: number | undefined,
  listen: (port: number) => Promise<number>,
): Promise<number> {
  for (const port of candidates(range, explicit)) {
    try {
      return await listen(port);
    } catch (error) {
      if (!portTaken(error)) throw error;
    }
  }
  throw noFreePort('TCP', host, range, explicit);
}

function tcpPortFree(host: string, port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(undefined));
    probe.listen({ host, port, exclusive: true }, () => {
      const address = probe.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      probe.close(() => resolve(bound));
    });
  });
}

/**
 * The first TCP port of the range (or the explicit one; 0 asks the OS) that is free on `host` now, for a port handed
 * to another program (a container's published port); a listener of the kit's own takes its port with listenInRange.
 */
export async function findTcpPort(host: string, range: PortRange, explicit?: number): Promise<number> {
  for (const port of candidates(range, explicit)) {
    // Port 0 is resolved by the listener itself, not the probe.
    if (port === 0) return 0;
    const free = await tcpPortFree(host, port);
    if (free !== undefined) return free;
  }
  throw noFreePort('TCP', host, range, explicit);
}

/** Binds a UDP socket to the first free port of the range (or the explicit one; 0 asks the OS). */
export async function bindUdp(host: string, range: PortRange, explicit?: number): Promise<Socket> {
  for (const port of candidates(range, explicit)) {
    const socket = createSocket({ type: host.includes(':') ? 'udp6' : 'udp4', reuseAddr: false });
    const bound = await new Promise<boolean>((resolve) => {
      socket.once('error', () => resolve(false));
      socket.bind({ address: host, port, exclusive: true }, () => resolve(true));
    });
    if (bound) return socket;
    socket.close();
  }
  throw noFreePort('UDP', host, range, explicit);
}
