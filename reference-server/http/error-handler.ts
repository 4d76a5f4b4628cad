/**
 * Maps every failure to `{ code, message, details? }` with a catalogued code. Fastify's own errors are told apart
 * by their `code` property, never by their text, and so is a full disk (storage/disk-full.ts). Anything unexpected is logged and answered without internals.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { MbsError, type ErrorCode } from '../../conformance/spec/errors.js';
import { isDiskFull } from '../storage/disk-full.js';
import { notFoundError } from './route-guards.js';
import { SchemaViolation } from './validation.js';

const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid-json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'body-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid-request',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_EMPTY_TYPE: 'unsupported-media-type',
};

/** A schema failure only on fields that hold names is the catalogue's `invalid-name`. */
function isNameProblem(error: SchemaViolation): boolean {
  return error.problems.length > 0 && error.problems.every((p) => /(^|\/)name$/.test(p.path));
}

export function toMbsError(error: unknown): MbsError | undefined {
  if (error instanceof MbsError) return error;
  if (error instanceof SchemaViolation) {
    return new MbsError(isNameProblem(error) ? 'invalid-name' : 'invalid-request', error.message, {
      part: error.part,
      problems: error.problems,
    });
  }
  const fastifyError = error as Partial<FastifyError> | undefined;
  if (fastifyError?.validation && fastifyError.validationContext) {
    return new MbsError('invalid-request', fastifyError.message);
  }
  // A write the disk refused (the database's or an item's bytes), which the transaction or the part file undid.
  if (isDiskFull(error)) return new MbsError('server-disk-full');
  const code = fastifyError?.code !== undefined ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (code) return new MbsError(code);
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
    return new MbsError('invalid-request', fastifyError.message);
  }
  return undefined;
}

/** The error handler of a server that tells failures apart by `known` (the server's rule, toMbsError). */
export function errorHandlerOf(known: typeof toMbsError) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply): void =>
    answerFailure(known, error, request, reply);
}

function answerFailure(known: typeof toMbsError, error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  if (reply.sent || reply.raw.headersSent) return;
  // No route matched, yet its body failed to parse on the way to the not-found handler: the route comes first.
  if (request.is404) {
    const { error: missing, allow } = notFoundError(request.method, request.url);
    if (allow) void reply.header('allow', allow);
    void reply.code(missing.status).send(missing.toBody());
    return;
  }
  // A failure before the body was read to its end (a full disk mid-append) leaves the rest of that body on the
  // connection, where the client's next request would be taken for more of it: the answer closes the connection.
  // A request without a body is not complete yet while its hooks run, and leaves nothing behind.
  if (!request.raw.complete && bodyFollows(request.raw.headers)) void reply.header('connection', 'close');
  const refusal = known(error);
  if (refusal) {
    void reply.code(refusal.status).send(refusal.toBody());
    return;
  }
  request.log.error({ err: error }, 'unexpected error');
  void reply.code(500).send(new MbsError('internal-error').toBody());
}

/** Whether a request's head announces a body (RFC 9112 §6.3): chunked, or a length above zero. */
function bodyFollows(headers: IncomingHttpHeaders): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
}
