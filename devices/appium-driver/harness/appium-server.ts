/**
 * Starts Appium (the repository's node_modules/.bin/appium, never npx) on 127.0.0.1 with a free port and the
 * project-local APPIUM_HOME, waits until it answers /status, and stops it. A server that exits or never answers is
 * `appium-unavailable`, with the end of its output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { ClientError } from '../../../conformance/spec/errors.js';
import { appiumBin, appiumEnv, prepareAppiumHome } from './appium-home.js';

export interface RunningAppium {
  readonly url: string;
  readonly port: number;
  readonly home: string;
  /** Appium's output so far (its log is kept at level "warn" unless told otherwise). */
  output(): string;
  stop(): Promise<void>;
}

export interface AppiumOptions {
  readonly home?: string;
  readonly logLevel?: 'error' | 'warn' | 'info' | 'debug';
  /** How long to wait for /status, in wall time. */
  readonly startTimeoutMs?: number;
}

export async function startAppium(options: AppiumOptions = {}): Promise<RunningAppium> {
  const home = await prepareAppiumHome(options.home);
  const port = await freePort();
  const child = spawn(
    appiumBin(),
    ['--address', '127.0.0.1', '--port', String(port), '--log-level', options.logLevel ?? 'warn', '--log-no-colors'],
    { env: appiumEnv(home), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForStatus(url, child, options.startTimeoutMs ?? 60_000, () => output);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url, port, home, output: () => output, stop: () => stopChild(child) };
}

async function waitForStatus(url: string, child: ChildProcess, timeoutMs: number, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new ClientError(
        'appium-unavailable',
        `Appium exited (${child.exitCode ?? child.signalCode}): ${output().slice(-2000)}`,
      );
    }
    try {
      const response = await fetch(`${url}/status`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new ClientError(
    'appium-unavailable',
    `Appium did not answer ${url}/status within ${timeoutMs} ms: ${output().slice(-2000)}`,
  );
}

/** SIGTERM, then SIGKILL if it is still there after 5 s; only this child, by its own pid. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** A port the OS just handed out on 127.0.0.1 (closed again at once for Appium to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
