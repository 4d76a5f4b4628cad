/** The options `mbsc selftest` takes: read by its help without loading its action (selftest-action.ts). */

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
