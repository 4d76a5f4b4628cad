/**
 * Parent side of a forked server process: starts it on a fresh data directory, reads its memory and CPU time from
 * /proc while a phase runs, and stops it and removes its data directory afterwards, so disk use stays bounded.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchConfig } from './bench-config.js';
import type { ChildMessage, ParentMessage, ServerKind } from './server-child.js';

const CHILD_ENTRY = fileURLToPath(new URL('./server-child.js', import.meta.url));
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 30_000;
/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture Node supports. */
const TICKS_PER_SECOND = 100;

export interface ServerProcess {
  readonly kind: ServerKind;
  readonly url: string;
  readonly consoleKey: string;
  readonly pid: number;
  readonly dataDir: string;
  /** Resident set and its high-water mark in bytes, and CPU seconds so far; undefined without /proc. */
  probe(): ProcessProbe | undefined;
  stop(): Promise<void>;
}

export interface ProcessProbe {
  readonly rssBytes: number;
  readonly hwmBytes: number;
  readonly cpuSeconds: number;
  /** CPU seconds of the main thread alone (the event loop), of the process's `cpuSeconds`. */
  readonly mainThreadCpuSeconds: number;
}

/** Every server still running, so that an aborted run can stop them (by their pid, which this process forked). */
const live = new Set<{ child: ChildProcess; dataDir: string }>();

export async function launchServer(
  kind: ServerKind,
  { tmpRoot, profileDir, serverNodeFlags }: Pick<BenchConfig, 'tmpRoot' | 'profileDir' | 'serverNodeFlags'>,
): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpRoot, `mbs-bench-${kind}-`));
  const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const execArgv = [...profiling, ...serverNodeFlags];
  const child = fork(CHILD_ENTRY, [kind, dataDir], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const entry = { child, dataDir };
  live.add(entry);
  try {
    const ready = await nextMessage(child, START_TIMEOUT_MS, `${kind} server start`);
    if (ready.type !== 'ready') throw new Error(`The ${kind} server did not start: ${JSON.stringify(ready)}`);
    const pid = child.pid as number;
    return {
      kind,
      url: ready.url,
      consoleKey: ready.consoleKey,
      pid,
      dataDir,
      probe: () => probeProcess(pid),
      async stop() {
        child.send({ type: 'stop' } satisfies ParentMessage);
        try {
          const reply = await nextMessage(child, STOP_TIMEOUT_MS, `${kind} server stop`);
          if (reply.type !== 'stopped') throw new Error(`The ${kind} server did not stop: ${JSON.stringify(reply)}`);
          await exited(child, STOP_TIMEOUT_MS);
        } finally {
          release(entry);
        }
      },
    };
  } catch (error) {
    release(entry);
    throw error;
  }
}

/** Kills what is still running and removes its data; for a run that is being aborted. */
export function releaseAll(): void {
  for (const entry of [...live]) release(entry);
}

function release(entry: { child: ChildProcess; dataDir: string }): void {
  if (entry.child.exitCode === null && entry.child.signalCode === null) entry.child.kill('SIGKILL');
  rmSync(entry.dataDir, { recursive: true, force: true });
  live.delete(entry);
}

function nextMessage(child: ChildProcess, timeoutMs: number, what: string): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`${what}: no answer within ${timeoutMs} ms.`)), timeoutMs);
    const onMessage = (message: ChildMessage) => finish(undefined, message);
    const onExit = (code: number | null) => finish(new Error(`${what}: the process exited (${code}).`));
    function finish(error: Error | undefined, message?: ChildMessage) {
      clearTimeout(timer);
      child.off('message', onMessage).off('exit', onExit);
      if (error) reject(error);
      else resolve(message as ChildMessage);
    }
    child.on('message', onMessage).on('exit', onExit);
  });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function probeProcess(pid: number): ProcessProbe | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return {
      rssBytes: kb('VmRSS'),
      hwmBytes: kb('VmHWM'),
      cpuSeconds: cpuTicks(`/proc/${pid}/stat`) / TICKS_PER_SECOND,
      mainThreadCpuSeconds: cpuTicks(`/proc/${pid}/task/${pid}/stat`) / TICKS_PER_SECOND,
    };
  } catch {
    return undefined;
  }
}

/** utime + stime of a /proc stat file. */
function cpuTicks(statFile: string): number {
  // Fields after the command name, which is in parentheses and may itself contain spaces: utime is the 12th.
  const stat = readFileSync(statFile, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}
