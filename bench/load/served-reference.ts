/**
 * The reference server the load benchmark measures: `mbsc serve` as a process of its own on 127.0.0.1 (met only
 * over HTTP, as a vendor's server is), whose memory and CPU time are read from /proc while the phones run.
 * MBS_LOAD_PROFILE=DIR writes a V8 CPU profile of it there; MBS_LOAD_NODE_FLAGS passes more flags to its node
 * (split on spaces), for instance `--perf-basic-prof` to read it with `perf record`, or `--heapsnapshot-signal=SIGUSR2`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { whereItListens } from '../../conformance/targets/served-lines.js';
import { startProcess } from '../../conformance/targets/started-processes.js';
import { probeProcess, type ProcessProbe } from '../server/server-process.js';

const CLI = fileURLToPath(new URL('../../cli/bin.js', import.meta.url));
export type ServerSample = ProcessProbe;

export interface ServedReference {
  readonly url: string;
  readonly consoleKey: string;
  sample(): ServerSample | undefined;
  stop(): Promise<void>;
}

export async function serveReference(profileDir: string | undefined): Promise<ServedReference> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mbsc-bench-load-'));
  const node = (process.env['MBS_LOAD_NODE_FLAGS'] ?? '').split(' ').filter((flag) => flag !== '');
  if (profileDir) node.push('--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`);
  const argv = [process.execPath, ...node, CLI, 'serve', '--host', '127.0.0.1', '--data', dataDir, '--name', 'bench'];
  const child = startProcess(argv, { dataDir });
  try {
    const printed = await whereItListens(child, 60_000);
    const pid = child.pid as number;
    return { url: printed.url, consoleKey: printed.consoleKey, sample: () => probeProcess(pid), stop: child.stop };
  } catch (error) {
    await child.stop();
    throw error;
  }
}
