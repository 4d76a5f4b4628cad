/**
 * summary.json: the Summary itself, checked against its schema before it is written (a report built from a malformed
 * summary would mislead whoever reads it) and again when read back, so `mbsc` can regenerate every other report from
 * the file alone.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatProblems, schemaProblems, type SchemaProblem } from '../conformance/spec/schema-problems.js';
import { outDirOf, writeFileAtomic, type WriterOptions } from './output-files.js';
import type { WriterReporter } from '../conformance/runner/reporter.js';
import { Summary } from '../conformance/runner/summary-schema.js';

export const SUMMARY_FILE = 'summary.json';

/** A summary that does not match the schema; `problems` names every failing field. */
export class SummaryInvalidError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly SchemaProblem[],
  ) {
    super(`${source} is not a valid run summary:${formatProblems(problems)}`);
    this.name = 'SummaryInvalidError';
  }
}

export function summaryProblems(value: unknown): SchemaProblem[] {
  return schemaProblems(Summary, value);
}

/** Throws SummaryInvalidError, naming `source`, unless the value is a Summary. */
export function assertSummary(value: unknown, source = 'The summary'): asserts value is Summary {
  const problems = summaryProblems(value);
  if (problems.length > 0) throw new SummaryInvalidError(source, problems);
}

export async function readSummary(file: string): Promise<Summary> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new SummaryInvalidError(file, [{ path: '(root)', message: (error as Error).message }]);
  }
  assertSummary(value, file);
  return value;
}

export function summaryJsonReporter(options: WriterOptions = {}): WriterReporter {
  const file = path.join(outDirOf(options), SUMMARY_FILE);
  return {
    name: 'summary.json',
    path: file,
    async onRunEnd(summary) {
      assertSummary(summary);
      await writeFileAtomic(file, `${JSON.stringify(summary, null, 2)}\n`);
    },
  };
}
