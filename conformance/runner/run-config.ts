/**
 * The run configuration: every `mbsc run` option, also readable from a JSON file (`--config FILE`). The file is
 * checked against this schema before anything starts, and every problem is named with its field.
 */
import Type, { type Static } from 'typebox';
import { ClientError } from '../spec/errors.js';
import { EDITION_NAMES } from '../spec/editions.js';
import { FAULT_NAMES } from '../spec/faults.js';
import { schemaProblems } from '../spec/schema-problems.js';
import { readJsonFile, throwProblems } from './json-file.js';
import { parseShard, ShardSyntaxError } from './shard.js';
import { REPLAY_PATTERN } from './replay-pattern.js';

export const RunConfig = Type.Object(
  {
    server: Type.Optional(
      Type.String({ pattern: '^https?://', description: 'A running server to test, instead of the reference server.' }),
    ),
    udpPort: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
    edition: Type.Optional(Type.Enum(EDITION_NAMES)),
    editions: Type.Optional(Type.Array(Type.Enum(EDITION_NAMES), { minItems: 1, uniqueItems: true })),
    consoleKey: Type.Optional(Type.String({ minLength: 1 })),
    dataDir: Type.Optional(
      Type.String({ minLength: 1, description: "The running server's data directory, on this machine (read only)." }),
    ),
    ownServer: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'The command that starts another server like the running one; placeholders {edition}, {data}, {consoleKey}, {host}, {pushWebhook}.',
      }),
    ),
    ownServerConsoleKey: Type.Optional(
      Type.String({ minLength: 1, description: 'The console key of the servers ownServer starts, when it has none.' }),
    ),
    consoleUrl: Type.Optional(
      Type.String({ minLength: 1, description: "With --server: the address of the server's web console." }),
    ),
    consoleLocators: Type.Optional(
      Type.String({ minLength: 1, description: 'With consoleUrl: a JSON file mapping each console locator key.' }),
    ),
    devices: Type.Optional(Type.String({ minLength: 1, description: 'A device matrix file.' })),
    profiles: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
    requirements: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
    checks: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
    seed: Type.Optional(Type.Integer({ minimum: -2147483648, maximum: 2147483647 })),
    runs: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    replay: Type.Optional(Type.String({ minLength: 1, pattern: REPLAY_PATTERN })),
    expectedFailures: Type.Optional(Type.String({ minLength: 1 })),
    out: Type.Optional(Type.String({ minLength: 1 })),
    allureHistory: Type.Optional(
      Type.String({ minLength: 1, description: 'An earlier Allure report folder, or its history/, to carry over.' }),
    ),
    seedsUrl: Type.Optional(
      Type.String({
        pattern: '^https?://[^\\s]+$',
        description: "Where the seed documents are published: the reports link each requirement to its seed's section.",
      }),
    ),
    shard: Type.Optional(
      Type.String({ pattern: '^[0-9]+/[0-9]+$', description: 'One part of the selection, INDEX/COUNT, e.g. 2/3.' }),
    ),
    faults: Type.Optional(
      Type.Array(Type.Enum(FAULT_NAMES), {
        minItems: 1,
        uniqueItems: true,
        description: 'Faulty variants to run instead of the reference (the kit self-test); see mbsc selftest --list.',
      }),
    ),
    via: Type.Optional(
      Type.Enum(['in-process', 'appium', 'emulator'], { description: 'How checks of the app screens drive it.' }),
    ),
    appiumUrl: Type.Optional(
      Type.String({ pattern: '^https?://', description: 'An Appium or Selenium Grid 4 endpoint for via appium.' }),
    ),
    app: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'The app build for via emulator: a path or URL of an .apk, .app or .ipa.',
      }),
    ),
    appId: Type.Optional(
      Type.String({ minLength: 1, description: 'The Android package / iOS bundle id of the build for via emulator.' }),
    ),
    locators: Type.Optional(
      Type.String({ minLength: 1, description: "A JSON file: element id → selector, for the build's own names." }),
    ),
    workers: Type.Optional(Type.Integer({ minimum: 1, maximum: 64, description: 'Cells run at once per edition.' })),
    threads: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 16, description: 'Threads sharing the cells of a reference-server run.' }),
    ),
    conformanceClock: Type.Optional(
      Type.Boolean({ description: "Use the server's conformance clock when it offers one (default true)." }),
    ),
    realTime: Type.Optional(
      Type.Boolean({
        description:
          'Without the conformance clock, check lifetimes of minutes by waiting them out (about 11 minutes).',
      }),
    ),
    failOnUntested: Type.Optional(
      Type.Boolean({
        description: 'Make the run error when a requirement that applies could not be checked here (untested).',
      }),
    ),
    fullMatrix: Type.Optional(
      Type.Boolean({
        description:
          'Run each device check on every profile on every edition, not each profile on one edition in turn.',
      }),
    ),
    smoke: Type.Optional(
      Type.Boolean({
        description: 'Run only the smoke subset: about a tenth of the cells, chosen by hashing their ids (stable).',
      }),
    ),
    corpus: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'A folder of kept failing seeds to replay, each judged on whether it still fails as expected.',
      }),
    ),
    serverImage: Type.Optional(
      Type.String({ minLength: 1, description: "A container image of the server to start and test (a vendor's)." }),
    ),
  },
  { additionalProperties: false },
);
export type RunConfig = Static<typeof RunConfig>;

export function loadRunConfig(file: string): RunConfig {
  const value = readJsonFile(file, 'config-invalid');
  throwProblems(file, 'config-invalid', schemaProblems(RunConfig, value));
  const shard = (value as RunConfig).shard;
  if (shard !== undefined) {
    try {
      parseShard(shard);
    } catch (error) {
      if (!(error instanceof ShardSyntaxError)) throw error;
      const problem = { path: 'shard', message: error.message };
      throw new ClientError('config-invalid', `${file}:\n  shard: ${error.message}`, { problems: [problem] });
    }
  }
  return value as RunConfig;
}
