/**
 * The yardstick: the least an upload server can do with the same chunks and the same promise. `PATCH /files/<name>`
 * appends the body to that file, fsyncs and closes it, fsyncs the folder when the first chunk made the file (a new
 * file's name is on disk only once its folder is synced), and answers a small JSON, with no hashing, no metadata and
 * no validation. The reference server, which does all of that too, is measured against it.
 */
import { close, createWriteStream, fsync, open } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';

const openFile = promisify(open);
const fsyncFile = promisify(fsync);
const closeFile = promisify(close);

export interface BaselineServer {
  readonly url: string;
  close(): Promise<void>;
}

export const BASELINE_PATH = '/files/';
const NAME = /^[A-Za-z0-9_.-]{1,128}$/;

export async function startBaselineServer(dataDir: string, host = '127.0.0.1'): Promise<BaselineServer> {
  const server = createServer((request, response) => {
    handle(dataDir, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: String(error) }));
    });
  });
  // As the reference server's Fastify settings: no deadline on a request body, keep-alive for 72 s.
  server.requestTimeout = 0;
  server.keepAliveTimeout = 72_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(dataDir: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const name = request.url?.startsWith(BASELINE_PATH) ? request.url.slice(BASELINE_PATH.length) : '';
  if (request.method !== 'PATCH' || !NAME.test(name)) {
    request.resume();
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    return;
  }
  // A plain descriptor: a FileHandle's stream would keep the handle from closing until the stream is destroyed.
  const fd = await openFile(path.join(dataDir, name), 'a');
  const out = createWriteStream('', { fd, autoClose: false });
  try {
    await pipeline(request, out);
    await fsyncFile(fd);
  } finally {
    await closeFile(fd);
  }
  const start = Number(request.headers['upload-offset'] ?? 0);
  if (start === 0) await fsyncFolder(dataDir);
  const offset = start + out.bytesWritten;
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ offset }));
}

async function fsyncFolder(folder: string): Promise<void> {
  const fd = await openFile(folder, 'r');
  try {
    await fsyncFile(fd);
  } finally {
    await closeFile(fd);
  }
}
