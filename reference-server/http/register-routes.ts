/** Registers every route of the protocol table with its schemas, its authentication and its handler. */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { MbsError } from '../../conformance/spec/errors.js';
import { ROUTE_NAMES, ROUTES, type RouteSpec } from '../../conformance/spec/protocol/routes.js';
import type { DeviceRow } from '../store/rows.js';
import type { AuthenticatorRow } from '../two-factor/rows.js';
import type { BytesReply, Handler, Handlers } from './route-types.js';

export interface Authenticators {
  device(authorization: string | undefined): DeviceRow;
  console(key: string | undefined): void;
  authenticator(authorization: string | undefined): AuthenticatorRow;
  /** Throws for a route this server does not offer at all (2FA on Home); checked before anything else. */
  available(spec: RouteSpec): void;
  /** Throws for a route the server offers only in a mode it was not started in; checked after authentication. */
  enabled(spec: RouteSpec): void;
}

interface Caller {
  readonly device?: DeviceRow;
  readonly authenticator?: AuthenticatorRow;
}

/**
 * Who a request's authentication found, kept on the request itself from its hook to its handler: a WeakMap entry
 * per request cost its write barrier and its lookups on every request, about 1 % of the servers' thread.
 */
const CALLER = Symbol('caller');
type Authenticated = FastifyRequest & { [CALLER]?: Caller };

/** The request checks of a route, each a rule the self-test may bend. */
export interface RouteChecks {
  readonly authenticatesFirst: typeof authenticatesFirst;
  readonly contentTypeCheck: typeof contentTypeCheck;
}

/** Authentication comes before the body's type and schema (PROTOCOL.md "Which error comes first"). */
export function authenticatesFirst(): boolean {
  return true;
}

export function registerRoutes(
  app: FastifyInstance,
  handlers: Handlers,
  checks: RouteChecks,
  auth: Authenticators,
): void {
  for (const name of ROUTE_NAMES) {
    const spec: RouteSpec = ROUTES[name];
    const handler = handlers[name] as Handler<RouteSpec>;
    const schema: NonNullable<RouteOptions['schema']> = {};
    if (spec.params) schema.params = spec.params;
    if (spec.query) schema.querystring = spec.query;
    if (spec.headers) schema.headers = spec.headers;
    if (spec.body && spec.body !== 'bytes') schema.body = spec.body;
    app.route({
      method: spec.method,
      url: spec.path,
      schema,
      // A route this edition lacks is refused before anything else, and then authentication comes: an
      // unauthenticated caller learns nothing about the body's schema. The checks are synchronous callback hooks:
      // Fastify passes what one throws to the error handler as it would a rejection, and goes on at once instead of
      // through a promise and a microtask per check.
      onRequest: (request, _reply, done) => {
        auth.available(spec);
        if (checks.authenticatesFirst()) {
          (request as Authenticated)[CALLER] = authenticate(spec, request, auth);
          auth.enabled(spec);
        }
        done();
      },
      preValidation: (request, _reply, done) => {
        checks.contentTypeCheck(spec, request);
        done();
      },
      preHandler: (request, _reply, done) => {
        if ((request as Authenticated)[CALLER] === undefined) {
          (request as Authenticated)[CALLER] = authenticate(spec, request, auth);
          auth.enabled(spec);
        }
        done();
      },
      // Synchronous when the service is (most are: SQLite answers at once), so the answer is sent from within
      // Fastify's call: an async handler made a promise a request, and its returned reply, a thenable, was adopted by
      // waiting for the response's end (Fastify's Reply.then, an end-of-stream listener), about 2 % of the thread.
      // A service's promise is answered when it settles and returned, so Fastify answers its rejection; a failure
      // thrown here goes to the error handler as Fastify's own call catches it.
      handler: (request, reply) => {
        const caller = (request as Authenticated)[CALLER];
        // The table erases each route's own types here; handlers are checked against them where they are written.
        const output: unknown = handler({
          params: request.params,
          query: request.query,
          headers: request.headers,
          body: spec.body === 'bytes' ? bytesBody(request) : request.body,
          device: caller?.device,
          authenticator: caller?.authenticator,
          request,
        } as unknown as Parameters<Handler<RouteSpec>>[0]);
        if (output instanceof Promise) return output.then((settled: unknown) => answer(spec, reply, settled));
        answer(spec, reply, output);
      },
    });
  }
}

/** Sends a handler's output as its route answers: its bytes, no body, or its JSON. */
function answer(spec: RouteSpec, reply: FastifyReply, output: unknown): FastifyReply {
  if (spec.response === 'bytes') {
    const bytes = output as BytesReply;
    return reply
      .code(bytes.status)
      .headers({ ...bytes.headers, 'content-length': bytes.length })
      .send(bytes.stream);
  }
  if (spec.response === null) return reply.code(spec.status).send();
  return reply.code(spec.status).send(output);
}

function authenticate(spec: RouteSpec, request: FastifyRequest, auth: Authenticators): Caller {
  if (spec.auth === 'device') return { device: auth.device(request.headers.authorization) };
  if (spec.auth === 'authenticator') return { authenticator: auth.authenticator(request.headers.authorization) };
  if (spec.auth === 'console') {
    const key = request.headers['x-mbs-console-key'];
    auth.console(typeof key === 'string' ? key : undefined);
  }
  return {};
}

/** A JSON route takes only JSON, the append route only offset+octet-stream bytes. */
export function contentTypeCheck(spec: RouteSpec, request: FastifyRequest): void {
  if (spec.body === undefined) return;
  const header = request.headers['content-type'] ?? '';
  const end = header.indexOf(';');
  const type = (end === -1 ? header : header.slice(0, end)).trim().toLowerCase();
  const expected = spec.body === 'bytes' ? 'application/offset+octet-stream' : 'application/json';
  if (type !== expected) {
    throw new MbsError('unsupported-media-type', `This route takes ${expected}, not ${type || 'no content type'}.`);
  }
}

function bytesBody(request: FastifyRequest): unknown {
  const body = request.body as { pipe?: unknown } | undefined;
  if (!body || typeof body.pipe !== 'function') {
    throw new MbsError('unsupported-media-type', 'Send the bytes as application/offset+octet-stream.');
  }
  return body;
}
