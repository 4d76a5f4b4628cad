/**
 * `mbsc run` (the reference server with simulated devices, or any server given with --server) and `mbsc validate`
 * (a vendor's server: --server, --udp-port and --edition are required, or --server-image to start one from a
 * container image). Both write reports/out/ and exit 0 only when every applicable MUST requirement passes;
 * `--shard I/N` runs one part of the selection, for `mbsc merge` to join.
 */
import path from 'node:path';
import { ClientError } from '../../conformance/spec/errors.js';
import { EDITION_NAMES, type Edition } from '../../conformance/spec/editions.js';
import { REQUIREMENTS } from '../../conformance/spec/requirements/index.js';
import type { Check } from '../../conformance/framework/check.js';
import { replayCommand, runCommandLine } from '../../conformance/runner/command-lines.js';
import { loadExpectedFailures } from '../../conformance/runner/expected-failures.js';
import { loadRunConfig, type RunConfig } from '../../conformance/runner/run-config.js';
import { runConformance } from '../../conformance/runner/run-conformance.js';
import { selectChecks, type Selection } from '../../conformance/runner/select-checks.js';
import { formatShard, parseShard, shardChecks, ShardSyntaxError, type Shard } from '../../conformance/runner/shard.js';
import { ALL_CHECKS } from '../../conformance/suites/registry.js';
import type { Target } from '../../conformance/targets/target.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { loadMatrix, loadProfile } from '../../devices/load-profiles.js';
import { defaultReporters } from '../../reports/default-reporters.js';
import { ReporterMultiplexer } from '../../reports/reporter-multiplexer.js';
import { defineCommand, EXIT, integerOption, randomSeed, seedOption, UsageError, type CommandIo } from '../command.js';
import { kitVersion } from '../kit-version.js';
import { progressReporter } from '../progress.js';
import { faultsOption } from '../fault-option.js';
import { checkTargetOptions, openTarget } from './run-target.js';

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
  shard: {
    type: 'string',
    description: 'Run only part I of N of the selected checks (join the parts with mbsc merge)',
    placeholder: 'I/N',
  },
  fault: {
    type: 'string',
    description: 'Run faulty variants of the reference server or app (to test the kit; see mbsc selftest --list)',
    placeholder: 'NAME,NAME',
  },
  via: {
    type: 'string',
    description:
      'How checks of the app screens drive it: the session model in process, WebDriver through Appium 3, or a real build on emulators',
    choices: ['in-process', 'appium', 'emulator'],
  },
  'appium-url': {
    type: 'string',
    description:
      "A running Appium or Selenium Grid 4 endpoint for --via appium or emulator (default: start the kit's own)",
    placeholder: 'URL',
  },
  app: {
    type: 'string',
    description: 'The app build for --via emulator: path or URL of an .apk, .app or .ipa',
    placeholder: 'FILE',
  },
  'app-id': {
    type: 'string',
    description: 'The Android package or iOS bundle id of the build for --via emulator (default com.mbs.app)',
    placeholder: 'ID',
  },
  locators: {
    type: 'string',
    description: 'JSON file of element id → selector, where the build names elements its own way (--via emulator)',
    placeholder: 'FILE',
  },
  workers: {
    type: 'string',
    description: 'Cells run at once per edition: parallel device sessions (default 4)',
    placeholder: 'N',
  },
  'server-image': {
    type: 'string',
    description: 'Start this container image of a server and test it, with --edition (needs Docker)',
    placeholder: 'IMAGE',
  },
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
  'container-runtime-unavailable': EXIT.unavailable,
  'container-start-failed': EXIT.unavailable,
  'appium-unavailable': EXIT.unavailable,
  'emulator-unavailable': EXIT.unavailable,
  'device-control-unavailable': EXIT.unavailable,
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
  set('seed', seedOption(values.seed));
  if (values.runs !== undefined && config.runs === undefined) out.runs = integerOption('runs', values.runs, 1, 100_000);
  set('replay', values.replay);
  set('expectedFailures', values['expected-failures']);
  set('shard', values.shard);
  set('serverImage', values['server-image']);
  set('faults', faultsOption(values.fault));
  set('via', values.via as RunConfig['via']);
  set('appiumUrl', values['appium-url']);
  set('app', values.app);
  set('appId', values['app-id']);
  set('locators', values.locators);
  set('workers', integerOption('workers', values.workers, 1, 64));
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
  const shard = shardOption(config.shard);
  checkTargetOptions(config);
  if (config.serverImage && !config.edition)
    usage('--server-image needs --edition pro|lite|home (what the image runs).');
  if (mode === 'validate' && !config.serverImage && (!config.server || !config.udpPort || !config.edition)) {
    throw new UsageError('validate needs --server URL, --udp-port N and --edition pro|lite|home, or --server-image.');
  }
  const matrix = config.profiles ? undefined : loadMatrix(config.devices);
  const profiles = config.profiles ? config.profiles.map((id) => loadProfile(id)) : (matrix?.profiles ?? []);
  const knownIds = REQUIREMENTS.map((r) => r.id);
  const selection = selectChecks(ALL_CHECKS, knownIds, {
    ...(config.requirements ? { requirements: config.requirements } : {}),
    ...(config.tags ? { tags: config.tags } : {}),
    ...(config.checks ? { checks: config.checks } : {}),
  });
  const checks = shard ? shardChecks(selection.checks, shard) : selection.checks;
  if (shard && checks.length === 0) {
    io.err(`mbsc ${mode}: shard ${formatShard(shard)} has no checks (the selection has ${selection.checks.length}).`);
  }
  const expectedFailures = config.expectedFailures
    ? loadExpectedFailures(config.expectedFailures, knownIds)
    : new Set<string>();
  // Started only once every input is known good, so bad input never costs a container or an Appium start.
  const opened = await openTarget(config, config.editions ?? matrix?.editions ?? ['pro', 'home'], profiles);
  try {
    const { target } = opened;
    return await runAndReport(mode, config, { target, profiles, checks, selection, expectedFailures, shard }, io);
  } finally {
    await opened.stop();
  }
}

