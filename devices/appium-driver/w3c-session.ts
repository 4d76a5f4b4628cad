/**
 * A lean W3C WebDriver session for the kit's own drive of the app over Appium: each command one HTTP/1.1 request on a
 * kept-alive connection, its JSON answer read as the W3C spec says (`value`, or `value.error` with its message).
 * It sends the same commands WebdriverIO's protocol methods send, without the client's per-command machinery (WHATWG
 * fetch and its streams, an abort signal per request, command hooks), which cost the kit more CPU than Appium
 * spends answering. WebdriverIO stays the client of the page objects and of real builds.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { IDLE_MS, sharedAgent } from '../../simulators/mbs-client/http-transport.js';
import { parseEndpoint } from '../capabilities/remote-endpoint.js';

/** The protocol commands the app driver sends (app-driver.ts), as WebdriverIO's browser names them. */
export interface W3cCommands {
  findElement(using: string, value: string): Promise<unknown>;
  elementClick(elementId: string): Promise<unknown>;
  elementSendKeys(elementId: string, text: string): Promise<unknown>;
  getElementText(elementId: string): Promise<string>;
  executeScript(script: string, args: unknown[]): Promise<unknown>;
  getPageSource(): Promise<string>;
  takeScreenshot(): Promise<string>;
  deleteSession(): Promise<void>;
}

/** A WebDriver error answer: `name` is its W3C error code ("no such element", "invalid argument", …). */
export class W3cCommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = code;
  }
}

/** How long one command may take, as WebdriverIO's default `connectionRetryTimeout`. */
const COMMAND_TIMEOUT_MS = 120_000;

/** Kept-alive connections closed after the kit's MBS client's idle time (http-transport.ts says why). */
const agents = {
  http: sharedAgent,
  https: new HttpsAgent({ keepAlive: true, timeout: IDLE_MS }),
};

interface Endpoint {
  readonly protocol: 'http' | 'https';
  readonly hostname: string;
  readonly port: number;
  /** The endpoint's base path, without a trailing slash. */
  readonly base: string;
  readonly authorization?: string;
}

function endpointOf(url: string): Endpoint {
  const e = parseEndpoint(url);
  return {
    protocol: e.protocol,
    hostname: e.hostname,
    port: e.port,
    base: e.path.replace(/\/+$/, ''),
    ...(e.user !== undefined
      ? { authorization: `Basic ${Buffer.from(`${e.user}:${e.key ?? ''}`).toString('base64')}` }
      : {}),
  };
}

/** Sends one command and answers its `value`; a W3C error answer throws a W3cCommandError. */
function command(endpoint: Endpoint, method: 'GET' | 'POST' | 'DELETE', path: string, body?: object): Promise<unknown> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const send = endpoint.protocol === 'https' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      {
        hostname: endpoint.hostname,
        port: endpoint.port,
        path: `${endpoint.base}${path}`,
        method,
        agent: agents[endpoint.protocol],
        timeout: COMMAND_TIMEOUT_MS,
        headers: {
          Accept: 'application/json',
          ...(payload ? { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': payload.length } : {}),
          ...(endpoint.authorization && path === '/session' ? { Authorization: endpoint.authorization } : {}),
        },
      },
      (response) => void readAnswer(response, method, path).then(resolve, reject),
    );
    outgoing.once('timeout', () => outgoing.destroy(new Error(`no answer within ${COMMAND_TIMEOUT_MS} ms`)));
    outgoing.on('error', (error) =>
      reject(
        new Error(
          `WebDriver ${method} ${routeOf(path)} to ${endpoint.hostname}:${endpoint.port} failed: ${error.message}`,
        ),
      ),
    );
    outgoing.end(payload);
  });
}

/**
 * A command's route with its session id as `:sessionId`: the id is random, and errors that named it would differ
 * between two runs of one seed (reasons and counterexamples are compared text for text).
 */
function routeOf(path: string): string {
  return path.replace(/^\/session\/[^/]+/, '/session/:sessionId');
}

/** The answer's `value`; its errors name the command by its route (routeOf), worked out only for them. */
async function readAnswer(response: IncomingMessage, method: string, path: string): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const status = response.statusCode ?? 0;
  let answer: { value?: unknown };
  try {
    answer = text === '' ? {} : (JSON.parse(text) as { value?: unknown });
  } catch {
    throw new W3cCommandError(
      'unknown error',
      `${method} ${routeOf(path)} answered ${status}, not JSON: ${text.slice(0, 500)}`,
      status,
    );
  }
  const value = answer.value;
  const error = typeof value === 'object' && value !== null ? (value as { error?: unknown; message?: unknown }) : {};
  if (status >= 400 || typeof error.error === 'string') {
    const code = typeof error.error === 'string' ? error.error : 'unknown error';
    const message = typeof error.message === 'string' ? error.message : text.slice(0, 500);
    throw new W3cCommandError(code, `${code}: ${message} (${method} ${routeOf(path)})`, status);
  }
  return value ?? null;
}

/** Opens a session at `url` with `capabilities` (W3C alwaysMatch), as WebdriverIO's `remote()` asks for one. */
export async function openW3cSession(url: string, capabilities: object): Promise<W3cCommands> {
  const endpoint = endpointOf(url);
  const created = (await command(endpoint, 'POST', '/session', {
    capabilities: { alwaysMatch: capabilities, firstMatch: [{}] },
  })) as { sessionId?: unknown } | null;
  const sessionId = created?.sessionId;
  if (typeof sessionId !== 'string') {
    throw new W3cCommandError('session not created', `${url} answered no session id: ${JSON.stringify(created)}`, 0);
  }
  const session = `/session/${sessionId}`;
  const element = (id: string) => `${session}/element/${encodeURIComponent(id)}`;
  return {
    findElement: (using, value) => command(endpoint, 'POST', `${session}/element`, { using, value }),
    elementClick: (id) => command(endpoint, 'POST', `${element(id)}/click`, {}),
    elementSendKeys: (id, text) => command(endpoint, 'POST', `${element(id)}/value`, { text }),
    getElementText: async (id) => String(await command(endpoint, 'GET', `${element(id)}/text`)),
    executeScript: (script, args) => command(endpoint, 'POST', `${session}/execute/sync`, { script, args }),
    getPageSource: async () => String(await command(endpoint, 'GET', `${session}/source`)),
    takeScreenshot: async () => String(await command(endpoint, 'GET', `${session}/screenshot`)),
    deleteSession: async () => void (await command(endpoint, 'DELETE', session)),
  };
}
