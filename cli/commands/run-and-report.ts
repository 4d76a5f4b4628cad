/**
 * The run itself, once its input is checked: the selected checks against the target, the reports and the verdict
 * printed, and the exit code of the outcome (also what an error of the kit's maps to).
 */
import path from 'node:path';
import type { Check } from '../../conformance/kit/check.js';
import { REQUIREMENTS } from '../../conformance/spec/requirements/index.js';
import { replayCommand, runCommandLine } from '../../conformance/runner/command-lines.js';
import type { RunConfig } from '../../conformance/runner/run-config.js';
import { runConformance } from '../../conformance/runner/run-conformance.js';
import type { Selection } from '../../conformance/runner/select-checks.js';
import { formatShard, type Shard } from '../../conformance/runner/shard.js';
import { SMOKE_RUNS } from '../../conformance/runner/smoke-cells.js';
import type { RunCells } from '../../conformance/runner/run-cells.js';
import { ServerTarget } from '../../conformance/targets/server-target.js';
import type { Target } from '../../conformance/targets/target.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { defaultReporters } from '../../reports/default-reporters.js';
import { ReporterMultiplexer } from '../../reports/reporter-multiplexer.js';
import { EXIT, randomSeed, type CommandIo } from '../command.js';
import { clockLine } from '../clock-output.js';
import { kitVersion } from '../kit-version.js';
import { consoleReporter, type ConsoleOptions } from '../console/console-reporter.js';
import { consoleSinkOf } from '../console/console-sink.js';
import { exitOfVerdict, verdictLines } from '../verdict-output.js';
import { runThreads } from './run-thread.js';

/** The exit code of each error a run can end with, before it starts or when it aborts. */
export const EXIT_OF_CODE: Record<string, number> = {
  unreachable: EXIT.unavailable,
  timeout: EXIT.unavailable,
  'protocol-violation': EXIT.protocol,
  'config-invalid': EXIT.config,
  'requirement-unknown': EXIT.requirement,
  'profile-invalid': EXIT.devices,
  'profile-not-found': EXIT.devices,
  'matrix-invalid': EXIT.devices,
  'baseline-invalid': EXIT.baseline,
  'corpus-invalid': EXIT.config,
  'container-runtime-unavailable': EXIT.unavailable,
  'container-start-failed': EXIT.unavailable,
  'appium-unavailable': EXIT.unavailable,
  'emulator-unavailable': EXIT.unavailable,
  'device-control-unavailable': EXIT.unavailable,
  'server-start-failed': EXIT.unavailable,
};

/** Everything a run needs once its input has been read and checked. */
export interface Prepared {
  readonly target: Target;
  readonly profiles: DeviceSpec[];
  readonly checks: Check[];
  readonly selection: Selection;
  readonly expectedFailures: ReadonlySet<string>;
  readonly shard: Shard | undefined;
  /** The cells the run keeps of its selection: the editions in turn, the smoke subset (run-cells.ts). */
  readonly cells: RunCells;
}

export async function runAndReport(
  mode: 'run' | 'validate',
  config: RunConfig,
  prepared: Prepared,
  view: ConsoleOptions,
  io: CommandIo,
) {
  const { target, profiles, checks, selection, expectedFailures, shard, cells } = prepared;
  const { smoke } = cells;
  const seed = config.seed ?? randomSeed();
  const runs = config.runs ?? (smoke ? SMOKE_RUNS : 100);
  const selected = smoke?.requirements ?? selection.requirements;
  const outDir = path.resolve(config.out ?? 'reports/out');
  const live = consoleReporter(view, consoleSinkOf(io));
  const reporters = new ReporterMultiplexer([
    ...(live ? [live] : []),
    ...defaultReporters({ outDir, allureHistory: config.allureHistory, seedsUrl: config.seedsUrl }),
  ]);
  const command = runCommandLine(mode, config, shard, seed, runs);
  const threads = runThreads(config, target, {
    editions: target.describe().editions,
    profiles,
    checkIds: checks.map((check) => check.id),
    seed,
    runs,
  });
  if (shard) io.err(`Shard ${formatShard(shard)}: ${checks.length} of the ${selection.checks.length} selected checks`);
  const { summary, abort } = await runConformance({
    target,
    checks,
    catalogue: REQUIREMENTS,
    profiles,
    seed,
    runs,
    ...(config.replay ? { path: config.replay } : {}),
    ...(selected ? { selected } : {}),
    expectedFailures,
    ...(config.failOnUntested ? { failOnUntested: true } : {}),
    command,
    kitVersion: kitVersion(),
    replayCommand: (check, column, failure) => replayCommand(mode, config, check, column, failure, seed, runs),
    listener: reporters,
    ...(config.workers ? { concurrency: config.workers } : {}),
    ...(config.realTime ? { realTime: true } : {}),
    ...(cells.only ? { cells: cells.only } : {}),
    ...(smoke ? { smoke: { cells: smoke.cells, of: smoke.of, runs } } : {}),
    ...(cells.editionsInTurn ? { editionsInTurn: cells.editionsInTurn } : {}),
    // A shard reports only its own share of the selection (mbsc merge joins them by it).
    ...(shard ? {} : { leftOut: selection.leftOut }),
    ...(threads ? { threads } : {}),
  });
  // The whole selection goes with the shard, so `mbsc merge` can name a missing shard's checks.
  const shardInfo = shard && {
    ...shard,
    selection: selection.checks.map((c) => c.id),
    ...(selection.requirements ? { requirements: [...selection.requirements] } : {}),
  };
  const final = await reporters.onRunEnd(shardInfo ? { ...summary, shard: shardInfo } : summary);
  // With --reporter json, stdout is the summary alone; the closing text goes to stderr, unless --quiet.
  const json = view.reporter === 'json';
  if (json) io.out(JSON.stringify(final, null, 2));
  const say = json ? (view.quiet ? () => {} : io.err) : io.out;
  const detail = `seed ${final.seed}, ${(final.durationMs / 1000).toFixed(1)} s`;
  for (const line of verdictLines(final, detail, { counterexamples: live === undefined })) say(line);
  // A vendor reads here whether the rules of time were judged at all on their server.
  if (target instanceof ServerTarget) say(clockLine(target.clockLack, final));
  say(`Reports: ${path.join(outDir, 'index.html')}`);
  if (abort) {
    io.err(`mbsc ${mode}: ${abort.message}`);
    return EXIT_OF_CODE[abort.code] ?? EXIT.failed;
  }
  return exitOfVerdict(final.verdict);
}
