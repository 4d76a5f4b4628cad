/**
 * The command lines a run writes into its reports: the one it was started with and, for each failing cell, the one
 * that replays just that cell. They name the target as the user gave it (a console key is never written out).
 */
import type { Check, Column, FailureDetails } from '../kit/check.js';
import type { RunConfig } from './run-config.js';
import { formatShard, type Shard } from './shard.js';

const consoleKeyArg = (config: RunConfig) => (config.consoleKey ? ['--console-key <KEY>'] : []);

export function targetArgs(config: RunConfig): string[] {
  return [
    ...serverArgs(config),
    ...(config.faults ? [`--fault ${config.faults.join(',')}`] : []),
    ...(config.via === 'appium'
      ? ['--via appium', ...(config.appiumUrl ? [`--appium-url ${config.appiumUrl}`] : [])]
      : []),
  ];
}

function serverArgs(config: RunConfig): string[] {
  if (config.serverImage) {
    return [`--server-image ${config.serverImage}`, `--edition ${config.edition}`, ...consoleKeyArg(config)];
  }
  if (!config.server) return config.editions ? [`--editions ${config.editions.join(',')}`] : [];
  return [
    `--server ${config.server}`,
    `--udp-port ${config.udpPort}`,
    `--edition ${config.edition}`,
    ...consoleKeyArg(config),
    ...(config.conformanceClock === false ? ['--no-conformance-clock'] : []),
    ...localServerArgs(config),
  ];
}

/** They change what a run checks (the storage layout, the port checks), so a replay carries them too. */
function localServerArgs(config: RunConfig): string[] {
  return [
    ...(config.dataDir ? [`--data-dir ${config.dataDir}`] : []),
    ...(config.ownServer ? [`--own-server '${config.ownServer}'`] : []),
    ...(config.ownServerConsoleKey ? ['--own-server-console-key <KEY>'] : []),
  ];
}

/**
 * The command line of a run, as summary.json and the report show it. `--smoke` is named here, so a report of the
 * subset never reads as the full run's; a replay names its one cell, so it needs no `--smoke`.
 */
export function runCommandLine(
  mode: string,
  config: RunConfig,
  shard: Shard | undefined,
  seed: number,
  runs: number,
): string {
  const shardArgs = shard ? [`--shard ${formatShard(shard)}`] : [];
  return [
    'mbsc',
    mode,
    ...targetArgs(config),
    ...realTimeArgs(config),
    ...(config.smoke ? ['--smoke'] : []),
    ...shardArgs,
    `--seed ${seed}`,
    `--runs ${runs}`,
  ].join(' ');
}

/** `--real-time` changes what a run checks, so the command lines that replay it carry it too. */
function realTimeArgs(config: RunConfig): string[] {
  return config.realTime ? ['--real-time'] : [];
}

/** The command that replays one failing cell: its check, its column, its seed and fast-check's path. */
export function replayCommand(
  mode: string,
  config: RunConfig,
  check: Check,
  column: Column,
  failure: FailureDetails,
  seed: number,
  runs: number,
): string {
  const parts = ['mbsc', mode, ...targetArgs({ ...config, ...(config.server ? {} : { editions: [column.edition] }) })];
  parts.push(...realTimeArgs(config), `--checks ${check.id}`);
  if (column.profile) parts.push(`--profiles ${column.profile.id}`);
  parts.push(`--seed ${failure.seed ?? seed}`, `--runs ${runs}`);
  if (failure.path) parts.push(`--replay '${failure.path}'`);
  return parts.join(' ');
}
