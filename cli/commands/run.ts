/**
 * `mbsc run` (the reference server with simulated devices, or any server given with --server) and `mbsc validate`
 * (a vendor's server: --server, --udp-port and --edition are required). Both write reports/out/ and exit 0 only
 * when every applicable MUST requirement passes.
 */
import path from 'node:path';
import { ClientError } from '../../conformance/spec/errors.js';
import { EDITION_NAMES, type Edition } from '../../conformance/spec/editions.js';
import { REQUIREMENTS } from '../../conformance/spec/requirements/index.js';
import { type Check, type Column, type FailureDetails } from '../../conformance/framework/check.js';
import { loadExpectedFailures } from '../../conformance/runner/expected-failures.js';
import { loadRunConfig, type RunConfig } from '../../conformance/runner/run-config.js';
import { runConformance } from '../../conformance/runner/run-conformance.js';
import { selectChecks } from '../../conformance/runner/select-checks.js';
import { ALL_CHECKS } from '../../conformance/suites/registry.js';
import { ReferenceTarget } from '../../conformance/targets/reference-target.js';
import { ServerTarget } from '../../conformance/targets/server-target.js';
import { loadMatrix, loadProfile } from '../../devices/load-profiles.js';
import { defaultReporters } from '../../reports/default-reporters.js';
import { ReporterMultiplexer } from '../../reports/reporter-multiplexer.js';
import { defineCommand, EXIT, integerOption, UsageError, type CommandIo } from '../command.js';
import { kitVersion } from '../kit-version.js';
import { progressReporter } from '../progress.js';

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const RUN_OPTIONS = {
  server: {
    type: 'string',
    description: 'Test the server at this URL instead of the reference server',
    placeholder: 'URL',
  },
  'udp-port': { type: 'string', description: "The server's UDP discovery port", placeholder: 'N' },
  edition: { type: 'string', description: "The server's edition", choices: EDITION_NAMES },
  'console-key': {
    type: 'string',
    description: "The server's console key (pairing tokens for device checks)",
    placeholder: 'KEY',
  },
  editions: {
    type: 'string',
    description: 'Editions of the reference server to test (default: the matrix file)',
    placeholder: 'E,E',
  },
  devices: {
    type: 'string',
    description: 'Device matrix file (default devices/matrix.default.json)',
    placeholder: 'FILE',
  },
  profiles: { type: 'string', description: 'Device profile ids, instead of the matrix', placeholder: 'ID,ID' },
  requirements: { type: 'string', description: 'Only checks covering these requirement ids', placeholder: 'ID,ID' },
  checks: { type: 'string', description: 'Only these checks', placeholder: 'ID,ID' },
  tags: { type: 'string', description: 'Only checks with these tags or areas', placeholder: 'T,T' },
  seed: { type: 'string', description: 'Seed of every generated value (default: random, printed)', placeholder: 'N' },
  runs: { type: 'string', description: 'Generated cases or sequences per property', placeholder: 'N', default: '100' },
  replay: {
    type: 'string',
    description: 'Replay path of a failure (with its --seed and --checks)',
    placeholder: 'PATH',
  },
  config: { type: 'string', description: 'Read these options from a JSON file', placeholder: 'FILE' },
  'expected-failures': { type: 'string', description: 'Baseline of requirements known to fail', placeholder: 'FILE' },
  out: { type: 'string', description: 'Report folder', placeholder: 'DIR', default: 'reports/out' },
} as const;

const EXIT_OF_CODE: Record<string, number> = {
  unreachable: EXIT.unavailable,
  timeout: EXIT.unavailable,
  'protocol-violation': EXIT.protocol,
  'config-invalid': EXIT.config,
  'requirement-unknown': EXIT.requirement,
  'profile-invalid': EXIT.devices,
  'profile-not-found': EXIT.devices,
  'matrix-invalid': EXIT.devices,
  'baseline-invalid': EXIT.baseline,
};

type Values = { [K in keyof typeof RUN_OPTIONS]: string | undefined };

