/**
 * Speaks protocol v1 to any server, driven by the route table: requests are built from it and every answer is
 * checked against it, so a non-conforming server surfaces as a `protocol-violation`, never as a crash.
 */
import type { Agent } from 'node:http';
import type { Readable } from 'node:stream';
import type { Static, TSchema } from 'typebox';
import { validatorOf } from '../../conformance/spec/compiled-schemas.js';
import { declaredPartOf, NOT_MATCHING } from '../../conformance/spec/open-answers.js';
import { ClientError, isErrorCode, MbsError } from '../../conformance/spec/errors.js';
import { ROUTES, type RouteName, type RouteSpec } from '../../conformance/spec/protocol/routes.js';
import type { AppendResponse, Item } from '../../conformance/spec/protocol/resources.js';
import { noteCall } from './call-watch.js';
import { readAll, send, type RawResponse } from './http-transport.js';
import { mediaTypeProblem, type AnswerType } from './media-types.js';

type Part<R, K extends string> = R extends { readonly [P in K]: infer S extends TSchema } ? Static<S> : never;

export type CallInput<R extends RouteSpec> = {
  params?: Part<R, 'params'>;
  query?: Part<R, 'query'>;
  body?: R['body'] extends TSchema ? Static<R['body']> : never;
};
export type CallOutput<R extends RouteSpec> = R['response'] extends null
  ? undefined
  : R['response'] extends 'bytes'
    ? never
    : R['response'] extends TSchema
      ? Static<R['response']>
      : never;

export interface ClientOptions {
  readonly baseUrl: string;
  readonly deviceKey?: string;
  readonly consoleKey?: string;
  /** The app as a registered 2FA authenticator. */
  readonly authenticatorKey?: string;
  readonly timeoutMs?: number;
  /** The connection pool; default the process's shared one (64 sockets), which many simulated phones outgrow. */
  readonly agent?: Agent;
}

export class MbsClient {
  deviceKey: string | undefined;
  consoleKey: string | undefined;
  authenticatorKey: string | undefined;
  readonly baseUrl: URL;
  private readonly timeoutMs: number;
  private readonly agent: Agent | undefined;

  constructor(options: ClientOptions) {
    this.baseUrl = new URL(options.baseUrl);
    this.deviceKey = options.deviceKey;
    this.consoleKey = options.consoleKey;
    this.authenticatorKey = options.authenticatorKey;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.agent = options.agent;
  }

  async call<N extends RouteName>(
    name: N,
    input: CallInput<(typeof ROUTES)[N]> = {},
  ): Promise<CallOutput<(typeof ROUTES)[N]>> {
    const spec: RouteSpec = ROUTES[name];
    const headers = this.authHeaders(spec);
    let body: Buffer | undefined;
    if (input.body !== undefined) {
      body = Buffer.from(JSON.stringify(input.body));
      headers['content-type'] = 'application/json';
    }
    const response = await send(
      {
        method: spec.method,
        server: this.baseUrl,
        path: this.pathOf(
          spec,
          input.params as Record<string, string> | undefined,
          input.query as Record<string, unknown>,
        ),
        headers,
        body,
        timeoutMs: this.timeoutMs,
      },
      this.agent,
    );
    const output = (await this.expectJson(name, spec, response)) as CallOutput<(typeof ROUTES)[N]>;
    noteCall(name, input, output);
    return output;
  }

  /** Appends bytes to an upload at `offset`. */
  async append(
    uploadId: string,
    offset: number,
    bytes: Buffer | Readable,
    length?: number,
  ): Promise<Static<typeof AppendResponse>> {
    const spec = ROUTES.appendUpload;
    const size = Buffer.isBuffer(bytes) ? bytes.length : length;
    if (size === undefined) throw new TypeError('A streamed append needs its length.');
    const response = await send(
      {
        method: spec.method,
        server: this.baseUrl,
        path: this.pathOf(spec, { uploadId }),
        headers: {
          ...this.authHeaders(spec),
          'content-type': 'application/offset+octet-stream',
          'content-length': String(size),
          'upload-offset': String(offset),
        },
        body: bytes,
        timeoutMs: this.timeoutMs,
      },
      this.agent,
    );
    return (await this.expectJson('appendUpload', spec, response)) as Static<typeof AppendResponse>;
  }

  /** Downloads an item (from `start`, for a resumed restore) and returns its bytes. */
  async download(sha256: string, start = 0): Promise<Buffer> {
    const spec = ROUTES.downloadItem;
    const response = await send(
      {
        method: spec.method,
        server: this.baseUrl,
        path: this.pathOf(spec, { sha256 }),
        headers: { ...this.authHeaders(spec), ...(start > 0 ? { range: `bytes=${start}-` } : {}) },
        timeoutMs: this.timeoutMs,
      },
      this.agent,
    );
    if (response.status !== 200 && response.status !== 206) await this.throwError('downloadItem', response);
    // An empty item's answer has no bytes to give a type to.
    if (response.headers['content-length'] !== '0')
      this.expectType('downloadItem', response, 'application/octet-stream');
    return readAll(response.stream, Number.MAX_SAFE_INTEGER);
  }

