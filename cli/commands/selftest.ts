/**
 * `mbsc selftest`: proves the suites' power. Runs the conformance suites against every faulty variant of the
 * catalogue and prints which requirements caught each, the shortest counterexample and the command that replays
 * it, then the detection rate and the wall time. Exit 0 only when every variant is caught.
 */
import { FAULT_NAMES, FAULTS } from '../../conformance/spec/faults.js';
import { selftest } from '../../conformance/selftest/selftest.js';
import type { VariantResult } from '../../conformance/selftest/run-variant.js';
import { ALL_CHECKS } from '../../conformance/suites/index.js';
import { loadProfile } from '../../devices/load-profiles.js';
import { defineCommand, EXIT, integerOption, randomSeed, seedOption, type CommandIo } from '../command.js';
import { kitVersion } from '../kit-version.js';
import { faultsOption } from '../fault-option.js';
import { table } from '../table.js';

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
    json: { type: 'boolean', description: 'Print the results as JSON' },
  },
  async run(options, io) {
    if (options.list) return listCatalogue(io);
    const faults = faultsOption(options.faults) ?? [...FAULT_NAMES];
    const seed = seedOption(options.seed) ?? randomSeed();
    const runs = integerOption('runs', options.runs, 1, 100_000) as number;
    const profiles = options.profiles
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((id) => loadProfile(id));
    io.err(`mbsc selftest: ${faults.length} variants, seed ${seed}, ${runs} runs per property`);
    const result = await selftest({
      faults,
      checks: ALL_CHECKS,
      profiles,
      seed,
      runs,
      kitVersion: kitVersion(),
      concurrency: integerOption('concurrency', options.concurrency, 1, 16) as number,
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
    const spec = FAULTS[name];
    return [name, spec.side, spec.caughtBy.join(', '), spec.description];
  });
  io.out(table(['variant', 'side', 'must fail', 'what it does'], rows));
  return EXIT.ok;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
