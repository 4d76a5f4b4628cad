/**
 * What the server answers outside the route table: unknown paths (404) and known paths with another method (405),
 * malformed HTTP (a catalogued 400), unsupported Expect headers (417). Every answer is a catalogued error body.
 */
import type { Socket } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MbsError } from '../../conformance/spec/errors.js';
import { ROUTES, ROUTE_NAMES } from '../../conformance/spec/protocol/routes.js';

const MATCHERS = ROUTE_NAMES.map((name) => ({
  method: ROUTES[name].method as string,
  pattern: new RegExp(`^${ROUTES[name].path.replace(/:[A-Za-z0-9_]+/g, '[^/]+')}$`),
}));

/** The methods the route table serves on this path; empty when the path is unknown. */
export function methodsForPath(path: string): string[] {
  return MATCHERS.filter((m) => m.pattern.test(path)).map((m) => m.method);
}

export function notFoundError(method: string, url: string): { error: MbsError; allow?: string } {
  const path = url.split('?')[0] ?? url;
  const allowed = methodsForPath(path);
  if (allowed.length > 0 && !allowed.includes(method)) {
    return {
      error: new MbsError('method-not-allowed', `${path} takes ${allowed.join(', ')}, not ${method}.`),
      allow: allowed.join(', '),
    };
  }
  return { error: new MbsError('route-not-found', `No route ${method} ${path}.`) };
}

/** Answers a connection whose bytes are not HTTP that Node can parse. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) return;
  const body = JSON.stringify(new MbsError('invalid-request', 'Malformed HTTP request.').toBody());
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * HTTP/1.1 requires a Host header. Node would refuse a request without one itself, with an empty 400; the server
 * is started without that check (build-app.ts) and refuses it here, with the catalogue's answer.
 */
export function refuseMissingHost(request: IncomingMessage): void {
  if (request.httpVersion === '1.1' && request.headers.host === undefined) {
    throw new MbsError('invalid-request', 'The request has no Host header, which HTTP/1.1 requires.');
  }
}

/** Node answers an Expect header other than 100-continue itself, with no body, unless the server handles it. */
export function answerExpectation(_request: IncomingMessage, response: ServerResponse): void {
  const body = JSON.stringify(new MbsError('expectation-failed').toBody());
  response.writeHead(417, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
