/**
 * What `mbsc run` and `mbsc validate` do once their options are parsed (run.ts declares them): the input checked,
 * the target opened, the run reported; a known error of the kit ends in its exit code.
 */
import { ClientError } from '../../conformance/spec/errors.js';
import { REQUIREMENTS } from '../../conformance/spec/requirements/index.js';
import { loadExpectedFailures } from '../../conformance/runner/expected-failures.js';
import { loadRunConfig } from '../../conformance/runner/run-config.js';
import { selectChecks } from '../../conformance/runner/select-checks.js';
import { formatShard, parseShard, shardChecks, ShardSyntaxError, type Shard } from '../../conformance/runner/shard.js';
import { ALL_CHECKS } from '../../conformance/suites/index.js';
import { loadMatrix, loadProfile } from '../../devices/load-profiles.js';
import { DEFAULT_EDITIONS, type Edition } from '../../conformance/spec/editions.js';
import { plannedCells } from '../../conformance/runner/planned-cells.js';
import { runCells } from '../../conformance/runner/run-cells.js';
import { SMOKE_RUNS } from '../../conformance/runner/smoke-cells.js';
import { EXIT, UsageError, type CommandIo } from '../command.js';
import type { ConsoleReporterName } from '../console/console-reporter-name.js';
import { selectionLines } from './selection-list.js';
import { subsetLines } from '../subset-lines.js';
import { EXIT_OF_CODE, runAndReport } from './run-and-report.js';
import { merge, type Values } from './run-options.js';
import { checkTargetOptions, openTarget } from './run-target.js';

export async function runOrValidate(mode: 'run' | 'validate', values: Values, io: CommandIo): Promise<number> {
  try {
    return await execute(mode, values, io);
  } catch (error) {
    if (error instanceof ClientError && EXIT_OF_CODE[error.code] !== undefined) {
      io.err(`mbsc ${mode}: ${error.message}`);
      return EXIT_OF_CODE[error.code] as number;
    }
    throw error;
  }
}

async function execute(mode: 'run' | 'validate', values: Values, io: CommandIo): Promise<number> {
  const config = merge(values, values.config ? loadRunConfig(values.config) : {});
  if (config.corpus) {
    if (mode === 'validate') usage('--corpus replays faults of the reference server: it belongs to mbsc run.');
    return (await import('./corpus-action.js')).runCorpus(config, io);
  }
  const shard = shardOption(config.shard);
  // A shard holds part of the checks, so the requirements of the others read untested in it.
  if (shard && config.failOnUntested)
    usage('--fail-on-untested judges the whole run: give it to mbsc merge, which joins the shards, not to a shard.');
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
  const editions = config.editions ?? matrix?.editions ?? DEFAULT_EDITIONS;
  const tested = config.server || config.serverImage ? [config.edition as Edition] : editions;
  const sharded = shard ? shardChecks(selection.checks, shard) : selection.checks;
  const cells = runCells({
    editions: tested,
    profiles,
    checks: sharded,
    leftOut: shard ? [] : selection.leftOut,
    fullMatrix: config.fullMatrix === true,
    smoke: config.smoke === true,
    knownIds,
    selected: selection.requirements,
  });
  const { checks, only, smoke } = cells;
  if (shard && checks.length === 0) {
    io.err(`mbsc ${mode}: shard ${formatShard(shard)} has no checks (the selection has ${selection.checks.length}).`);
  }
  // A shard may hold none of the subset's cells (merge judges the whole); a whole selection with none tests nothing.
  if (smoke && !shard && !values.list && checks.length === 0 && sharded.length > 0) {
    usage(
      `--smoke keeps none of the ${smoke.of} cells of this selection (the subset is a fixed tenth of all cells, chosen by their ids): drop --smoke, or select more checks.`,
    );
  }
  const expectedFailures = config.expectedFailures
    ? loadExpectedFailures(config.expectedFailures, knownIds)
    : new Set<string>();
  if (values.list) {
    const leftOut = shard ? [] : plannedCells(tested, selection.leftOut, profiles, only);
    const lines = selectionLines(plannedCells(tested, checks, profiles, only), leftOut);
    const subset = {
      ...(cells.editionsInTurn ? { editionsInTurn: cells.editionsInTurn } : {}),
      ...(smoke ? { smoke: { cells: smoke.cells, of: smoke.of, runs: config.runs ?? SMOKE_RUNS } } : {}),
    };
    for (const line of [...lines.slice(0, 1), ...subsetLines(subset), ...lines.slice(1)]) io.out(line);
    return EXIT.ok;
  }
  const view = { reporter: (values.reporter ?? 'line') as ConsoleReporterName, quiet: values.quiet };
  // Started only once every input is known good, so bad input never costs a container or an Appium start.
  const opened = await openTarget(config, editions, profiles);
  try {
    const { target } = opened;
    const prepared = {
      target,
      profiles,
      checks,
      selection,
      expectedFailures,
      shard,
      cells,
    };
    return await runAndReport(mode, config, prepared, view, io);
  } finally {
    await opened.stop();
  }
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
