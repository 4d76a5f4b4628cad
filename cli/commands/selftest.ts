/**
 * `mbsc selftest`: proves the suites' power. Runs the conformance suites against every faulty variant of the
 * catalogue and prints which requirements caught each, the shortest counterexample and the command that replays
 * it, then the detection rate and the wall time. Exit 0 only when every variant is caught. `--vendor-path` starts
 * each server variant as its own process and validates it over HTTP instead (selftest-vendor-path.ts).
 */
import { defineCommand, lazyAction } from '../command.js';

/** One phone of each platform from the default matrix: every variant shows on one of them. */
const DEFAULT_PROFILES = 'redmi-note-8,iphone-12-mini';

export const SELFTEST_OPTIONS = {
  faults: { type: 'string', description: 'Only these variants (default: all)', placeholder: 'NAME,NAME' },
  list: { type: 'boolean', description: 'List the catalogue of faulty variants and exit' },
  profiles: {
    type: 'string',
    description: 'Device profiles each variant runs on',
    placeholder: 'ID,ID',
    default: DEFAULT_PROFILES,
  },
  seed: { type: 'string', description: 'Seed of every generated value (default: random, printed)', placeholder: 'N' },
  runs: {
    type: 'string',
    description: 'Generated cases or sequences per property',
    placeholder: 'N',
    default: '100',
  },
  concurrency: { type: 'string', description: 'Variants run side by side', placeholder: 'N', default: '2' },
  checks: { type: 'string', description: 'Only these checks (default: all)', placeholder: 'ID,ID' },
  'claimed-only': {
    type: 'boolean',
    description: 'Run each variant only through the checks that claim the requirements it must fail (quicker)',
  },
  'vendor-path': {
    type: 'boolean',
    description:
      'Start each server variant as its own mbsc serve process and validate it over HTTP, without and with the conformance clock',
  },
  json: { type: 'boolean', description: 'Print the results as JSON' },
} as const;

export const selftestCommand = defineCommand({
  summary: 'Run the suites against every faulty variant of the catalogue; print what caught each and the rate.',
  options: SELFTEST_OPTIONS,
  run: lazyAction(async () => (await import('./selftest-action.js')).runSelftest),
});
