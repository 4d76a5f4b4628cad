/**
 * A reference server the nemesis may crash: a process of its own (restartable-entry.ts) on 127.0.0.1 (ports the OS picks) over a
 * data directory that outlives it, so that a SIGKILL and a start on the same data are what a power cut and a reboot
 * are to the desktop program. The data directory sits on a size-limited tmpfs when this machine lets the kit mount
 * one (as root), so that the nemesis can fill the disk; otherwise the disk cannot be filled and says why.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Edition } from '../spec/editions.js';
import type { ServerFault } from '../spec/faults.js';
import type { RestartableEntryOptions } from './restartable-entry.js';
import { whereItListens } from './served-lines.js';
import { startProcess, type StartedProcess } from './started-processes.js';
import type { RestartableServer } from './target.js';

/** Room for a few sequences' items and the database; small enough to fill in one write. */
const DISK_BYTES = 24 * 1024 * 1024;

export async function startRestartableServer(
  entry: string,
  edition: Edition,
  faults: readonly ServerFault[],
): Promise<RestartableServer> {
  const dir = mkdtempSync(path.join(tmpdir(), `mbsc-nemesis-${edition}-`));
  const disk = mountSmallDisk(dir);
  const consoleKey = randomBytes(24).toString('hex');
  const options: RestartableEntryOptions = { edition, dataDir: dir, consoleKey, faults };
  const args = [entry, JSON.stringify(options)];
  let child: StartedProcess | undefined;
  let url = '';
  const start = async () => {
    child = startProcess([process.execPath, ...args]);
    url = (await whereItListens(child, 30_000)).url;
  };
  const removeAll = () => {
    if (disk === undefined) unmount(dir);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await start();
  } catch (error) {
    await child?.stop();
    removeAll();
    throw error;
  }
  return {
    get url() {
      return url;
    },
    consoleKey,
    async restart() {
      await child?.kill();
      await start();
    },
    ...(disk === undefined ? { disk: { dir, bytes: DISK_BYTES } } : { diskLack: disk }),
    async close() {
      await child?.stop();
      removeAll();
    },
  };
}

/** Mounts a size-limited tmpfs on `dir`: undefined when done, else why not. */
function mountSmallDisk(dir: string): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK_BYTES}`, 'tmpfs', dir], { stdio: 'pipe' });
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