function merge(values: Values, config: RunConfig): RunConfig {
  const out: RunConfig = { ...config };
  const set = <K extends keyof RunConfig>(key: K, value: RunConfig[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('server', values.server);
  set('udpPort', integerOption('udp-port', values['udp-port'], 1, 65535));
  set('edition', values.edition as Edition | undefined);
  set('editions', list(values.editions) as Edition[] | undefined);
  set('consoleKey', values['console-key']);
  set('devices', values.devices);
  set('profiles', list(values.profiles));
  set('requirements', list(values.requirements));
  set('checks', list(values.checks));
  set('tags', list(values.tags));
  if (values.seed !== undefined) {
    if (!/^-?\d{1,10}$/.test(values.seed)) throw new UsageError(`--seed must be an integer, not "${values.seed}".`);
    out.seed = Number(values.seed);
  }
  if (values.runs !== undefined && config.runs === undefined) out.runs = integerOption('runs', values.runs, 1, 100_000);
  set('replay', values.replay);
  set('expectedFailures', values['expected-failures']);
  if (values.out !== undefined && config.out === undefined) out.out = values.out;
  return out;
}

export function runCommandOf(mode: 'run' | 'validate') {
  return defineCommand({
    summary:
      mode === 'run'
        ? 'Run the conformance suites (default: the reference server with the default device matrix) and write reports.'
        : "Validate a running server (a vendor's): --server URL --udp-port N --edition E [--console-key K].",
    options: RUN_OPTIONS,
    async run(values, io) {
      try {
        return await execute(mode, values as Values, io);
      } catch (error) {
        if (error instanceof ClientError && EXIT_OF_CODE[error.code] !== undefined) {
          io.err(`mbsc ${mode}: ${error.message}`);
          return EXIT_OF_CODE[error.code] as number;
        }
        throw error;
      }
    },
  });
}

async function execute(mode: 'run' | 'validate', values: Values, io: CommandIo): Promise<number> {
  const config = merge(values, values.config ? loadRunConfig(values.config) : {});
  if (mode === 'validate' && (!config.server || !config.udpPort || !config.edition)) {
    throw new UsageError('validate needs --server URL, --udp-port N and --edition pro|lite|home.');
  }
  const matrix = config.profiles ? undefined : loadMatrix(config.devices);
  const profiles = config.profiles ? config.profiles.map((id) => loadProfile(id)) : (matrix?.profiles ?? []);
  const target = config.server
    ? new ServerTarget({
        url: config.server,
        udpPort: config.udpPort ?? usage('--udp-port is required with --server.'),
        edition: config.edition ?? usage('--edition is required with --server.'),
        ...(config.consoleKey ? { consoleKey: config.consoleKey } : {}),
      })
    : new ReferenceTarget(config.editions ?? matrix?.editions ?? ['pro', 'home']);
  const knownIds = REQUIREMENTS.map((r) => r.id);
  const selection = selectChecks(ALL_CHECKS, knownIds, {
    ...(config.requirements ? { requirements: config.requirements } : {}),
    ...(config.tags ? { tags: config.tags } : {}),
    ...(config.checks ? { checks: config.checks } : {}),
  });
  const expectedFailures = config.expectedFailures
    ? loadExpectedFailures(config.expectedFailures, knownIds)
    : new Set<string>();
  const seed = config.seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  const runs = config.runs ?? 100;
  const outDir = path.resolve(config.out ?? 'reports/out');
  const reporters = new ReporterMultiplexer([
    progressReporter((line) => io.err(line)),
    ...defaultReporters({ outDir }),
  ]);
  const command = ['mbsc', mode, ...targetArgs(config), `--seed ${seed}`, `--runs ${runs}`].join(' ');
  const { summary, abort } = await runConformance({
    target,
    checks: selection.checks,
    catalogue: REQUIREMENTS,
    profiles,
    seed,
    runs,
    ...(config.replay ? { path: config.replay } : {}),
    ...(selection.requirements ? { selected: selection.requirements } : {}),
    expectedFailures,
    command,
    kitVersion: kitVersion(),
    replayCommand: (check, column, failure) => replayCommand(mode, config, check, column, failure, seed, runs),
    listener: reporters,
  });
  const final = await reporters.onRunEnd(summary);
  printVerdict(final, outDir, io);
  if (abort) {
    io.err(`mbsc ${mode}: ${abort.message}`);
    return EXIT_OF_CODE[abort.code] ?? EXIT.failed;
  }
  return final.verdict === 'pass' ? EXIT.ok : EXIT.failed;
}

function usage(message: string): never {
  throw new UsageError(message);
}

function targetArgs(config: RunConfig): string[] {
  if (!config.server) return config.editions ? [`--editions ${config.editions.join(',')}`] : [];
  return [
    `--server ${config.server}`,
    `--udp-port ${config.udpPort}`,
    `--edition ${config.edition}`,
    ...(config.consoleKey ? ['--console-key <KEY>'] : []),
  ];
}

function replayCommand(
  mode: string,
  config: RunConfig,
  check: Check,
  column: Column,
  failure: FailureDetails,
  seed: number,
  runs: number,
): string {
  const parts = ['mbsc', mode, ...targetArgs({ ...config, ...(config.server ? {} : { editions: [column.edition] }) })];
  parts.push(`--checks ${check.id}`);
  if (column.profile) parts.push(`--profiles ${column.profile.id}`);
  parts.push(`--seed ${failure.seed ?? seed}`, `--runs ${runs}`);
  if (failure.path) parts.push(`--replay '${failure.path}'`);
  return parts.join(' ');
}

function printVerdict(
  summary: Awaited<ReturnType<ReporterMultiplexer['onRunEnd']>>,
  outDir: string,
  io: CommandIo,
): void {
  const t = summary.totals;
  io.out(
    `${summary.verdict.toUpperCase()}: ${t.passed} passed, ${t.failed} failed, ${t.advisory} advisory, ${t.skipped} skipped, ${t.untested} untested of ${t.requirements} requirements (seed ${summary.seed}, ${(summary.durationMs / 1000).toFixed(1)} s)`,
  );
  for (const r of summary.requirements.filter((x) => x.verdict === 'fail')) {
    io.out(`  FAIL ${r.id} ${r.statement}${r.expectedFailure ? ' (expected)' : ''}`);
  }
  for (const id of summary.fixedExpectedFailures)
    io.out(`  ${id} is listed as an expected failure but passed: remove it from the baseline.`);
  io.out(`Reports: ${path.join(outDir, 'index.html')}`);
}