/** Everything a run needs once its input has been read and checked. */
interface Prepared {
  readonly target: Target;
  readonly profiles: DeviceSpec[];
  readonly checks: Check[];
  readonly selection: Selection;
  readonly expectedFailures: ReadonlySet<string>;
  readonly shard: Shard | undefined;
}

async function runAndReport(mode: 'run' | 'validate', config: RunConfig, prepared: Prepared, io: CommandIo) {
  const { target, profiles, checks, selection, expectedFailures, shard } = prepared;
  const seed = config.seed ?? randomSeed();
  const runs = config.runs ?? 100;
  const outDir = path.resolve(config.out ?? 'reports/out');
  const reporters = new ReporterMultiplexer([
    progressReporter((line) => io.err(line)),
    ...defaultReporters({ outDir }),
  ]);
  const command = runCommandLine(mode, config, shard, seed, runs);
  if (shard) io.err(`Shard ${formatShard(shard)}: ${checks.length} of the ${selection.checks.length} selected checks`);
  const { summary, abort } = await runConformance({
    target,
    checks,
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
    ...(config.workers ? { concurrency: config.workers } : {}),
  });
  // The whole selection goes with the shard, so `mbsc merge` can name a missing shard's checks.
  const shardInfo = shard && {
    ...shard,
    selection: selection.checks.map((c) => c.id),
    ...(selection.requirements ? { requirements: [...selection.requirements] } : {}),
  };
  const final = await reporters.onRunEnd(shardInfo ? { ...summary, shard: shardInfo } : summary);
  printVerdict(final, outDir, io);
  if (abort) {
    io.err(`mbsc ${mode}: ${abort.message}`);
    return EXIT_OF_CODE[abort.code] ?? EXIT.failed;
  }
  return final.verdict === 'pass' ? EXIT.ok : EXIT.failed;
}

/** `--shard I/N` (or the config's `shard`), checked: a malformed or out-of-range value is a usage error. */
function shardOption(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  try {
    return parseShard(value);
  } catch (error) {
    if (error instanceof ShardSyntaxError) usage(`--shard ${error.message}.`);
    throw error;
  }
}

function usage(message: string): never {
  throw new UsageError(message);
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
