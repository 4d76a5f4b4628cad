/**
 * A lean protocol v1 client for load: the same route table and transport as the simulators' MbsClient, but over an
 * agent of the benchmark's own (the shared one allows 64 sockets; 500 devices need 500), with every request timed.
 * Answers are still checked against the protocol's schemas: a wrong answer counts as an error, not as a success.
 */
import type { Agent } from 'node:http';
import Value from 'typebox/value';
import { ROUTES, type RouteName, type RouteSpec } from '../../conformance/spec/protocol/routes.js';
import type { CallInput, CallOutput } from '../../simulators/mbs-client/mbs-client.js';
import { readAll, send, type RawResponse } from '../../simulators/mbs-client/http-transport.js';
import type { LatencyRecorder } from './latency.js';

/** A request that did not get the answer the protocol promises; `code` is the catalogued code when there was one. */
export class BenchRequestError extends Error {
  constructor(
    readonly route: string,
    readonly code: string,
    message: string,
  ) {
    super(`${route}: ${message}`);
  }
}

export interface Connection {
  readonly baseUrl: URL;
  readonly agent: Agent;
  readonly timeoutMs: number;
  readonly latency: LatencyRecorder;
}

export class BenchClient {
  deviceKey: string | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly consoleKey?: string,
  ) {}

  call<N extends RouteName>(
    name: N,
    input: CallInput<(typeof ROUTES)[N]> = {},
  ): Promise<CallOutput<(typeof ROUTES)[N]>> {
    const spec: RouteSpec = ROUTES[name];
    const body = input.body === undefined ? undefined : Buffer.from(JSON.stringify(input.body));
    const headers: Record<string, string> = this.authHeaders(spec);
    if (body) headers['content-type'] = 'application/json';
    const params = input.params as Record<string, string> | undefined;
    return this.exchange(name, spec, headers, body, params) as Promise<CallOutput<(typeof ROUTES)[N]>>;
  }

  append(uploadId: string, offset: number, chunk: Buffer): Promise<CallOutput<typeof ROUTES.appendUpload>> {
    const spec: RouteSpec = ROUTES.appendUpload;
    const headers = {
      ...this.authHeaders(spec),
      'content-type': 'application/offset+octet-stream',
      'content-length': String(chunk.length),
      'upload-offset': String(offset),
    };
    return this.exchange('appendUpload', spec, headers, chunk, { uploadId }) as Promise<
      CallOutput<typeof ROUTES.appendUpload>
    >;
  }

  private async exchange(
    name: string,
    spec: RouteSpec,
    headers: Record<string, string>,
    body: Buffer | undefined,
    params?: Record<string, string>,
  ): Promise<unknown> {
    const path = spec.path.replace(/:([A-Za-z0-9_]+)/g, (_, key: string) => encodeURIComponent(params?.[key] ?? ''));
    const { baseUrl, agent, timeoutMs, latency } = this.connection;
    return latency.time(name, async () => {
      const response = await transportSend(name, spec.method, new URL(path, baseUrl), headers, body, timeoutMs, agent);
      const text = (await readAll(response.stream)).toString('utf8');
      if (response.status !== spec.status) throw statusError(name, response, text);
      if (spec.response === null || spec.response === 'bytes') return undefined;
      const value: unknown = JSON.parse(text);
      if (!Value.Check(spec.response, value))
        throw new BenchRequestError(name, 'protocol-violation', text.slice(0, 200));
      return value;
    });
  }

  private authHeaders(spec: RouteSpec): Record<string, string> {
    if (spec.auth === 'device' && this.deviceKey) return { authorization: `Bearer ${this.deviceKey}` };
    if (spec.auth === 'console' && this.consoleKey) return { 'x-mbs-console-key': this.consoleKey };
    return {};
  }
}

/** The baseline's single request: the same chunk, the same transport and agent, to `PATCH /files/<name>`. */
export async function appendToBaseline(connection: Connection, name: string, offset: number, chunk: Buffer) {
  const url = new URL(`/files/${name}`, connection.baseUrl);
  const headers = { 'content-type': 'application/octet-stream', 'upload-offset': String(offset) };
  await connection.latency.time('baselineAppend', async () => {
    const response = await transportSend(
      'baselineAppend',
      'PATCH',
      url,
      headers,
      chunk,
      connection.timeoutMs,
      connection.agent,
    );
    const text = (await readAll(response.stream)).toString('utf8');
    if (response.status !== 200) throw statusError('baselineAppend', response, text);
  });
}

async function transportSend(
  name: string,
  method: string,
  url: URL,
  headers: Record<string, string>,
  body: Buffer | undefined,
  timeoutMs: number,
  agent: Agent,
): Promise<RawResponse> {
  try {
    return await send(
      { method, server: url, path: url.pathname + url.search, headers, ...(body ? { body } : {}), timeoutMs },
      agent,
    );
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new BenchRequestError(name, typeof code === 'string' ? code : 'transport', (error as Error).message);
  }
}

function statusError(name: string, response: RawResponse, text: string): BenchRequestError {
  let code = `http-${response.status}`;
  try {
    const parsed = JSON.parse(text) as { code?: unknown };
    if (typeof parsed.code === 'string') code = parsed.code;
  } catch {
    // Not JSON: the status is all there is to go on.
  }
  return new BenchRequestError(name, code, `status ${response.status}: ${text.slice(0, 200)}`);
}

/** Counts an error under `route: code`, so a run's errors can be told apart without reading their messages. */
export function tallyError(tally: Record<string, number>, error: unknown): void {
  const key = error instanceof BenchRequestError ? `${error.route}: ${error.code}` : `other: ${String(error)}`;
  tally[key] = (tally[key] ?? 0) + 1;
}
