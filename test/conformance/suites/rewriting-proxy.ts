/**
 * A tiny HTTP proxy on 127.0.0.1 in front of a real server, that breaks one rule by rewriting some answers: the
 * "non-conforming server" the suites must catch. Request bodies stream through as they come (so a connection the
 * client drops mid-append is dropped upstream too); answers are buffered and offered to the rewrite hook.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';

export interface Exchange {
  readonly method: string;
  /** Path and query as the client sent them. */
  readonly url: string;
  readonly requestHeaders: IncomingHttpHeaders;
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** Another request to the real server, e.g. to read state the rewrite needs. */
  upstream(method: string, url: string, headers?: Record<string, string>): Promise<{ status: number; body: Buffer }>;
}

export type Rewrite = (exchange: Exchange) => Promise<{ status: number; body: Buffer | string } | undefined>;

export interface Proxy {
  readonly url: string;
  /** How many answers the hook rewrote. */
  readonly rewritten: () => number;
  close(): Promise<void>;
}

function forward(
  target: URL,
  method: string,
  url: string,
  headers: IncomingHttpHeaders,
  body?: NodeJS.ReadableStream,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method,
        path: url,
        headers: { ...headers, host: target.host },
        agent: false,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (c: Buffer) => chunks.push(c));
        incoming.on('error', reject);
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    outgoing.on('error', reject);
    if (body) {
      body.pipe(outgoing);
      // A client that drops mid-body drops the upstream request with it.
      body.on('close', () => {
        if (!(body as { complete?: boolean }).complete) outgoing.destroy();
      });
    } else outgoing.end();
  });
}

export async function startProxy(targetUrl: string, rewrite: Rewrite): Promise<Proxy> {
  const target = new URL(targetUrl);
  let rewritten = 0;
  const server: Server = createServer(handle);
  // Node answers an unknown Expect header itself, with no body; the server behind must answer it instead.
  server.on('checkExpectation', handle);
  function handle(req: IncomingMessage, res: ServerResponse): void {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    forward(target, method, url, req.headers, req)
      .then(async (answer) => {
        const upstream = async (m: string, u: string, h: Record<string, string> = {}) => {
          const r = await forward(target, m, u, h);
          return { status: r.status, body: r.body };
        };
        const changed = await rewrite({ method, url, requestHeaders: req.headers, ...answer, upstream });
        if (changed) rewritten++;
        const body = changed ? Buffer.from(changed.body) : answer.body;
        const headers = { ...answer.headers, 'content-length': String(body.length) };
        delete headers['transfer-encoding'];
        delete headers.connection;
        res.writeHead(changed?.status ?? answer.status, headers);
        res.end(body);
      })
      .catch(() => res.destroy());
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    rewritten: () => rewritten,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
