/**
 * Which ports of a range are free on 127.0.0.1, found by binding them (the kit's own probe, so a check never takes
 * the server's word for it), and holding ports so that a server started next must move on.
 */
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:net';

export const LOOPBACK = '127.0.0.1';

export interface Range {
  readonly first: number;
  readonly last: number;
}

export interface Held {
  release(): Promise<void>;
}

function holdTcp(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    // A held port serves nothing: a client that connects (the kit looking for a server it started) is cut off at
    // once, and no open connection keeps release() waiting.
    const server = createServer((socket) => socket.destroy());
    server.once('error', () => resolve(undefined));
    server.listen({ host: LOOPBACK, port, exclusive: true }, () => resolve(server));
  });
}

function holdUdp(port: number): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = createSocket({ type: 'udp4', reuseAddr: false });
    socket.once('error', () => {
      socket.close();
      resolve(undefined);
    });
    socket.bind({ address: LOOPBACK, port, exclusive: true }, () => resolve(socket));
  });
}

/** Binds every free port of `ports` of one kind and keeps them until released. */
export async function hold(kind: 'tcp' | 'udp', ports: readonly number[]): Promise<Held & { ports: number[] }> {
  const servers: Server[] = [];
  const sockets: Socket[] = [];
  const held: number[] = [];
  for (const port of ports) {
    if (kind === 'tcp') {
      const server = await holdTcp(port);
      if (server) servers.push(server);
      if (server) held.push(port);
    } else {
      const socket = await holdUdp(port);
      if (socket) sockets.push(socket);
      if (socket) held.push(port);
    }
  }
  return {
    ports: held,
    async release() {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
      await Promise.all(sockets.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

/** Whether `port` can be bound now (bound and let go at once). */
export async function isFree(kind: 'tcp' | 'udp', port: number): Promise<boolean> {
  const probe = await hold(kind, [port]);
  await probe.release();
  return probe.ports.length === 1;
}

/** How long a check waits for a port another program holds to come free: client sockets hold theirs briefly. */
export const HELD_WAIT_MS = 5_000;
const HELD_POLL_MS = 100;

/**
 * Whether `port` comes free within HELD_WAIT_MS. The kernel hands client sockets local ports from the ranges the
 * editions use, so a port found held a moment ago is often free the next.
 */
export async function freeSoon(kind: 'tcp' | 'udp', port: number, waitMs = HELD_WAIT_MS): Promise<boolean> {
  for (let waited = 0; ; waited += HELD_POLL_MS) {
    if (await isFree(kind, port)) return true;
    if (waited >= waitMs) return false;
    await new Promise((resolve) => setTimeout(resolve, HELD_POLL_MS));
  }
}

/** The first port of the range, from `from` on, that can be bound now; undefined when none can. */
export async function firstFree(kind: 'tcp' | 'udp', range: Range, from = range.first): Promise<number | undefined> {
  for (let port = from; port <= range.last; port++) {
    if (await isFree(kind, port)) return port;
  }
  return undefined;
}

export function portsOf(range: Range): number[] {
  return Array.from({ length: range.last - range.first + 1 }, (_, i) => range.first + i);
}

export function inRange(port: number, range: Range): boolean {
  return Number.isInteger(port) && port >= range.first && port <= range.last;
}
