/**
 * A reference server the nemesis may crash: a process of its own (restartable-entry.ts) on 127.0.0.1 (ports the OS picks) over a
 * data directory that outlives it, so that a SIGKILL and a start on the same data are what a power cut and a reboot
 * are to the desktop program. The data directory sits on a size-limited tmpfs when this machine lets the kit mount
 * one (as root), so that the nemesis can fill the disk. Where the mount fails (or MBSC_NO_DISK_MOUNT=1 asks the kit
 * not to try), a server that takes a disk quota (the reference one) is held to a quota of the same size instead, and
 * the nemesis fills that; any other server's disk cannot be filled, and says why.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bytesUnder } from '../../reference-server/storage/disk-quota.js';
import { SetupError } from '../kit/setup.js';
import type { Edition } from '../spec/editions.js';
import type { ServerFault } from '../spec/faults.js';
import type { RestartableEntryOptions } from './restartable-entry.js';
import { whereItListens } from './served-lines.js';
import { startProcess, whatItWrote, type StartedProcess } from './started-processes.js';
import type { CrashPoints, RestartableServer, SmallDisk } from './target.js';
import { CRASH_POINT_FILE } from '../spec/crash-points.js';

const RESTART = 'starting the server again on its data after a crash';
const RUNNING = 'the server the nemesis crashes, after it had started on its data';

/** Room for a few sequences' items and the database; small enough to fill in one write. */
const SMALL_DISK_BYTES = 24 * 1024 * 1024;

export async function startRestartableServer(
  entry: string,
  edition: Edition,
  faults: readonly ServerFault[],
): Promise<RestartableServer> {
  const consoleKey = randomBytes(24).toString('hex');
  const start = async (dataDir: string, diskQuota?: number) => {
    const options: RestartableEntryOptions = {
      edition,
      dataDir,
      consoleKey,
      faults,
      ...(diskQuota ? { diskQuota } : {}),
    };
    const child = startProcess([process.execPath, entry, JSON.stringify(options)]);
    try {
      return { child, url: (await whereItListens(child, 30_000)).url };
    } catch (error) {
      await child.stop();
      throw error;
    }
  };
  return restartableOn(`mbsc-nemesis-${edition}-`, consoleKey, start, { takesQuota: true, crashPoints: true });
}

/** A started server process and where it answers. */
export interface ServerStart {
  readonly child: StartedProcess;
  readonly url: string;
}

/**
 * A server that `start` starts on a data directory of its own (named from `prefix`, on a small tmpfs when one can be
 * mounted here, else under a disk quota of the same size when `takesQuota` says `start` passes one on), killed with
 * SIGKILL and started again on the same directory, removed with it when closed. A `start` that fails leaves no
 * process behind; after a crash, its `url` then throws why (a setup error) rather than name a port another server
 * may hold by now, and the next restart tries a start again. So does `url` once the server ended unasked (it died
 * after it began to answer: found on the range a moment before, its port is free for a neighbour's server).
 */
export async function restartableOn(
  prefix: string,
  consoleKey: string,
  start: (dataDir: string, diskQuota?: number) => Promise<ServerStart>,
  options: {
    readonly takesQuota?: boolean;
    /** The server dies at the crash points a file in its data directory arms; or why it does not. */
    readonly crashPoints?: true | string;
  } = {},
): Promise<RestartableServer> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const mountLack = mountSmallDisk(dir);
  const disk = smallDisk(dir, mountLack, options.takesQuota ?? false);
  const quota = typeof disk !== 'string' && disk.kind === 'quota' ? disk.bytes : undefined;
  const removeAll = () => {
    if (mountLack === undefined) unmount(dir);
    rmSync(dir, { recursive: true, force: true });
  };
  let current: ServerStart | undefined;
  // Why it is not running, once a start after a crash failed or it ended by itself: its old URL may be a
  // neighbour's by now.
  let down: SetupError | undefined;
  /** The running server, watched: one that ends unasked (not killed by the kit) is down from then on. */
  const run = (started: ServerStart) => {
    current = started;
    down = undefined;
    void started.child.exited.then((code) => {
      if (current !== started) return;
      current = undefined;
      down = new SetupError(RUNNING, [], {
        cause: new Error(`it ended by itself (exit code ${code})${whatItWrote(started.child)}`),
      });
    });
  };
  /** Ends the running server as a crash would; it is no longer watched, so its end is the kit's, not a fault. */
  const stopCurrent = async (how: 'kill' | 'stop') => {
    const ending = current;
    current = undefined;
    await ending?.child[how]();
  };
  try {
    run(await start(dir, quota));
  } catch (error) {
    removeAll();
    throw error;
  }
  return {
    get url() {
      if (!current) throw down ?? new SetupError(RESTART, [], { cause: new Error('it is starting again') });
      return current.url;
    },
    consoleKey,
    async restart() {
      await stopCurrent('kill');
      try {
        run(await start(dir, quota));
      } catch (error) {
        down = error instanceof SetupError ? error : new SetupError(RESTART, [], { cause: error });
        throw down;
      }
    },
    ...(typeof disk === 'string' ? { diskLack: disk } : { disk }),
    ...(options.crashPoints === true
      ? { crashPoints: crashPointsOf(dir) }
      : { crashPointLack: options.crashPoints ?? NO_CRASH_POINTS }),
    async close() {
      await stopCurrent('stop');
      removeAll();
    },
  };
}

const NO_CRASH_POINTS = 'the server was not started with its crash points on (mbsc serve --conformance-crash-points)';

/** The crash points of a server over `dir`: armed by the file there, fired once the server removed it. */
function crashPointsOf(dir: string): CrashPoints {
  const file = path.join(dir, CRASH_POINT_FILE);
  let armed = false;
  return {
    arm(point) {
      if (point) writeFileSync(file, point);
      else rmSync(file, { force: true });
      armed = point !== undefined;
    },
    fired: () => armed && !existsSync(file),
  };
}

/** The small disk the data directory has: the mounted tmpfs, else a quota when the server takes one; else why none. */
function smallDisk(dir: string, mountLack: string | undefined, takesQuota: boolean): SmallDisk | string {
  if (mountLack === undefined) {
    return { dir, bytes: SMALL_DISK_BYTES, kind: 'mount', free: () => freeBytes(dir) };
  }
  if (!takesQuota) return mountLack;
  return { dir, bytes: SMALL_DISK_BYTES, kind: 'quota', free: () => Math.max(0, SMALL_DISK_BYTES - bytesUnder(dir)) };
}

function freeBytes(dir: string): number {
  const { bavail, bsize } = statfsSync(dir);
  return Number(bavail) * Number(bsize);
}

/** Mounts a size-limited tmpfs on `dir`: undefined when done, else why not. */
function mountSmallDisk(dir: string): string | undefined {
  if (process.env.MBSC_NO_DISK_MOUNT === '1') return "the server's disk cannot be filled here: MBSC_NO_DISK_MOUNT=1";
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SMALL_DISK_BYTES}`, 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    const said = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `the server's disk cannot be filled here: mount -t tmpfs failed (${said})`;
  }
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    // Already gone; the removal that follows says nothing either way.
  }
}
