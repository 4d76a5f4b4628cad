/**
 * What the suites test: a server (ours, started by the runner, or one already running such as a vendor's) with
 * simulated devices. Every check reaches the server only through the protocol, so any server is tested alike.
 *
 * This file is the whole contract between a check and its target: what a check may ask of a target beyond the
 * protocol is declared here, each optional, and a check that needs one states it where it applies
 * (conformance/kit/applies.ts), which turns its absence into the skip reason. No check casts a session to a
 * concrete target to reach anything else.
 */
import type { CrashPoint } from '../spec/crash-points.js';
import type { Edition } from '../spec/editions.js';
import type { MbsClient } from '../../simulators/mbs-client/mbs-client.js';
import type { AppUnderTest } from './app-under-test.js';
import type { WebConsole } from './web-console.js';

export interface TargetDescription {
  readonly kind: 'reference' | 'server' | 'app';
  readonly url?: string;
  readonly editions: readonly Edition[];
  readonly description: string;
}

/**
 * The server's clock, when the target lets a check move it: forward to reach a lifetime's end or the next code
 * step, and back by as much when the check is done (the session is shared with every later check of the edition).
 * Reading is synchronous (the kit knows the offset it set, on the machine's own clock); moving goes to the server.
 */
export interface TargetClock {
  /** Where a clock that stands still between moves stands at offset 0; absent for one that runs. */
  readonly frozenAtMs?: number;
  now(): number;
  advance(ms: number): Promise<void>;
}

/** A server of the target's own kind, started for one check on 127.0.0.1 with no port given, and stopped by it. */
export interface OwnServer {
  readonly url: string;
  readonly host: string;
  readonly udpPort: number;
  /** The desktop side of that server. */
  readonly console: MbsClient;
  close(): Promise<void>;
}

/**
 * The small disk of a server's data directory: a size-limited mount, or, where none can be mounted, a quota the
 * server holds its data directory to (reference-server/storage/disk-quota.ts). Either way a file of `free()` bytes
 * written into `dir` fills it, and removing that file frees it.
 */
export interface SmallDisk {
  readonly dir: string;
  readonly bytes: number;
  readonly kind: 'mount' | 'quota';
  /** Bytes that can still be written to it. */
  free(): number;
}

/**
 * A server the nemesis may crash: killed at once (SIGKILL, or the container killed) and started again on the same
 * data. Its URL may change from one start to the next (ports the OS picks); the kit reaches it through a proxy.
 */
export interface RestartableServer {
  readonly url: string;
  readonly consoleKey: string;
  /** Kills it as a power cut would and starts it again on its data; resolves once it answers again. */
  restart(): Promise<void>;
  /** The size-limited disk that holds its data, when the nemesis can fill that disk. */
  readonly disk?: SmallDisk;
  /** Why the disk cannot be filled, when it cannot. */
  readonly diskLack?: string;
  /** Its crash points (conformance/spec/crash-points.ts), when it was started with them on. */
  readonly crashPoints?: CrashPoints;
  /** Why no crash point can be armed, when none can. */
  readonly crashPointLack?: string;
  close(): Promise<void>;
}

/** A server's crash points, armed by a file in its data directory (conformance/spec/crash-points.ts). */
export interface CrashPoints {
  /** Arms `point` (or disarms every one): the server dies with SIGKILL when its work reaches it. */
  arm(point: CrashPoint | undefined): void;
  /** Whether the server died at the point armed last: it removed the file as it died. */
  fired(): boolean;
}

export interface TargetSession {
  readonly edition: Edition;
  /** Base URL of the server's HTTP port. */
  readonly url: string;
  readonly host: string;
  readonly udpPort: number;
  /** The desktop side of the server; absent when the target gives no console key (pairing checks then skip). */
  readonly console?: MbsClient;
  /** The server's clock, when checks may move it (the conformance clock routes, protocol-clock.ts). */
  readonly clock?: TargetClock;
  /**
   * Why there is no clock, when the target knows more than that it offers none: the server does not advertise the
   * conformance clock, it was turned off, or it does not move as told. Checks that need the clock skip with it.
   */
  readonly clockLack?: string;
  /** The server's data directory, when checks may read it (the storage layout). */
  readonly dataDir?: string;
  /**
   * Starts another server like this one (the same edition and variant) on ports it picks itself, when the target
   * can: the port checks take ports first and see which the server then chooses. This and the starts below fail as
   * the server does when its edition's range has no free port; a check that is not about ports starts through
   * startWhenRangeFrees (range-held.ts), since a neighbour's port check may hold the range for a moment.
   */
  readonly startOwnServer?: () => Promise<OwnServer>;
  /**
   * Starts another server like this one whose push notification service is the URL given, when the target can (the
   * reference target, with `--push-webhook`; a server on this machine whose `--own-server` command has `{pushWebhook}`): the push-service checks run a service of their own on 127.0.0.1 and
   * take it away to see the server without it (NET-09).
   */
  readonly startOwnServerWithPushService?: (pushWebhook: string) => Promise<OwnServer>;
  /** Why there is no such start, when the target knows more than that it has none (a command without the URL). */
  readonly pushServiceLack?: string;
  /**
   * Starts another server like this one whose data directory, its backup destination, is the folder given (which
   * the check made and removes), when the target can (the reference target; a server on this machine whose
   * `--own-server` command has `{data}`): the drive checks put it on another file system (STO-10).
   */
  readonly startOwnServerOn?: (dataDir: string) => Promise<OwnServer>;
  /**
   * A server like this one that the nemesis may crash and restart (the reference's own process, a container), for
   * the model-based checks that inject faults. Without it the nemesis injects only what its proxy can.
   */
  readonly startRestartableServer?: () => Promise<RestartableServer>;
  /** Why the target offers no server to crash, in words a report shows beside the faults left out. */
  readonly restartLack?: string;
  /** The app device checks install on their simulated devices. */
  readonly app: AppUnderTest;
  /** The desktop program's screens as a web page, when the target has one (the reference server serves it at /). */
  readonly webConsole?: WebConsole;
  /**
   * Why the session's server, and every server its checks start, stopped serving behind the kit's back, if they
   * have (the reference's: the thread they share ended with an uncaught error), once the target knows either way.
   * The runner asks before and after each cell: a check that met a dead or silent port may have read it as the
   * server's fault, so a cell whose servers were lost is an `error` naming why, whatever its check read.
   */
  readonly lost?: () => Promise<string | undefined>;
  close(): Promise<void>;
}

export interface Target {
  describe(): TargetDescription;
  open(edition: Edition): Promise<TargetSession>;
  /**
   * Set when each `open` starts a server of its own (the reference target): the runner then runs the exclusive
   * checks on a second server, one at a time, beside the other checks on the first, instead of before them.
   */
  readonly serverPerOpen?: boolean;
  /**
   * Set when every session it opens has a web console, known before one opens (the reference target): the runner
   * then starts the browser while the server starts.
   */
  readonly consoleEverySession?: boolean;
  /**
   * Set when the target is a server the kit did not start and that keeps its data after the run (a vendor's, at the
   * URL given): each cell then puts back what it made as it ends (conformance/kit/as-found.ts). The servers the kit
   * starts are discarded.
   */
  readonly leavesAsFound?: boolean;
  /**
   * Set when other runs of the kit may be at work on the same server at the same time (the shards of one run,
   * `--shard`): what carries the kit's mark there may be theirs and in use, so no cell takes it for a stopped run's
   * leftover (as-found.ts).
   */
  readonly sharedWithOtherRuns?: boolean;
}
