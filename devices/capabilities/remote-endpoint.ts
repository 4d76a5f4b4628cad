/**
 * A remote WebDriver endpoint given with `--appium-url`: an Appium server, or a Selenium Grid 4 hub that routes
 * sessions to Appium nodes. Parsed into WebdriverIO's connection options, and probed with GET /status, which tells
 * the two apart (Grid answers `ready` and its nodes; Appium its build) and fails fast when nobody answers.
 */
import { ClientError } from '../../conformance/spec/errors.js';

export interface RemoteEndpoint {
  readonly protocol: 'http' | 'https';
  readonly hostname: string;
  readonly port: number;
  readonly path: string;
  readonly user?: string;
  readonly key?: string;
}

export function parseEndpoint(url: string): RemoteEndpoint {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ClientError('appium-unavailable', `--appium-url "${url}" is not a URL (e.g. http://127.0.0.1:4723).`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ClientError('appium-unavailable', `--appium-url must be http or https, not ${parsed.protocol}`);
  }
  const protocol = parsed.protocol === 'https:' ? 'https' : 'http';
  return {
    protocol,
    hostname: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : protocol === 'https' ? 443 : 80,
    path: parsed.pathname === '' ? '/' : parsed.pathname,
    // Device clouds take their credentials in the URL; WebdriverIO wants them apart.
    ...(parsed.username ? { user: decodeURIComponent(parsed.username), key: decodeURIComponent(parsed.password) } : {}),
  };
}

/**
 * A WebDriver session at `url` with `capabilities`, as every client of the kit opens one: no retries (a refused
 * session is the endpoint's answer, not a hiccup) and no client log.
 */
export async function openSession(
  url: string,
  capabilities: object,
  options: { readonly waitforTimeout?: number } = {},
): Promise<WebdriverIO.Browser> {
  // Loaded on first use: a run that drives no app over WebDriver does not spend a second of CPU loading the client.
  const { remote } = await import('webdriverio');
  return remote({
    ...parseEndpoint(url),
    logLevel: 'silent',
    connectionRetryCount: 0,
    ...options,
    capabilities: capabilities as WebdriverIO.Capabilities,
  });
}

export interface EndpointStatus {
  readonly kind: 'appium' | 'selenium-grid';
  readonly ready: boolean;
  readonly detail: string;
}

export async function probeEndpoint(endpoint: RemoteEndpoint, timeoutMs = 5000): Promise<EndpointStatus> {
  const base = `${endpoint.protocol}://${endpoint.hostname.includes(':') ? `[${endpoint.hostname}]` : endpoint.hostname}:${endpoint.port}`;
  const url = `${base}${endpoint.path.replace(/\/$/, '')}/status`;
  let body: { value?: Record<string, unknown> };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw new ClientError('appium-unavailable', `No WebDriver endpoint answered ${url}: ${(error as Error).message}`);
  }
  const value = body.value ?? {};
  if (Array.isArray(value['nodes'])) {
    const nodes = value['nodes'] as unknown[];
    return {
      kind: 'selenium-grid',
      ready: value['ready'] === true,
      detail: `Selenium Grid with ${nodes.length} nodes`,
    };
  }
  const build = value['build'] as { version?: string } | undefined;
  if (build?.version) return { kind: 'appium', ready: value['ready'] !== false, detail: `Appium ${build.version}` };
  throw new ClientError('appium-unavailable', `${url} answered, but not as Appium or Selenium Grid 4 does.`);
}
