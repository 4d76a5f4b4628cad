/**
 * The command lines a run writes into its reports: the one it was started with and, for each failing cell, the one
 * that replays just that cell. They name the target as the user gave it (a console key is never written out).
 */
import type { Check, Column, FailureDetails } from '../kit/check.js';
import type { RunConfig } from './run-config.js';
import { formatShard, type Shard } from './shard.js';

const consoleKeyArg = (config: RunConfig) => (config.consoleKey ? ['--console-key <KEY>'] : []);

/** A value as one shell word: as it is when it needs no quoting, else in single quotes. */
const word = (value: string) => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`);

/** `--name value` for each option given, in this order; lists joined with commas. */
function optionArgs(options: Record<string, string | readonly string[] | undefined>): string[] {
  return Object.entries(options).flatMap(([name, value]) => {
    if (value === undefined) return [];
    return [`--${name} ${word(typeof value === 'string' ? value : value.join(','))}`];
  });
}

export function targetArgs(config: RunConfig): string[] {
  return [
    ...serverArgs(config),
    ...(config.faults ? [`--fault ${config.faults.join(',')}`] : []),
    ...(config.via === 'appium' || config.via === 'emulator'
      ? [`--via ${config.via}`, ...optionArgs({ 'appium-url': config.appiumUrl })]
      : []),
    // A real build and the names its screens use are what the run tested.
    ...(config.via === 'emulator'
      ? optionArgs({ app: config.app, 'app-id': config.appId, locators: config.locators })
      : []),
  ];
}

/**
 * What the run selected (its checks, requirements, tags and devices) and the baseline that judged it: the run's
 * command line carries them so it reproduces the run, as a CI job summary's "Run:" line does.
 */
function selectionArgs(config: RunConfig): string[] {
  return optionArgs({
    devices: config.devices,
    profiles: config.profiles,
    requirements: config.requirements,
    checks: config.checks,
    tags: config.tags,
    'expected-failures': config.expectedFailures,
  });
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
    ...optionArgs({ 'console-url': config.consoleUrl, 'console-locators': config.consoleLocators }),
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
    ...selectionArgs(config),
    ...(config.smoke ? ['--smoke'] : []),
    // Only mbsc run tests several editions; validate's single one keeps every cell whatever the config file says.
    ...(config.fullMatrix && mode === 'run' ? ['--full-matrix'] : []),
    // It changes the run's verdict, so the report says it was asked.
    ...(config.failOnUntested ? ['--fail-on-untested'] : []),
    ...shardArgs,
    `--seed ${seed}`,
    `--runs ${runs}`,
    ...(config.replay ? [`--replay '${config.replay}'`] : []),
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
