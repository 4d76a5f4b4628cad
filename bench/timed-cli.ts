/**
 * Runs `mbsc` as a child process, as a user would, and measures it: wall time, and the CPU time (user + system) of
 * its whole process tree — the runner's threads, the reference servers' threads, Chromium, Appium — read from this
 * process's reaped-children counters in /proc (Linux). On a shared machine the CPU time is the steadier figure: other
 * processes lengthen the wall time, not the work.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MBSC_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cli/bin.js');

/** Linux reports the counters in clock ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100;

export interface TimedCommand {
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly wallSeconds: number;
  /** User + system CPU of the command and every process it started; null where /proc is missing. */
  readonly cpuSeconds: number | null;
  /** The last lines of its output, to show why it failed. */
  readonly tail: string;
}

/** CPU seconds of this process's children that have ended (and of their own ended children). */
function childrenCpuSeconds(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name (which may hold spaces), from field 3 on: cutime and cstime are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

/** Runs `mbsc ARGS` to its end; one command at a time, so the children counters are its alone. */
export async function timedMbsc(args: readonly string[]): Promise<TimedCommand> {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const child = spawn(process.execPath, [MBSC_BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  const cpuAfter = childrenCpuSeconds();
  const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  return { args, exitCode, wallSeconds, cpuSeconds, tail: output.split('\n').slice(-8).join('\n') };
}

/** "12.3 s (goal 30 s: ratio 0.41)" */
export function againstGoal(seconds: number | null, goalSeconds: number): string {
  if (seconds === null) return 'n/a';
  return `${seconds.toFixed(1)} s (goal ${goalSeconds} s: ratio ${(seconds / goalSeconds).toFixed(2)})`;
}
