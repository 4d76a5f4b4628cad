/**
 * A server variant met the way a vendor's server is: its own `mbsc serve --fault NAME` process on 127.0.0.1, on the
 * first free ports of its edition's ranges (ports outside them fail NET-01 and NET-05, a server on port 0 too) and
 * with a data directory of its own, known only by what it prints and answers over HTTP.
 * Every wait is bounded, and every process started here is stopped: by its owner, or all at once when the kit is
 * interrupted or exits (conformance/targets/started-processes.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Edition } from '../spec/editions.js';
import { ClientError } from '../spec/errors.js';
import type { ServerFault } from '../spec/faults.js';
import { startProcess, type StartedProcess } from '../targets/started-processes.js';

export interface ServeOptions {
  /** The `mbsc` entry point to start (dist/cli/bin.js). */
  readonly cli: string;
  readonly edition: Edition;
  readonly faults: readonly ServerFault[];
  /** Adds `--conformance-clock`; whether the server took it shows in its capabilities. */
  readonly conformanceClock: boolean;
  /** How long the process may take to say where it listens and to answer GET /v1/info; default 30 s. */
  readonly readyTimeoutMs?: number;
}

export interface ServedServer {
  readonly url: string;
  readonly udpPort: number;
  readonly consoleKey: string;
  /** The `capabilities` of its GET /v1/info answer (none when it gives none). */
  readonly capabilities: readonly string[];
  stop(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/** Two servers starting at once may both find one port free; the one that loses the race exits and starts again. */
const STARTS = 3;

export async function startServeProcess(options: ServeOptions): Promise<ServedServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      const lostRace = error instanceof ClientError && /EADDRINUSE/.test(error.message);
      if (!lostRace || attempt === STARTS) throw error;
    }
  }
}

async function startOnce(options: ServeOptions): Promise<ServedServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `mbsc-vendor-${options.edition}-`));
  const args = [
    ...[options.cli, 'serve', '--edition', options.edition, '--host', LOOPBACK],
    ...['--data', dataDir, '--name', `selftest ${options.faults.join(',') || 'straight'}`],
    ...(options.faults.length > 0 ? ['--fault', options.faults.join(',')] : []),
    ...(options.conformanceClock ? ['--conformance-clock'] : []),
  ];
  const child = startProcess([process.execPath, ...args], { dataDir });
  try {
    const printed = await whereItListens(child, options.readyTimeoutMs ?? 30_000);
    const capabilities = await capabilitiesOf(printed.url);
    return { ...printed, capabilities, stop: child.stop };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

/** The URL, UDP port and console key `mbsc serve` prints before its pairing QR code. */
async function whereItListens(child: StartedProcess, timeoutMs: number) {
  const seen: { url?: string; udpPort?: number; consoleKey?: string } = {};
  child.onLine((line) => {
    seen.url ??= /^\s*URL\s+(http\S+)/.exec(line)?.[1];
    const udp = /UDP port (\d+)/.exec(line)?.[1];
    if (udp) seen.udpPort ??= Number(udp);
    seen.consoleKey ??= /Console key (\S+)/.exec(line)?.[1];
  });
  const { exited } = child;
  let exitCode: number | null = null;
  void exited.then((code) => (exitCode = code));
  const failed = (why: string) => {
    const tail = child.tail();
    const said = tail.length ? `:\n  ${tail.join('\n  ')}` : '';
    return new ClientError('server-start-failed', `mbsc serve ${why}${said}`, { exitCode });
  };
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (seen.url && seen.udpPort !== undefined && seen.consoleKey) resolve(clearInterval(poll));
    }, 50);
    void exited.then(() => clearInterval(poll));
  });
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    exited.then((code) => `exited with code ${code} before it was ready`),
    new Promise<string>((resolve) => (timer = setTimeout(resolve, timeoutMs, `was not ready within ${timeoutMs} ms`))),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') throw failed(outcome);
  return { url: seen.url as string, udpPort: seen.udpPort as number, consoleKey: seen.consoleKey as string };
}

/** What the server says it offers beyond protocol v1, as any client would learn it. */
async function capabilitiesOf(url: string): Promise<string[]> {
  const response = await fetch(`${url}/v1/info`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new ClientError('server-start-failed', `GET ${url}/v1/info answered ${response.status}`);
  const info = (await response.json()) as { capabilities?: unknown };
  return Array.isArray(info.capabilities) ? info.capabilities.filter((c) => typeof c === 'string') : [];
}