  /** Uploads a whole item: creates (or resumes) the upload and appends what is missing. */
  async uploadItem(
    backupId: string,
    bytes: Buffer,
    meta: Static<typeof Item>['meta'],
    sha256: string,
  ): Promise<Static<typeof Item>> {
    const created = await this.call('createUpload', { body: { backupId, sha256, size: bytes.length, meta } });
    if (created.status === 'duplicate') return created.item;
    const appended = await this.append(
      created.upload.uploadId,
      created.upload.offset,
      bytes.subarray(created.upload.offset),
    );
    if (!appended.complete)
      throw new ClientError('protocol-violation', 'Upload not complete after all bytes were sent.');
    return appended.item;
  }

  private authHeaders(spec: RouteSpec): Record<string, string> {
    if (spec.auth === 'device' && this.deviceKey) return { authorization: `Bearer ${this.deviceKey}` };
    if (spec.auth === 'console' && this.consoleKey) return { 'x-mbs-console-key': this.consoleKey };
    if (spec.auth === 'authenticator' && this.authenticatorKey)
      return { authorization: `Bearer ${this.authenticatorKey}` };
    return {};
  }

  /** The request target, as a URL would serialise it: built as a string, since every request needs one. */
  private pathOf(spec: RouteSpec, params?: Record<string, string>, query?: Record<string, unknown>): string {
    let dotSegment = false;
    // Most routes have no parameter and most requests no query: neither is then parsed.
    let path = spec.path;
    const template = templateOf(path);
    if (template) {
      path = template[0]!;
      for (let i = 1; i < template.length; i += 2) {
        const value = encodeURIComponent(params?.[template[i]!] ?? '');
        if (value === '.' || value === '..') dotSegment = true;
        path += value + template[i + 1]!;
      }
    }
    let queryString = '';
    if (query) {
      const search = new URLSearchParams();
      for (const key in query) if (query[key] !== undefined) search.set(key, String(query[key]));
      if (search.size > 0) queryString = `?${search.toString()}`;
    }
    // A URL resolves `.` and `..` segments: an id of dots goes where the same URL would have sent it.
    return (dotSegment ? new URL(path, this.baseUrl).pathname : path) + queryString;
  }

  private async expectJson(name: string, spec: RouteSpec, response: RawResponse): Promise<unknown> {
    if (response.status !== spec.status) return this.throwError(name, response);
    if (spec.response === null) {
      response.stream.resume();
      return undefined;
    }
    if (spec.response !== 'bytes') this.expectType(name, response, 'application/json');
    const value = parseJson(await readAll(response.stream), name);
    if (spec.response === 'bytes') return value;
    const declared = declaredPartOf(spec.response, value);
    if (declared === NOT_MATCHING) {
      const problems = [...validatorOf(spec.response).Errors(value)]
        .slice(0, 5)
        .map((e) => `${e.instancePath || '/'} ${e.message}`);
      throw new ClientError(
        'protocol-violation',
        `${name}: the answer does not match the protocol: ${problems.join('; ')}`,
        {
          route: name,
          problems,
        },
      );
    }
    return declared;
  }

  /** An answer of another media type than the protocol gives breaks it, whatever its bytes say (media-types.ts). */
  private expectType(name: string, response: RawResponse, expected: AnswerType): void {
    const problem = mediaTypeProblem(response.headers, expected);
    if (problem === undefined) return;
    response.stream.resume();
    throw new ClientError('protocol-violation', `${name}: ${problem}.`, { route: name, status: response.status });
  }

  private async throwError(name: string, response: RawResponse): Promise<never> {
    this.expectType(name, response, 'application/json');
    const parsed = parseJson(await readAll(response.stream), name);
    const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as {
      code?: unknown;
      message?: unknown;
      details?: unknown;
    };
    if (isErrorCode(body.code) && typeof body.message === 'string') {
      const error = new MbsError(body.code, body.message, body.details as Record<string, unknown> | undefined);
      if (error.status !== response.status) {
        throw new ClientError(
          'protocol-violation',
          `${name}: ${body.code} came with status ${response.status}, not ${error.status}.`,
        );
      }
      throw error;
    }
    throw new ClientError('protocol-violation', `${name}: status ${response.status} without a catalogued error body.`, {
      status: response.status,
    });
  }
}

/**
 * A route's path cut at its parameters, once per route: the text before the first, then each parameter's name and
 * the text after it. Undefined for a path without parameters.
 */
const templates = new Map<string, readonly string[] | undefined>();

function templateOf(path: string): readonly string[] | undefined {
  if (templates.has(path)) return templates.get(path);
  const template = path.includes(':') ? path.split(/:([A-Za-z0-9_]+)/) : undefined;
  templates.set(path, template);
  return template;
}

function parseJson(bytes: Buffer, route: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ClientError('protocol-violation', `${route}: the answer is not JSON.`);
  }
}
