/**
 * `mbsc selftest`: proves the suites' power. Runs the conformance suites against every faulty variant of the
 * catalogue and prints which requirements caught each, the shortest counterexample and the command that replays
 * it, then the detection rate and the wall time. Exit 0 only when every variant is caught. `--vendor-path` starts
 * each server variant as its own process and validates it over HTTP instead (selftest-vendor-path.ts).
 */
import { defineCommand, lazyAction } from '../command.js';
import { SELFTEST_OPTIONS } from './selftest-options.js';

export const selftestCommand = defineCommand({
  summary: 'Run the suites against every faulty variant of the catalogue; print what caught each and the rate.',
  options: SELFTEST_OPTIONS,
  run: lazyAction(async () => (await import('./selftest-action.js')).runSelftest),
});
