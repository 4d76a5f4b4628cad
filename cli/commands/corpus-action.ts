/**
 * `mbsc run --corpus DIR`: replays every kept failing seed of the corpus (conformance/runner/corpus-entry.ts), each as
 * the run its entry describes (the same machinery as `mbsc run`), and judges whether the kit still finds its bug. Every
 * entry is read and checked before the first one runs. Exit 1 names the entries that no longer reproduce. Each
 * entry's run writes its summary.json and junit.xml under `<out>/corpus/<entry>/`.
 */
import path from 'node:path';
import type { Check } from '../../conformance/kit/check.js';
import type { FaultName } from '../../conformance/spec/faults.js';
import { REQUIREMENTS } from '../../conformance/spec/requirements/index.js';
import { replayCommand, runCommandLine } from '../../conformance/runner/command-lines.js';
import { loadCorpus, type NamedEntry } from '../../conformance/runner/corpus-entry.js';
import { judgeReplay, outcomeLine, type CorpusOutcome } from '../../conformance/runner/corpus-verdict.js';
import type { RunConfig } from '../../conformance/runner/run-config.js';
import { runConformance } from '../../conformance/runner/run-conformance.js';
import { selectChecks } from '../../conformance/runner/select-checks.js';
import { ALL_CHECKS } from '../../conformance/suites/index.js';
import { junitReporter } from '../../reports/junit/junit-reporter.js';
import { ReporterMultiplexer } from '../../reports/reporter-multiplexer.js';
import { summaryJsonReporter } from '../../reports/summary-json.js';
import { loadProfile } from '../../devices/load-profiles.js';
import type { DeviceSpec } from '../../simulators/device/device-spec.js';
import { EXIT, UsageError, type CommandIo } from '../command.js';
import { kitVersion } from '../kit-version.js';
import { openTarget } from './run-target.js';

/** What an entry fixes itself; given beside --corpus they would be ignored, so they are a usage error. */
const FIXED_BY_ENTRY = [
  'server',
  'serverImage',
  'edition',
  'editions',
  'faults',
  'checks',
  'requirements',
  'tags',
  'profiles',
  'seed',
  'replay',
  'shard',
  'via',
  'expectedFailures',
] as const;

export async function runCorpus(config: RunConfig, io: CommandIo): Promise<number> {
  const given = FIXED_BY_ENTRY.filter((key) => config[key] !== undefined);
  if (given.length > 0) {
    throw new UsageError(`--corpus replays each entry as written; it takes no ${given.join(', ')} of its own.`);
  }
  const knownIds = REQUIREMENTS.map((r) => r.id);
  const entries = loadCorpus(config.corpus as string, knownIds);
  // Every entry's checks and profiles are resolved before the first replay, so a bad one costs no run.
  const planned = entries.map((named) => ({ named, ...planOf(named, knownIds) }));
  io.out(`Corpus ${config.corpus}: ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}`);
  const outcomes: [string, CorpusOutcome][] = [];
  for (const { named, checks, profiles } of planned) {
    const outcome = await replayEntry(named, checks, profiles, config);
    outcomes.push([named.name, outcome]);
    io.out(outcomeLine(named.name, outcome));
    if (outcome.status !== 'reproduced') io.out(`        Rerun: ${entryCommand(named)}`);
  }
  const bad = outcomes.filter(([, o]) => o.status !== 'reproduced').map(([name]) => name);
  const reproduced = outcomes.length - bad.length;
  io.out(
    bad.length === 0
      ? `PASS: all ${reproduced} corpus entries still reproduce`
      : `FAIL: ${bad.length} of ${outcomes.length} corpus entries no longer reproduce: ${bad.join(', ')}`,
  );
  return bad.length === 0 ? EXIT.ok : EXIT.failed;
}

function planOf({ entry }: NamedEntry, knownIds: readonly string[]) {
  const checks = selectChecks(ALL_CHECKS, knownIds, { checks: entry.checks }).checks;
  const profiles = (entry.profiles ?? []).map((id) => loadProfile(id));
  return { checks, profiles };
}

/** The entry as the options of the `mbsc run` that first found it. */
export function entryConfig({ entry }: NamedEntry): RunConfig {
  return {
    editions: [entry.edition],
    checks: entry.checks,
    seed: entry.seed,
    runs: entry.runs,
    ...(entry.fault === 'none' ? {} : { faults: [entry.fault as FaultName] }),
    ...(entry.profiles ? { profiles: entry.profiles } : {}),
    ...(entry.replay ? { replay: entry.replay } : {}),
  };
}

/** The command line that reruns the entry alone, to see its counterexample. */
function entryCommand(named: NamedEntry): string {
  return runCommandLine('run', entryConfig(named), undefined, named.entry.seed, named.entry.runs);
}

async function replayEntry(
  named: NamedEntry,
  checks: Check[],
  profiles: DeviceSpec[],
  config: RunConfig,
): Promise<CorpusOutcome> {
  const run = entryConfig(named);
  const { seed, runs } = named.entry;
  const opened = await openTarget(run, [named.entry.edition], profiles);
  // Each entry's summary.json and junit.xml in a folder of its own, for a CI job to keep and show.
  const outDir = path.resolve(config.out ?? 'reports/out', 'corpus', named.name);
  const reporters = new ReporterMultiplexer([junitReporter({ outDir }), summaryJsonReporter({ outDir })]);
  try {
    const { summary } = await runConformance({
      target: opened.target,
      checks,
      catalogue: REQUIREMENTS,
      profiles,
      seed,
      runs,
      ...(run.replay ? { path: run.replay } : {}),
      command: runCommandLine('run', run, undefined, seed, runs),
      kitVersion: kitVersion(),
      replayCommand: (check, column, failure) => replayCommand('run', run, check, column, failure, seed, runs),
      listener: reporters,
      ...(config.workers ? { concurrency: config.workers } : {}),
    });
    return judgeReplay(named.entry.expect.fail, await reporters.onRunEnd(summary));
  } finally {
    await opened.stop();
  }
}
