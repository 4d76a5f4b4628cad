/**
 * The corpus: failing seeds kept in the repository (conformance/corpus/), each a JSON file that names a faulty
 * variant of the reference server (or none), the checks, edition, seed, runs and replay path of a run, and the
 * requirements that run must fail. `mbsc run --corpus DIR` replays every entry; an entry that no longer fails exactly
 * its requirements is a finding the kit has lost. Every file is checked against this schema before anything runs.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import Type, { type Static } from 'typebox';
import { EDITION_NAMES } from '../spec/editions.js';
import { ClientError } from '../spec/errors.js';
import { FAULT_NAMES, isServerFault } from '../spec/faults.js';
import { didYouMean } from '../spec/nearest-name.js';
import { schemaProblems } from '../spec/schema-problems.js';
import { readJsonFile, throwProblems } from './json-file.js';

/** Server faults only: the app's faults are replayed by the self-test, and a real server has none. */
const CORPUS_FAULTS = ['none', ...FAULT_NAMES.filter(isServerFault)];

const Ids = Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true });

export const CorpusEntry = Type.Object(
  {
    fault: Type.Enum(CORPUS_FAULTS, { description: 'The faulty server variant the seed caught, or none.' }),
    checks: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, uniqueItems: true }),
    edition: Type.Enum(EDITION_NAMES),
    seed: Type.Integer({ minimum: -2147483648, maximum: 2147483647 }),
    runs: Type.Integer({ minimum: 1, maximum: 100000 }),
    replay: Type.Optional(Type.String({ minLength: 1, description: 'The replay path the failing run printed.' })),
    profiles: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { uniqueItems: true })),
    expect: Type.Object(
      { fail: { ...Ids, description: 'The requirement ids the run must fail, and no others.' } },
      { additionalProperties: false },
    ),
    note: Type.Optional(Type.String({ minLength: 1, description: 'Where the seed came from.' })),
  },
  { additionalProperties: false },
);
export type CorpusEntry = Static<typeof CorpusEntry>;

export interface NamedEntry {
  /** The file name without `.json`: what the replay's lines name. */
  readonly name: string;
  readonly entry: CorpusEntry;
}

/** Every `*.json` of the folder, by name; a missing or empty folder, or any invalid file, is `corpus-invalid`. */
export function loadCorpus(dir: string, knownIds: readonly string[]): NamedEntry[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch (error) {
    throw new ClientError('corpus-invalid', `${dir}: ${(error as Error).message}`);
  }
  if (files.length === 0) throw new ClientError('corpus-invalid', `${dir}: no corpus entries (*.json) in it.`);
  return files.sort().map((file) => ({
    name: file.slice(0, -'.json'.length),
    entry: readEntry(path.join(dir, file), knownIds),
  }));
}

function readEntry(file: string, knownIds: readonly string[]): CorpusEntry {
  const value = readJsonFile(file, 'corpus-invalid');
  const problems = schemaProblems(CorpusEntry, value);
  const entry = value as CorpusEntry;
  if (problems.length === 0) {
    for (const [i, id] of entry.expect.fail.entries()) {
      if (!knownIds.includes(id))
        problems.push({
          path: `expect.fail[${i}]`,
          message: `unknown requirement "${id}".${didYouMean(id, knownIds)}`,
        });
    }
  }
  throwProblems(file, 'corpus-invalid', problems);
  return entry;
}
