/**
 * A loopback TCP proxy between the kit and a server, the nemesis's hand on the network: it passes bytes both ways
 * unless a fault is armed for the next request. A cut request reaches the server only up to a point (nothing, or
 * its headers and some of its body) before both connections close; a dropped answer reaches the server whole and
 * its answer is thrown away; a slow answer waits before it goes back; a partition cuts every request until healed.
 * Requests on one connection follow each other (HTTP/1.1 without pipelining), so a request begins with the first
 * bytes the client sends after the server last answered on that connection.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export type NetFault =
  /** The server gets none of the request (`bodyBytes` undefined) or its headers and that many body bytes. */
  | { readonly kind: 'cut-request'; readonly bodyBytes?: number }
  | { readonly kind: 'drop-answer' }
  | { readonly kind: 'slow-answer'; readonly delayMs: number };

export class FaultProxy {
  private armed: NetFault | undefined;
  private partitioned = false;
  private upstream: URL;
  private readonly sockets = new Set<Socket>();
  /** Faults that took effect: a request they met. */
  injected = 0;

  private constructor(
    private readonly server: Server,
    target: string,
  ) {
    this.upstream = new URL(target);
  }

  static async start(target: string): Promise<FaultProxy> {
    const server = createServer((client) => proxy.accept(client));
    const proxy = new FaultProxy(server, target);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    const address = this.server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  /** Where requests go from now on (a restarted server may listen elsewhere). */
  retarget(target: string): void {
    this.upstream = new URL(target);
  }

  /** Arms a fault for the next request that begins (undefined disarms). */
  arm(fault: NetFault | undefined): void {
    this.armed = fault;
  }

  partition(on: boolean): void {
    this.partitioned = on;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: Socket): Socket {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    return socket;
  }

  private accept(client: Socket): void {
    this.track(client);
    const server = this.track(connect(Number(this.upstream.port), this.upstream.hostname));
    const closeBoth = () => {
      client.destroy();
      server.destroy();
    };
    // A slow answer still on its way when the server closes (after `Connection: close`) is delivered first.
    let delivering = Promise.resolve();
    client.on('close', () => server.destroy());
    server.on('close', () => void delivering.then(() => client.destroy()));
    let answered = true;
    let current: NetFault | undefined;
    let sent = 0;
    let headersEnd = -1;
    let head = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      if (answered) {
        answered = false;
        current = this.partitioned ? { kind: 'cut-request' } : this.armed;
        this.armed = undefined;
        if (current) this.injected += 1;
        sent = 0;
        headersEnd = -1;
        head = Buffer.alloc(0);
      }
      if (current?.kind !== 'cut-request') return void server.write(chunk);
      if (current.bodyBytes === undefined) return closeBoth();
      if (headersEnd < 0) {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        headersEnd = end + 4;
        chunk = head;
      }
      const allowed = headersEnd + current.bodyBytes - sent;
      server.write(chunk.subarray(0, Math.max(0, allowed)));
      sent += Math.min(chunk.length, Math.max(0, allowed));
      // The bytes go out before both ends close, so the server has them as a broken connection leaves them.
      if (chunk.length >= allowed) server.end(() => setTimeout(closeBoth, 50));
    });
    server.on('data', (chunk: Buffer) => {
      answered = true;
      if (current?.kind === 'drop-answer') return closeBoth();
      if (current?.kind === 'slow-answer') {
        const { delayMs } = current;
        server.pause();
        delivering = new Promise((resolve) =>
          setTimeout(() => {
            client.write(chunk, () => resolve());
            server.resume();
          }, delayMs),
        );
        return;
      }
      client.write(chunk);
    });
  }
}
