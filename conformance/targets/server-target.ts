/**
 * A server that is already running, such as a vendor's: `--server http://HOST:PORT --udp-port N --edition E`
 * (and `--console-key K` for the checks that need the desktop side to issue pairing tokens). When the server
 * advertises the conformance clock, the console key moves it (open-conformance-clock.ts), as on the reference target.
 * When it runs on this machine, the vendor may also give its data directory (`--data-dir`, read by the storage-layout
 * checks) and the command that starts another server like it (`--own-server`, for the port checks; with
 * `{pushWebhook}` in it, for the push-service check too), so that nothing
 * the reference target is checked for is skipped for want of them.
 */
import type { WebConsole } from './web-console.js';
import type { Edition } from '../spec/editions.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import type { AppFault } from '../spec/faults.js';
import { referenceApp, type AppUnderTest } from './app-under-test.js';
import { openConformanceClock } from './open-conformance-clock.js';
import {
  dataDirStart,
  ownServerProcess,
  pushServiceStart,
  restartStart,
  type OwnServerCommand,
} from './own-server-process.js';
import type { RestartableServer, Target, TargetSession } from './target.js';

export interface ServerTargetOptions {
  readonly url: string;
  readonly udpPort: number;
  readonly edition: Edition;
  readonly consoleKey?: string;
  /** Faulty variants of the app model the device checks drive (the kit's self-test); none by default. */
  readonly appFaults?: readonly AppFault[];
  /** The app device checks drive (default: the reference app model in process, with the app faults). */
  readonly app?: AppUnderTest;
  /** Use the server's conformance clock when it offers one (default); false validates without it. */
  readonly conformanceClock?: boolean;
  /** The server's web console, when the vendor gives its address and locator map. */
  readonly webConsole?: WebConsole;
  /** The server's data directory, on this machine; the checks only read it. */
  readonly dataDir?: string;
  /** How to start another server like this one, for the checks that start their own. */
  readonly ownServer?: OwnServerCommand;
  /** The target's own server, when the kit started it and may crash it (a container it runs). */
  readonly restart?: () => Promise<RestartableServer>;
  /** A server the kit did not start, kept after the run: each cell puts back what it made (Target). */
  readonly leavesAsFound?: boolean;
  /** Other runs of the kit may be at work on the server at the same time (Target). */
  readonly sharedWithOtherRuns?: boolean;
}

export class ServerTarget implements Target {
  private readonly app: AppUnderTest;
  /** After a session opened: undefined when it had the conformance clock, else why it had none. */
  clockLack: string | undefined;

  readonly leavesAsFound: boolean;
  readonly sharedWithOtherRuns: boolean;

  constructor(private readonly options: ServerTargetOptions) {
    this.app = options.app ?? referenceApp(options.appFaults);
    this.leavesAsFound = options.leavesAsFound ?? false;
    this.sharedWithOtherRuns = options.sharedWithOtherRuns ?? false;
  }

  describe() {
    return {
      kind: 'server' as const,
      url: this.options.url,
      editions: [this.options.edition],
      description:
        `the server at ${this.options.url} (${this.options.edition}, UDP ${this.options.udpPort}); ` +
        this.app.description,
    };
  }

  async open(edition: Edition): Promise<TargetSession> {
    const { url, udpPort, consoleKey } = this.options;
    const console = consoleKey ? new MbsClient({ baseUrl: url, consoleKey }) : undefined;
    const clock = await openConformanceClock(url, console, this.options.conformanceClock ?? true);
    this.clockLack = 'clockLack' in clock ? clock.clockLack : undefined;
    return {
      edition,
      url,
      host: new URL(url).hostname,
      udpPort,
      ...(console ? { console } : {}),
      ...clock,
      ...(this.options.dataDir ? { dataDir: this.options.dataDir } : {}),
      ...(this.options.ownServer ? { startOwnServer: ownServerProcess(this.options.ownServer, edition) } : {}),
      ...this.onDataDir(edition),
      ...this.pushService(edition),
      ...this.restartable(edition),
      app: this.app,
      ...(this.options.webConsole ? { webConsole: this.options.webConsole } : {}),
      async close() {},
    };
  }

  private restartable(edition: Edition): Pick<TargetSession, 'startRestartableServer' | 'restartLack'> {
    if (this.options.restart) return { startRestartableServer: this.options.restart };
    const command = this.options.ownServer;
    if (command) return restartStart(command, edition);
    return {
      restartLack:
        'a server reached by its URL only cannot be restarted by the kit (an --own-server command with {data} can)',
    };
  }

  /** A server on a data directory a check chooses: the --own-server command, when it takes {data}. */
  private onDataDir(edition: Edition) {
    const command = this.options.ownServer;
    return command ? dataDirStart(command, edition) : {};
  }

  private pushService(edition: Edition) {
    const command = this.options.ownServer;
    return command ? pushServiceStart(command, edition) : {};
  }
}
