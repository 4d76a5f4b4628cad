/**
 * A vendor's server that does everything PROTOCOL.md allows, only otherwise than the reference: a proxy in front of
 * `mbsc serve` that rewrites every JSON answer as a server may. Each object of an answer that its schema leaves open
 * gains keys of its own (an error's included), every object's keys come in reverse order, the JSON is indented, the
 * media type says `charset=UTF-8`, the body is chunked, and extra headers come along. Listings come in pages of
 * at most 2 entries, whatever `limit` was asked for, with more to follow (PROTOCOL.md: a page may hold fewer than
 * `limit`): the proxy asks the server for 2, so `nextCursor` and `last` are the server's own for the entries kept.
 * The ports it answers on stand in for the server's, in `GET /v1/info`, pairing payloads and discovery answers
 * alike, so the simulated phones reach the server through it too.
 *
 * With `liberal: false` it rewrites nothing but those ports; with a `latency` it holds every answer (the discovery
 * answer too) as a slow vendor's server would (test/helpers/latency.ts), after the server has answered.
 */
import { createSocket, type Socket } from 'node:dgram';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { latencyOf, type Latency } from './latency.js';

export interface LiberalProxy {
  readonly url: string;
  readonly udpPort: number;
  close(): Promise<void>;
}

/** Listings paged by cursor (items, the desktop's view of them) or by `after` (push notifications): their top limit. */
const PAGED: readonly (readonly [RegExp, number])[] = [
  [/^\/v1\/items$/, 1000],
  [/^\/v1\/console\/devices\/[^/]+\/items$/, 1000],
  [/^\/v1\/pns\/notifications$/, 100],
];
const PAGE_SIZE = 2;

/** A listing's request asking for pages of at most PAGE_SIZE; any other request as it came. */
function shortPages(method: string | undefined, url = '/'): string {
  const parsed = new URL(url, 'http://proxy');
  const top = PAGED.find(([path]) => path.test(parsed.pathname))?.[1];
  if (method !== 'GET' || top === undefined || parsed.searchParams.getAll('limit').length > 1) return url;
  const asked = Number(parsed.searchParams.get('limit') ?? PAGE_SIZE);
  // A limit the server must refuse goes through as it came, so the refusal is the server's own.
  if (!/^\d+$/.test(parsed.searchParams.get('limit') ?? '1') || asked < 1 || asked > top) return url;
  parsed.searchParams.set('limit', String(Math.min(asked, PAGE_SIZE)));
  return parsed.pathname + parsed.search;
}

/** Objects the protocol closes ("No other keys are allowed") or that are maps: they gain no keys. */
const NO_EXTRA_KEYS = new Set(['meta', 'accounts', 'account', 'exif', 'details']);

export interface ProxyOptions {
  /** Rewrite answers as PROTOCOL.md allows (default), or only the ports. */
  readonly liberal?: boolean;
  readonly latency?: Latency;
  /** Where it listens (default: ports the system picks). */
  readonly tcpPort?: number;
  readonly udpPort?: number;
}

export async function startLiberalProxy(
  target: { url: string; udpPort: number },
  options: ProxyOptions = {},
): Promise<LiberalProxy> {
  const liberal = options.liberal ?? true;
  const wait = latencyOf(options.latency);
  const upstream = new URL(target.url);
  const ports = { from: { tcp: Number(upstream.port), udp: target.udpPort }, to: { tcp: 0, udp: 0 } };
  const rewrite = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string') {
      return value
        .replace(new RegExp(`([?&#])tcp=${ports.from.tcp}(?=&|$)`), `$1tcp=${ports.to.tcp}`)
        .replace(new RegExp(`([?&#])udp=${ports.from.udp}(?=&|$)`), `$1udp=${ports.to.udp}`);
    }
    if (key === 'tcpPort' && value === ports.from.tcp) return ports.to.tcp;
    if (key === 'udpPort' && value === ports.from.udp) return ports.to.udp;
    if (Array.isArray(value)) return value.map((v) => rewrite(v, key));
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value).map(([k, v]) => [k, rewrite(v, k)] as const);
    if (!liberal) return Object.fromEntries(entries);
    if (!NO_EXTRA_KEYS.has(key)) entries.push(['vendorNote', { build: 'x-1', beta: null }], ['zzVendor', 1]);
    return Object.fromEntries(entries.reverse());
  };

  const http = createServer((req, res) => forward(req, res));
  function forward(req: IncomingMessage, res: ServerResponse): void {
    const up = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: liberal ? shortPages(req.method, req.url) : req.url,
        headers: req.headers,
        // A connection of its own for each request: a kept-alive one the server closed after an early refusal would
        // be reset under the next request, and the proxy's own race would read as the vendor's.
        agent: false,
      },
      (answer) => void relay(answer, res),
    );
    up.on('error', () => res.destroy());
    up.on('continue', () => res.writeContinue());
    req.pipe(up);
  }
  async function relay(answer: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers: Record<string, string | string[] | undefined> = { ...answer.headers };
    for (const name of ['connection', 'keep-alive', 'transfer-encoding']) delete headers[name];
    if (liberal) Object.assign(headers, { 'cache-control': 'no-store', server: 'Vendor/9', 'x-request-id': 'r-1' });
    if (!(answer.headers['content-type'] ?? '').startsWith('application/json')) {
      answer.pause();
      await wait();
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of answer) chunks.push(chunk as Buffer);
    const json = rewrite(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    const text = liberal ? JSON.stringify(json, null, 2) + '\n' : JSON.stringify(json);
    delete headers['content-length'];
    await wait();
    if (liberal) headers['content-type'] = 'application/json; charset=UTF-8';
    res.writeHead(answer.statusCode ?? 502, headers);
    // Two writes without a length: node:http sends them chunked.
    res.write(text.slice(0, 1));
    res.end(text.slice(1));
  }
  http.on('checkContinue', forward);
  http.on('checkExpectation', forward);

  const udp = createSocket('udp4');
  let closed = false;
  udp.on('message', (message, from) => {
    const back: Socket = createSocket('udp4');
    const done = setTimeout(() => back.close(), 3000);
    back.on('message', (answer) => {
      clearTimeout(done);
      back.close();
      void wait().then(() => {
        // An answer held past the proxy's close goes nowhere.
        if (!closed) udp.send(JSON.stringify(rewrite(JSON.parse(answer.toString('utf8')))), from.port, from.address);
      });
    });
    back.send(message, target.udpPort, upstream.hostname);
  });

  await new Promise<void>((resolve) => http.listen(options.tcpPort ?? 0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => udp.bind(options.udpPort ?? 0, '127.0.0.1', resolve));
  ports.to.tcp = (http.address() as AddressInfo).port;
  ports.to.udp = udp.address().port;
  return {
    url: `http://127.0.0.1:${ports.to.tcp}`,
    udpPort: ports.to.udp,
    close: async () => {
      closed = true;
      udp.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
