/**
 * An expected-failures baseline: requirements known to fail on a target, each with a reason. Listed failures do not
 * fail the run; a listed requirement that passes is reported so the baseline can be cleaned.
 * Format: `{ "expectedFailures": [ { "id": "RUN-03", "reason": "..." } ] }`.
 */
import Type from 'typebox';
import { ClientError } from '../spec/errors.js';
import { didYouMean } from '../spec/nearest-name.js';
import { schemaProblems } from '../spec/schema-problems.js';
import { readJsonFile, throwProblems } from './json-file.js';

const Baseline = Type.Object(
  {
    expectedFailures: Type.Array(
      Type.Object(
        { id: Type.String({ minLength: 1 }), reason: Type.String({ minLength: 1 }) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export function loadExpectedFailures(file: string, knownIds: readonly string[]): Set<string> {
  const value = readJsonFile(file, 'baseline-invalid');
  throwProblems(file, 'baseline-invalid', schemaProblems(Baseline, value));
  const ids = (value as { expectedFailures: { id: string }[] }).expectedFailures.map((e) => e.id);
  const unknown = ids.filter((id) => !knownIds.includes(id));
  if (unknown.length > 0) {
    throw new ClientError(
      'baseline-invalid',
      `${file}: unknown requirement ${unknown[0]}.${didYouMean(unknown[0] as string, knownIds)}`,
    );
  }
  return new Set(ids);
}
