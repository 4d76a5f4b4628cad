/**
 * Another server like a vendor's, for a check that starts servers of its own (the port checks): the vendor's own
 * command (`--own-server`), started as a child process with a fresh data directory and console key, found on its
 * edition's TCP range (or at a loopback URL it prints, wherever that is: a port check then judges the port) as the
 * one server there the kit has not seen before that takes that key, and stopped with its data directory when the
 * check is done. A command that ends early or never answers is an error of the check's
 * setup, naming the command, its exit code and what it last wrote; the port-fallback check, which starts it with
 * the defaults taken, charges that to NET-04 instead (ports-by-edition.ts).
 * A command with `{pushWebhook}` also starts servers whose push notification service is one the kit runs (NET-09);
 * a start that asks for none fills it with an address where nothing listens, since a command's words are fixed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SetupError } from '../kit/setup.js';
import { EDITIONS, type Edition } from '../spec/editions.js';
import { ClientError } from '../spec/errors.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { fillTemplate, type CommandTemplate } from './command-template.js';
import { rangeHeld, startWhenRangeFrees } from './range-held.js';
import { NO_FREE_PORT } from '../../reference-server/net/ports.js';
import { loopbackUrlsIn } from './served-lines.js';
import { serverAt, serversInRange, takesConsoleKey, type InfoAnswer } from './servers-in-range.js';
import { startProcess, whatItWrote, type StartedProcess } from './started-processes.js';
import { restartableOn } from './restartable-server.js';
import type { OwnServer, RestartableServer, TargetSession } from './target.js';

export interface OwnServerCommand {
  readonly template: CommandTemplate;
  /** The key the server takes when the command has no {consoleKey} (`--own-server-console-key`). */
  readonly consoleKey?: string;
  /** How long a started server may take to answer; default 30 s. */
  readonly readyTimeoutMs?: number;
}

const LOOPBACK = '127.0.0.1';
const POLL_INTERVAL_MS = 200;
/** How long a started server may take to answer: a start-up beside other servers on two busy CPUs. */
const READY_TIMEOUT_MS = 30_000;
/** Port 9 (discard) on the loopback: no service of the kit's listens there, so no push can arrive anywhere. */
export const NO_PUSH_SERVICE = `http://${LOOPBACK}:9/push`;

export const NO_PUSH_WEBHOOK =
  'starts a server like the target with a push service the kit runs and takes away: the --own-server command ' +
  "has no {pushWebhook} placeholder for that service's URL";

/** What the push-service checks (NET-09) get from the command: the start, or why the command cannot give it. */
export function pushServiceStart(
  command: OwnServerCommand,
  edition: Edition,
): Pick<TargetSession, 'startOwnServerWithPushService' | 'pushServiceLack'> {
  if (!command.template.uses.has('pushWebhook')) return { pushServiceLack: NO_PUSH_WEBHOOK };
  return { startOwnServerWithPushService: ownServerProcess(command, edition) };
}

/** What the drive checks (STO-10) get from the command: a server on a data directory they choose, when it has {data}. */
export function dataDirStart(command: OwnServerCommand, edition: Edition): Pick<TargetSession, 'startOwnServerOn'> {
  if (!command.template.uses.has('data')) return {};
  const start = ownServerProcess(command, edition);
  return { startOwnServerOn: (dir) => start(undefined, dir) };
}

export const NO_DATA_PLACEHOLDER =
  "a server the kit may crash and start again on its data: the --own-server command has no {data} placeholder, so a second start would not find the first one's data";

/** The word of a command whose server dies at the crash points the kit arms (conformance/spec/crash-points.ts). */
const CRASH_POINTS_FLAG = '--conformance-crash-points';
const NO_CRASH_POINTS_FLAG = `the --own-server command has no ${CRASH_POINTS_FLAG}, so its server takes no crash point the kit arms`;

/** What the nemesis gets from the command: a server it may crash and restart, or why the command cannot give one. */
export function restartStart(
  command: OwnServerCommand,
  edition: Edition,
): Pick<TargetSession, 'startRestartableServer' | 'restartLack'> {
  if (!command.template.uses.has('data')) return { restartLack: NO_DATA_PLACEHOLDER };
  return { startRestartableServer: () => restartableOwnServer(command, edition) };
}

/**
 * The command started as a server the nemesis may crash: SIGKILL, then the same command on the same data directory
 * and console key, found again on the edition's range (the ports may change; the kit reaches it through a proxy).
 */
function restartableOwnServer(command: OwnServerCommand, edition: Edition): Promise<RestartableServer> {
  const consoleKey = command.consoleKey ?? randomBytes(24).toString('hex');
  const crashPoints = command.template.words.includes(CRASH_POINTS_FLAG) || NO_CRASH_POINTS_FLAG;
  // Its own server after a restart is the one on its data: the same server id, and the kit's key.
  let serverId: string | undefined;
  return restartableOn(
    `mbsc-own-nemesis-${edition}-`,
    consoleKey,
    (dataDir) =>
      startWhenRangeFrees(async () => {
        const seen = serverId === undefined ? await seenIds(edition) : undefined;
        const ours = (server: InfoAnswer) => (seen ? !seen.has(server.serverId) : server.serverId === serverId);
        const values = { dataDir, consoleKey, pushWebhook: NO_PUSH_SERVICE };
        const { child, found } = await startFound(command, edition, values, ours, false);
        serverId = found.serverId;
        return { child, url: found.url };
      }, command.readyTimeoutMs ?? READY_TIMEOUT_MS),
    { crashPoints },
  );
}

