/** What `mbsc selftest` does once its options are parsed (selftest.ts declares them). */
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
import {
  EXIT,
  integerOption,
  randomSeed,
  seedOption,
  UsageError,
  type CommandIo,
  type ParsedOptions,
} from '../command.js';
import { kitVersion } from '../kit-version.js';
import { faultsOption } from '../fault-option.js';
import { table } from '../table.js';
import { runVendorPath } from './selftest-vendor-path.js';
import type { SELFTEST_OPTIONS } from './selftest-options.js';

export async function runSelftest(options: ParsedOptions<typeof SELFTEST_OPTIONS>, io: CommandIo): Promise<number> {
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
}

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
    const clock = spec.needsFrozenClock ? 'frozen' : spec.needsClock ? 'yes' : '-';
    return [name, spec.side, spec.caughtBy.join(', '), clock, spec.description + gap];
  });
  io.out(table(['variant', 'side', 'must fail', 'needs clock', 'what it does'], rows));
  return EXIT.ok;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
