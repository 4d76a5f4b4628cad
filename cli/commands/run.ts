/**
 * `mbsc run` (the reference server with simulated devices, or any server given with --server) and `mbsc validate`
 * (a vendor's server: --server, --udp-port and --edition are required, or --server-image to start one from a
 * container image). Both write reports/out/ and exit 0 only when every applicable MUST requirement passes;
 * `--shard I/N` runs one part of the selection, for `mbsc merge` to join. This is their light declaration: the run
 * itself (run-action.ts) is imported only when one starts.
 */
import { defineCommand } from '../command.js';
import { startServerThreadsAhead } from '../../conformance/targets/server-threads.js';
import { RUN_OPTIONS, VALIDATE_OPTIONS, type Values } from './run-options.js';
import { serversAhead } from './servers-ahead.js';

export function runCommandOf(mode: 'run' | 'validate') {
  return defineCommand({
    summary:
      mode === 'run'
        ? 'Run the conformance suites (default: the reference server with the default device matrix) and write reports.'
        : "Validate a running server (a vendor's): --server URL --udp-port N --edition E [--console-key K].",
    // validate's options are a subset of run's: its values are read as run's, the ones it lacks left undefined.
    options: mode === 'run' ? RUN_OPTIONS : (VALIDATE_OPTIONS as typeof RUN_OPTIONS),
    async run(values, io) {
      if (mode === 'run') startServerThreadsAhead(serversAhead(values as Values));
      const { runOrValidate } = await import('./run-action.js');
      return runOrValidate(mode, values as Values, io);
    },
  });
}