async function seenIds(edition: Edition): Promise<Set<string>> {
  return new Set((await serversInRange(edition)).map((s) => s.serverId));
}

/**
 * Starts the command with these values and finds its server on the range; a start that fails is a setup error.
 * `ownsData`: stopping the process removes its data directory (not for a server started again on the same data).
 */
async function startFound(
  command: OwnServerCommand,
  edition: Edition,
  values: { readonly dataDir: string; readonly consoleKey: string; readonly pushWebhook: string },
  ours: (server: InfoAnswer) => boolean,
  ownsData: boolean,
): Promise<{ child: StartedProcess; found: InfoAnswer }> {
  const argv = fillTemplate(command.template, {
    edition,
    data: values.dataDir,
    consoleKey: values.consoleKey,
    host: LOOPBACK,
    pushWebhook: values.pushWebhook,
  });
  // Asked before the start too: a neighbour may free the range between the server's refusal and the kit's look.
  const heldAtStart = await rangeHeld(edition).catch(() => false);
  const child = startProcess(argv, ownsData ? { dataDir: values.dataDir } : {});
  const timeoutMs = command.readyTimeoutMs ?? READY_TIMEOUT_MS;
  const found = await newServer(child, edition, { ours, consoleKey: values.consoleKey, timeoutMs, heldAtStart });
  if ('why' in found) {
    await child.stop();
    const why = `${found.why}${found.rangeHeld ? '; every port of its range was taken then' : ''}`;
    throw new (found.rangeHeld ? RangeHeldStart : SetupError)(
      `starting another server like the target's (--own-server)`,
      [],
      {
        cause: new ClientError(
          'server-start-failed',
          `\`${argv.join(' ')}\` ${why}${whatItWrote(child, '; it wrote nothing')}`,
        ),
      },
    );
  }
  return { child, found };
}

export function ownServerProcess(
  command: OwnServerCommand,
  edition: Edition,
): (pushWebhook?: string, givenDataDir?: string) => Promise<OwnServer> {
  return async (pushWebhook?: string, givenDataDir?: string) => {
    const consoleKey = command.consoleKey ?? randomBytes(24).toString('hex');
    // A data directory the caller gives stays the caller's to remove.
    const dataDir = givenDataDir ?? mkdtempSync(path.join(tmpdir(), `mbsc-own-${edition}-`));
    const seen = await seenIds(edition);
    const values = { dataDir, consoleKey, pushWebhook: pushWebhook ?? NO_PUSH_SERVICE };
    const ours = (s: InfoAnswer) => !seen.has(s.serverId);
    const { child, found } = await startFound(command, edition, values, ours, givenDataDir === undefined);
    return {
      url: found.url,
      host: LOOPBACK,
      udpPort: found.udpPort,
      console: new MbsClient({ baseUrl: found.url, consoleKey }),
      close: child.stop,
    };
  };
}

/** Why a started server was not found, and whether its edition's range had no free port when it ended. */
interface NotStarted {
  readonly why: string;
  readonly rangeHeld: boolean;
}

/**
 * A start that ended while its edition's range had no free port: a neighbour held it, not a fault of the server. It
 * carries the code of the reference server's own refusal, so the checks that wait for a range to free
 * (range-held.ts) tell it the same way.
 */
export class RangeHeldStart extends SetupError {
  readonly code = NO_FREE_PORT;
}

/**
 * The server it started, once it answers; else why not, in words that follow the command line. It is looked for
 * where the process says it listens (a loopback URL it prints, as `mbsc serve` does), then on the edition's range:
 * either way it must be `ours` and take the key the kit gave it, so a neighbour never passes for it.
 */
async function newServer(
  child: StartedProcess,
  edition: Edition,
  look: {
    readonly ours: (server: InfoAnswer) => boolean;
    readonly consoleKey: string;
    readonly timeoutMs: number;
    /** Whether the range had no free port as the process started. */
    readonly heldAtStart: boolean;
  },
): Promise<InfoAnswer | NotStarted> {
  const { ours, consoleKey, timeoutMs } = look;
  let ended: string | undefined;
  let heldAtEnd = false;
  void child.exited.then(async (code) => {
    // Asked the moment it ends: a neighbour holds a whole range only for as long as one start of its own takes, and
    // one that let go of it as the server refused leaves it held at the start.
    heldAtEnd = !child.spawnError() && (look.heldAtStart || (await rangeHeld(edition).catch(() => false)));
    ended = child.spawnError() ? 'could not be started' : `exited with code ${code} before it answered`;
  });
  const printed = new Set<string>();
  child.onLine((line) => loopbackUrlsIn(line).forEach((url) => printed.add(url)));
  const isIt = async (server: InfoAnswer | undefined) =>
    server !== undefined && ours(server) && (await takesConsoleKey(server.url, consoleKey));
  const deadline = Date.now() + timeoutMs;
  while (ended === undefined && Date.now() < deadline) {
    for (const url of printed) {
      const server = await serverAt(url);
      if (await isIt(server)) return server as InfoAnswer;
    }
    for (const server of await serversInRange(edition)) if (await isIt(server)) return server;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  const { first, last } = EDITIONS[edition].tcp;
  const why = ended ?? `did not answer GET /v1/info on ${LOOPBACK}, TCP ${first}-${last}, within ${timeoutMs / 1000} s`;
  return { why, rangeHeld: heldAtEnd };
}
