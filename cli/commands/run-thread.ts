/**
 * Whether `mbsc run` shares its cells between worker threads (conformance/runner/cell-threads.ts), and what each
 * thread is given to rebuild the run (run-thread-entry.ts). Only a target that lives in process is rebuilt there:
 * the reference server, which each thread starts for itself, with the app in process.
 */
import os from 'node:os';
import type { CellThreads } from '../../conformance/runner/cell-threads.js';
import type { RunConfig } from '../../conformance/runner/run-config.js';
import type { Edition } from '../../conformance/spec/editions.js';
import { ReferenceTarget } from '../../conformance/targets/reference-target.js';
import { compiledFile } from '../../conformance/targets/server-threads.js';
import type { Target } from '../../conformance/targets/target.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';

/** What a thread needs to rebuild the run: plain data, copied to it. */
export interface RunThreadData {
  readonly config: RunConfig;
  readonly editions: readonly Edition[];
  readonly profiles: readonly DeviceSpec[];
  readonly checkIds: readonly string[];
  readonly seed: number;
  readonly runs: number;
}

/**
 * The threads of a run, or none: `--threads N` (2 or more) with the reference target and the app in process, but
 * not for a replay (one cell). One thread stays the default until a quiet two-core machine shows two faster: on this
 * shared one, two threads cost about a fifth more CPU (each loads the kit, a split edition starts two more servers,
 * each thread its own Chromium) and the browser checks timed out under the added load (bench/MEASUREMENTS.md).
 */
export function runThreads(
  config: RunConfig,
  target: Target,
  run: Omit<RunThreadData, 'config'>,
): CellThreads | undefined {
  const count = Math.min(config.threads ?? 1, os.availableParallelism());
  const inProcess = config.via === undefined || config.via === 'in-process';
  if (count < 2 || !inProcess || !(target instanceof ReferenceTarget) || config.replay) return undefined;
  const data: RunThreadData = { config, ...run };
  return { count, entry: compiledFile('cli/commands/run-thread-entry.js'), data };
}
