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
import { ServerTarget } from '../targets/server-target.js';
import { startProcess } from '../targets/started-processes.js';
import { startWhenRangeFrees } from '../targets/range-held.js';
import { whereItListens } from '../targets/served-lines.js';
import { commandTemplate, type CommandTemplate } from '../targets/command-template.js';
import { RangeHeldStart, type OwnServerCommand } from '../targets/own-server-process.js';
import { REFERENCE_CONSOLE_LOCATORS } from '../targets/web-console.js';

export interface ServeOptions {
  /** The `mbsc` entry point to start (dist/cli/bin.js). */
  readonly cli: string;
  readonly edition: Edition;
  readonly faults: readonly ServerFault[];
  /** Adds `--conformance-clock`; whether the server took it shows in its capabilities. */
  readonly conformanceClock: boolean;
  /** With conformanceClock: adds `--frozen-clock`, a clock only the kit moves. */
  readonly frozenClock?: boolean;
  /** How long the process may take to say where it listens and to answer GET /v1/info; default 30 s. */
  readonly readyTimeoutMs?: number;
}

export interface ServedServer {
  readonly url: string;
  readonly udpPort: number;
  readonly consoleKey: string;
  /** The `capabilities` of its GET /v1/info answer (none when it gives none). */
  readonly capabilities: readonly string[];
  /** How to start another server like it, as a vendor gives it (`--own-server`), push service URL included. */
  readonly ownServer: OwnServerCommand;
  /** Its data directory, as a vendor gives it (`--data-dir`) for the storage-layout checks to read. */
  readonly dataDir: string;
  stop(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/**
 * Servers starting at once each take a port of their own: each listens on the first of the range it can get. A start
 * that ends for want of a free port (a port check of a variant run beside it holds the whole range for as long as one
 * of its own starts takes) is made again once the range frees, as the kit's other starts are (range-held.ts).
 */
export function startServeProcess(options: ServeOptions): Promise<ServedServer> {
  return startWhenRangeFrees(() => startOnce(options));
}

/** `mbsc serve`'s exit code when its edition's range has no free port (cli/command.ts EXIT.unavailable). */
const SERVE_EXIT_NO_FREE_PORT = 3;

async function startOnce(options: ServeOptions): Promise<ServedServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `mbsc-vendor-${options.edition}-`));
  const args = [
    ...[options.cli, 'serve', '--edition', options.edition, '--host', LOOPBACK],
    ...['--data', dataDir, '--name', `selftest ${options.faults.join(',') || 'straight'}`],
    ...(options.faults.length > 0 ? ['--fault', options.faults.join(',')] : []),
    ...(options.conformanceClock ? ['--conformance-clock'] : []),
    ...(options.conformanceClock && options.frozenClock ? ['--frozen-clock'] : []),
  ];
  const child = startProcess([process.execPath, ...args], { dataDir });
  try {
    const printed = await whereItListens(child, options.readyTimeoutMs ?? 30_000);
    const capabilities = await capabilitiesOf(printed.url);
    const ownServer = { template: ownServerTemplate(options) };
    return { ...printed, capabilities, ownServer, dataDir, stop: child.stop };
  } catch (error) {
    await child.stop();
    const full = error instanceof ClientError && error.details?.exitCode === SERVE_EXIT_NO_FREE_PORT;
    throw full ? new RangeHeldStart('starting a served variant (mbsc serve)', [], { cause: error }) : error;
  }
}

/**
 * The same variant as an `--own-server` command, every placeholder in it: the port checks start it with ports of
 * its range taken, the push-service check (NET-09) with a push service of its own, and the nemesis crashes it at the
 * crash points it arms. Its own servers need no clock.
 */
function ownServerTemplate(options: ServeOptions): CommandTemplate {
  return commandTemplate([
    ...[process.execPath, options.cli, 'serve', '--edition', '{edition}', '--host', '{host}', '--data', '{data}'],
    ...['--console-key', '{consoleKey}', '--push-webhook', '{pushWebhook}', '--conformance-crash-points'],
    ...(options.faults.length > 0 ? ['--fault', options.faults.join(',')] : []),
  ]);
}

/** What the server says it offers beyond protocol v1, as any client would learn it. */
async function capabilitiesOf(url: string): Promise<string[]> {
  const response = await fetch(`${url}/v1/info`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new ClientError('server-start-failed', `GET ${url}/v1/info answered ${response.status}`);
  const info = (await response.json()) as { capabilities?: unknown };
  return Array.isArray(info.capabilities) ? info.capabilities.filter((c) => typeof c === 'string') : [];
}

/**
 * The served server as `mbsc validate` meets a vendor's: its URL, UDP port and console key, the command that starts
 * another like it (`--own-server` with `{pushWebhook}`, given to every check that starts servers of its own), and its
 * web console at `<url>/` with the reference console's locator map (what `--console-url URL/ --console-locators FILE`
 * gives), so the desktop console checks, the port checks and the push-service check run on this path too.
 */
export function servedTarget(server: ServedServer, edition: Edition): ServerTarget {
  const { url, udpPort, consoleKey, ownServer, dataDir } = server;
  return new ServerTarget({
    url,
    udpPort,
    edition,
    consoleKey,
    dataDir,
    // As a vendor gives it: the port checks start servers of their own with ports taken, the push-service check one
    // with a push service of the kit's, the nemesis one it crashes and starts again on its data.
    ownServer,
    webConsole: { url: `${url}/`, locators: REFERENCE_CONSOLE_LOCATORS },
  });
}
