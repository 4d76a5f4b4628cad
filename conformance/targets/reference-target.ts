/**
 * The default target: the reference server, started by the runner on 127.0.0.1 for each edition, with a fresh data
 * directory, its conformance clock on (checks move it through the protocol, as on a vendor's server), and more
 * servers like it for the checks that start their own.
 *
 * Every server of a target runs on one thread: the editions' servers, the exclusive checks' and those the checks
 * start. A thread loads the server's modules and compiles its hot code once for all the servers it holds, and on
 * two cores a thread per edition only added work: in a default run (seed 7, about 200,000 requests, four runs each,
 * in turn) three server threads took 199-227 s of CPU and 121-137 s, one thread 158-199 s of CPU and 101-128 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Edition } from '../spec/editions.js';
import { ClientError } from '../spec/errors.js';
import { isServerFault, type AppFault, type FaultName, type ServerFault } from '../spec/faults.js';
import { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import { referenceApp, type AppUnderTest } from './app-under-test.js';
import { openConformanceClock, type ClockOpening } from './open-conformance-clock.js';
import { ownReferenceServer } from './own-reference-server.js';
import { startRestartableServer } from './restartable-server.js';
import type { ServerThreadData } from './server-thread.js';
import { compiledFile, startOnServerThread } from './server-threads.js';
import type { Target, TargetSession } from './target.js';
import { REFERENCE_CONSOLE_LOCATORS } from './web-console.js';
import { scratchRoot } from './scratch-root.js';

export interface ReferenceSession extends TargetSession {
  readonly dataDir: string;
}

export interface ReferenceTargetOptions {
  /** Faulty variants of the server or the app (the kit's self-test); none in a conformance run. */
  readonly faults?: readonly FaultName[];
  /** The app device checks drive (default: the reference app model in process, with the app faults). */
  readonly app?: AppUnderTest;
  /**
   * Whether the server's conformance clock stands still between the kit's moves (default: one seed, one run), or
   * runs with the wall clock as a vendor's server does. A target that hides the clock from the kit must run it on
   * the wall clock: the kit then reads this machine's time, and a frozen server would stand years away from it.
   */
  readonly frozenClock?: boolean;
}

/**
 * The clock of a server the kit started, failing when the server is frozen and the kit could not open its clock: the
 * session would read this machine's time while the server stands at its fixed instant, years away, so every code
 * the kit computed and every lifetime it judged would be wrong (a one-time password refused as `otp-invalid` in a
 * check's setup). Such a server did not start as the kit needs it. One that runs with the wall clock may go without.
 */
export function clockOfFrozenServer(opening: ClockOpening, frozen: boolean): ClockOpening {
  if (!frozen || !('clockLack' in opening)) return opening;
  throw new ClientError(
    'server-start-failed',
    `the reference server started with its frozen conformance clock, but the kit could not open it: ${opening.clockLack}`,
  );
}

/** The share every server of a reference target runs in (server-threads.ts). */
export const SERVER_THREAD = 'reference servers';

export class ReferenceTarget implements Target {
  readonly serverPerOpen = true;
  readonly consoleEverySession = true;
  private readonly serverFaults: ServerFault[];
  private readonly appFaults: AppFault[];
  private readonly app: AppUnderTest;
  private readonly frozenClock: boolean;

  constructor(
    private readonly editions: readonly Edition[],
    options: ReferenceTargetOptions = {},
  ) {
    const faults = options.faults ?? [];
    this.serverFaults = faults.filter(isServerFault);
    this.appFaults = faults.filter((f): f is AppFault => !isServerFault(f));
    this.app = options.app ?? referenceApp(this.appFaults);
    this.frozenClock = options.frozenClock ?? true;
  }

  describe() {
    const faults = [...this.serverFaults, ...this.appFaults];
    return {
      kind: 'reference' as const,
      editions: this.editions,
      description:
        `the reference server (${this.editions.join(', ')}), started on 127.0.0.1` +
        (faults.length > 0 ? `, with the faulty variants ${faults.join(', ')}` : '') +
        `; ${this.app.description}`,
    };
  }

  async open(edition: Edition): Promise<ReferenceSession> {
    const dataDir = mkdtempSync(path.join(scratchRoot(), `mbsc-run-${edition}-`));
    const data: ServerThreadData = {
      edition,
      dataDir,
      faults: this.serverFaults,
      session: { frozenClock: this.frozenClock },
    };
    // Every server of the target shares one thread: each edition's session's, its exclusive checks', those its
    // checks start.
    const ready = await startOnServerThread(SERVER_THREAD, data).catch((error: unknown) => {
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    });
    const close = async () => {
      await ready.close();
      rmSync(dataDir, { recursive: true, force: true });
    };
    const console = new MbsClient({ baseUrl: ready.url, consoleKey: ready.consoleKey });
    // The same routes and probe as a vendor's server: a faulty variant's clock is judged like theirs.
    const clock = await openConformanceClock(ready.url, console)
      .then((opening) => clockOfFrozenServer(opening, this.frozenClock))
      .catch(async (error: unknown) => {
        await close();
        throw error;
      });
    const ownServer = ownReferenceServer(edition, this.serverFaults, SERVER_THREAD);
    return {
      edition,
      url: ready.url,
      host: '127.0.0.1',
      udpPort: ready.udpPort,
      console,
      dataDir,
      ...clock,
      startOwnServer: () => ownServer(),
      startOwnServerWithPushService: ownServer,
      startOwnServerOn: (dir) => ownServer(undefined, dir),
      startRestartableServer: () =>
        startRestartableServer(compiledFile('conformance/targets/restartable-entry.js'), edition, this.serverFaults),
      app: this.app,
      webConsole: { url: `${ready.url}/`, locators: REFERENCE_CONSOLE_LOCATORS },
      // The servers its checks start share its thread while that runs: they are lost with it, never without it.
      lost: async () => (await ready.lost())?.message,
      close,
    };
  }
}
