/**
 * The options of `mbsc run` and `mbsc validate`, and how they combine with a `--config` file into the run's
 * configuration: an option given on the command line wins over the file.
 */
import { EDITION_NAMES, type Edition } from '../../conformance/spec/editions.js';
import type { RunConfig } from '../../conformance/runner/run-config.js';
import { REPLAY_PATTERN } from '../../conformance/runner/replay-pattern.js';
import { httpUrlOption, integerOption, seedOption, UsageError } from '../command.js';
import { faultsOption } from '../fault-option.js';
import { CONSOLE_REPORTERS } from '../console/console-reporter-name.js';
import { SMOKE_RUNS } from '../../conformance/runner/smoke-cells.js';

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export const RUN_OPTIONS = {
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
  'data-dir': {
    type: 'string',
    description: "With --server, on this machine: the server's data directory, which the storage-layout checks read",
    placeholder: 'DIR',
  },
  'console-url': {
    type: 'string',
    description: "With --server: the server's web console (the desktop program's screens), checked in Chromium",
    placeholder: 'URL',
  },
  'console-locators': {
    type: 'string',
    description: 'With --console-url: a JSON file mapping each console locator key to a CSS selector',
    placeholder: 'FILE',
  },
  'own-server': {
    type: 'string',
    description:
      "With --server: the command that starts another server like it on its edition's ports, for the port checks; placeholders {edition}, {data}, {consoleKey}, {host}, {pushWebhook} (no shell)",
    placeholder: 'COMMAND',
  },
  'own-server-console-key': {
    type: 'string',
    description: 'The console key of the servers --own-server starts, when its command has no {consoleKey}',
    placeholder: 'KEY',
  },
  editions: {
    type: 'string',
    description:
      "Editions of the reference server to test (default: the matrix file's; with --profiles, pro, lite and home)",
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
  runs: {
    type: 'string',
    description: `Generated cases or sequences per property (default 100; ${SMOKE_RUNS} with --smoke)`,
    placeholder: 'N',
  },
  replay: {
    type: 'string',
    description: 'Replay path of a failure (with its --seed and --checks)',
    placeholder: 'PATH',
  },
  config: { type: 'string', description: 'Read these options from a JSON file', placeholder: 'FILE' },
  'expected-failures': { type: 'string', description: 'Baseline of requirements known to fail', placeholder: 'FILE' },
  'fail-on-untested': {
    type: 'boolean',
    description:
      'Make the run an error (exit 1) when a requirement that applies could not be checked here (untested), for a gate that must check everything',
  },
  out: { type: 'string', description: 'Report folder', placeholder: 'DIR', default: 'reports/out' },
  'allure-history': {
    type: 'string',
    description: 'Carry the history of an earlier Allure report (its folder or its history/) into this run',
    placeholder: 'DIR',
  },
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
  threads: {
    type: 'string',
    description:
      "Threads that share the cells of a reference-server run, each on servers of its own (default 1; at most the machine's cores)",
    placeholder: 'N',
  },
  'no-conformance-clock': {
    type: 'boolean',
    description: "Validate without the server's conformance clock, even when it offers one",
  },
  'real-time': {
    type: 'boolean',
    description:
      'Without the conformance clock, check lifetimes of minutes (push, SMS codes, tokens, throttling) by waiting them out: about 11 minutes more',
  },
  'server-image': {
    type: 'string',
    description: 'Start this container image of a server and test it, with --edition (needs Docker)',
    placeholder: 'IMAGE',
  },
  corpus: {
    type: 'string',
    description:
      'Replay the kept failing seeds of this folder (conformance/corpus) instead of a selection; fails naming each entry that no longer fails as it expects',
    placeholder: 'DIR',
  },
  smoke: {
    type: 'boolean',
    description: `Only the smoke subset: about a tenth of the cells, the same ones every run (chosen by hashing cell ids), at ${SMOKE_RUNS} sequences per property unless --runs says otherwise`,
  },
  'full-matrix': {
    type: 'boolean',
    description:
      'With several editions: every device check on every profile on every edition (by default the profiles of each platform take the editions a check applies to in turn, each on one of them where the platform has a profile per edition)',
  },
  list: {
    type: 'boolean',
    description: 'Print what the selection would run (checks, columns and the count of cells) without running it',
  },
  reporter: {
    type: 'string',
    description:
      'How the console shows the run: a live progress line (line), a line per cell that ran (list), a dot per cell (dot), or summary.json on stdout (json); default line',
    choices: CONSOLE_REPORTERS,
  },
  quiet: { type: 'boolean', description: 'Print only the closing summary and verdict' },
  'seeds-url': {
    type: 'string',
    description:
      "Where the seed documents are published (http or https): the reports link each requirement to its seed's section",
    placeholder: 'URL',
  },
} as const;

/** `mbsc validate` tests a given server: the options that shape the reference server are `run`'s alone. */
const RUN_ONLY = ['editions', 'fault', 'corpus', 'full-matrix'] as const;

export const VALIDATE_OPTIONS = Object.fromEntries(
  Object.entries(RUN_OPTIONS).filter(([name]) => !(RUN_ONLY as readonly string[]).includes(name)),
) as Omit<typeof RUN_OPTIONS, (typeof RUN_ONLY)[number]>;

export type Values = {
  [K in keyof typeof RUN_OPTIONS]: (typeof RUN_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string | undefined;
};

/** The options given over the config file's; --out has a default, so it counts only where the file has none. */
export function merge(values: Values, config: RunConfig): RunConfig {
  const out: RunConfig = { ...config };
  const set = <K extends keyof RunConfig>(key: K, value: RunConfig[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('server', values.server);
  set('udpPort', integerOption('udp-port', values['udp-port'], 1, 65535));
  set('edition', values.edition as Edition | undefined);
  set('editions', list(values.editions) as Edition[] | undefined);
  set('consoleKey', values['console-key']);
  set('dataDir', values['data-dir']);
  set('ownServer', values['own-server']);
  set('consoleUrl', values['console-url']);
  set('consoleLocators', values['console-locators']);
  set('ownServerConsoleKey', values['own-server-console-key']);
  set('devices', values.devices);
  set('profiles', list(values.profiles));
  set('requirements', list(values.requirements));
  set('checks', list(values.checks));
  set('tags', list(values.tags));
  set('seed', seedOption(values.seed));
  set('runs', integerOption('runs', values.runs, 1, 100_000));
  set('replay', replayOption(values.replay));
  set('expectedFailures', values['expected-failures']);
  set('allureHistory', values['allure-history']);
  set('seedsUrl', httpUrlOption('seeds-url', values['seeds-url']));
  set('shard', values.shard);
  set('serverImage', values['server-image']);
  set('corpus', values.corpus);
  set('faults', faultsOption(values.fault));
  set('via', values.via as RunConfig['via']);
  set('appiumUrl', values['appium-url']);
  set('app', values.app);
  set('appId', values['app-id']);
  set('locators', values.locators);
  set('workers', integerOption('workers', values.workers, 1, 64));
  set('threads', integerOption('threads', values.threads, 1, 16));
  if (values['no-conformance-clock']) out.conformanceClock = false;
  if (values['real-time']) out.realTime = true;
  if (values.smoke) out.smoke = true;
  if (values['full-matrix']) out.fullMatrix = true;
  if (values['fail-on-untested']) out.failOnUntested = true;
  if (values.out !== undefined && config.out === undefined) out.out = values.out;
  return out;
}

/** The replay path a failing run printed: `3:1:0`, with `~` and `@` parts when it printed them. */
function replayOption(value: string | undefined): string | undefined {
  if (value === undefined || new RegExp(REPLAY_PATTERN).test(value)) return value;
  throw new UsageError(`--replay takes the path a failing run printed (such as 3:1~ACB:F@59999), not "${value}".`);
}
