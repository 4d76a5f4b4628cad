/**
 * The input files a run reads (its config, a baseline, corpus entries): JSON, checked against a schema, every problem
 * named with its field, under the one error code of that kind of file.
 */
import { readFileSync } from 'node:fs';
import { ClientError, type ClientErrorCode } from '../spec/errors.js';
import type { SchemaProblem } from '../spec/schema-problems.js';

export function readJsonFile(file: string, code: ClientErrorCode): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ClientError(code, `${file}: ${(error as Error).message}`);
  }
}

/** Throws the file's problems, one line each, when it has any. */
export function throwProblems(file: string, code: ClientErrorCode, problems: readonly SchemaProblem[]): void {
  if (problems.length === 0) return;
  const lines = problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
  throw new ClientError(code, `${file}:\n${lines}`, { problems });
}
