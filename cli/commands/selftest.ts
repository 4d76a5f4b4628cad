/**
 * `mbsc selftest`: proves the suites' power. Runs the conformance suites against every faulty variant of the
 * catalogue and prints which requirements caught each, the shortest counterexample and the command that replays
 * it, then the detection rate and the wall time. Exit 0 only when every variant is caught. `--vendor-path` starts
 * each server variant as its own process and validates it over HTTP instead (selftest-vendor-path.ts).
 */
import type { Check } from '../../conformance/kit/check.js';
import { selectChecks } from '../../conformance/runner/select-checks.js';
import { ClientError } from '../../conformance/spec/errors.js';
import {
  FAULT_NAMES,
  FAULTS,
  isServerFault,
  type FaultName,
  type FaultSpec,
  type ServerFault,
} from '../../conformance/spec/faults.js';
import { REQUIREMENTS } from '../../conformance/spec/requirements/index.js';
import { selftest } from '../../conformance/selftest/selftest.js';
import type { VariantResult } from '../../conformance/selftest/run-variant.js';
import { ALL_CHECKS } from '../../conformance/suites/index.js';
import { loadProfile } from '../../devices/load-profiles.js';
import { defineCommand, EXIT, integerOption, randomSeed, seedOption, UsageError, type CommandIo } from '../command.js';
import { kitVersion } from '../kit-version.js';
import { faultsOption } from '../fault-option.js';
import { table } from '../table.js';
import { runVendorPath } from './selftest-vendor-path.js';

/** One phone of each platform from the default matrix: every variant shows on one of them. */
const DEFAULT_PROFILES = 'redmi-note-8,iphone-12-mini';

export const selftestCommand = defineCommand({
  summary: 'Run the suites against every faulty variant of the catalogue; print what caught each and the rate.',
  options: {
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
  },
  async run(options, io) {
    if (options.list) return listCatalogue(io);
    const faults = faultsOption(options.faults) ?? [...FAULT_NAMES];
    const seed = seedOption(options.seed) ?? randomSeed();
    const runs = integerOption('runs', options.runs, 1, 100_000) as number;
    const concurrency = integerOption('concurrency', options.concurrency, 1, 16) as number;
    const checks = checksOption(options.checks);
    const claimedOnly = options['claimed-only'] === true;
    const profiles = options.profiles
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((id) => loadProfile(id));
    if (options['vendor-path']) {
      const faultsToServe = serverSideOnly(faults, options.faults);
      const run = { faults: faultsToServe, checks, claimedOnly, profiles, seed, runs, concurrency };
      return runVendorPath({ ...run, json: options.json === true }, io);
    }
    io.err(`mbsc selftest: ${faults.length} variants, seed ${seed}, ${runs} runs per property`);
    const result = await selftest({
      faults,
      checks,
      claimedOnly,
      profiles,
      seed,
      runs,
      kitVersion: kitVersion(),
      concurrency,
      onResult: (r, done, total) =>
        io.err(`  [${done}/${total}] ${r.fault}: ${r.caught ? 'caught' : 'NOT CAUGHT'} (${seconds(r.durationMs)})`),
    });
    if (options.json) io.out(JSON.stringify({ seed, runs, ...result }, null, 2));
    else printTable(result.results, io);
    const caught = result.results.filter((r) => r.caught).length;
    io.out(
      `Detection rate: ${caught}/${result.results.length} (${(result.detectionRate * 100).toFixed(1)} %), ` +
        `seed ${seed}, wall time ${seconds(result.durationMs)}`,
    );
    return caught === result.results.length ? EXIT.ok : EXIT.failed;
  },
});

/** `--checks a,b`: check ids of the suites, an unknown one a usage error naming the nearest; default all. */
function checksOption(value: string | undefined): readonly Check[] {
  if (value === undefined) return ALL_CHECKS;
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  try {
    return selectChecks(
      ALL_CHECKS,
      REQUIREMENTS.map((r) => r.id),
      { checks: ids },
    ).checks;
  } catch (error) {
    if (error instanceof ClientError) throw new UsageError(error.message);
    throw error;
  }
}

/** The vendor path starts servers: its variants are the server's; app variants named on purpose are refused. */
function serverSideOnly(faults: readonly FaultName[], named: string | undefined): ServerFault[] {
  const appSide = faults.filter((f) => !isServerFault(f));
  if (named !== undefined && appSide.length > 0) {
    throw new UsageError(`${appSide.join(', ')}: faults of the app model; --vendor-path runs server variants only.`);
  }
  return faults.filter(isServerFault);
}

function printTable(results: readonly VariantResult[], io: CommandIo): void {
  const rows = results.map((r) => [
    r.fault,
    r.caught ? 'yes' : `NO${r.missed.length > 0 ? ` (missed ${r.missed.join(', ')})` : ''}`,
    r.failed.join(', ') || '-',
    r.shortest?.commands === undefined ? (r.shortest ? 'one-shot' : '-') : String(r.shortest.commands),
    r.shortest?.replayCommand ?? '-',
  ]);
  io.out(table(['variant', 'caught', 'caught by', 'commands', 'replay'], rows));
}

function listCatalogue(io: CommandIo): number {
  const rows = FAULT_NAMES.map((name) => {
    const spec: FaultSpec = FAULTS[name];
    const gap = spec.knownGap ? ` (known gap: ${spec.knownGap})` : '';
    return [name, spec.side, spec.caughtBy.join(', '), spec.needsClock ? 'yes' : '-', spec.description + gap];
  });
  io.out(table(['variant', 'side', 'must fail', 'needs clock', 'what it does'], rows));
  return EXIT.ok;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
