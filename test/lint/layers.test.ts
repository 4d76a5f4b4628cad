/**
 * The layers of DESIGN.md ("Layout") are enforced by ESLint's mbsc/layer-imports rule, configured folder by folder in
 * eslint.config.js. These tests lint small files that exist only in memory but sit at real paths, so the rule sees
 * them exactly as it would see a real file there: each reversed import must be reported, and the imports the design
 * allows must not be. Removing a layer's block, or the rule, fails the matching case.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli-process.js';

const RULE = 'mbsc/layer-imports';

interface Case {
  /** Where the in-memory file sits, relative to the repository root. */
  readonly file: string;
  readonly code: string;
}

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: REPO_ROOT });
});

/** The layer rule's messages for one in-memory file. */
async function layerMessages({ file, code }: Case): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

// Each case: the importing file, its import, and the layer pair the message must name.
const reversed: readonly (Case & { readonly says: string })[] = [
  {
    file: 'simulators/app/x.ts',
    code: "export { runVerdict } from '../../conformance/runner/verdicts.js';\n",
    says: 'simulators may not import conformance/runner',
  },
  {
    file: 'conformance/runner/x.ts',
    code: "import type { WriterReporter } from '../../reports/html/html-reporter.js';\nexport type X = WriterReporter;\n",
    says: 'conformance/runner may not import reports',
  },
  {
    file: 'conformance/selftest/x.ts',
    code: "export type X = typeof import('../../cli/main.js');\n",
    says: 'conformance/selftest may not import cli',
  },
  {
    file: 'reference-server/x.ts',
    code: "export * from '../simulators/clock/virtual-clock.js';\n",
    says: 'reference-server may not import simulators',
  },
  {
    file: 'reference-server/http/x.ts',
    code: "export * from '../../conformance/kit/check.js';\n",
    says: 'reference-server may not import conformance/kit',
  },
  {
    file: 'conformance/spec/x.ts',
    code: "export * from '../../simulators/clock/virtual-clock.js';\n",
    says: 'conformance/spec may not import simulators',
  },
  {
    // The import text never names conformance: only resolving the path shows that it leaves the spec.
    file: 'conformance/spec/protocol/x.ts',
    code: "export * from '../../kit/check.js';\n",
    says: 'conformance/spec may not import conformance/kit',
  },
  {
    file: 'conformance/suites/x/x.ts',
    code: "export { startServer } from '../../../reference-server/server.js';\n",
    says: 'conformance/suites may not import reference-server',
  },
  {
    file: 'conformance/kit/x.ts',
    code: "export const server = () => import('../../reference-server/server.js');\n",
    says: 'conformance/kit may not import reference-server',
  },
  {
    file: 'devices/x.ts',
    code: "export * from '../conformance/runner/verdicts.js';\n",
    says: 'devices may not import conformance/runner',
  },
  {
    file: 'reports/html/x.ts',
    code: "export * from '../../cli/main.js';\n",
    says: 'reports may not import cli',
  },
];

const allowed: readonly Case[] = [
  { file: 'simulators/app/x.ts', code: "export * from '../../conformance/spec/errors.js';\n" },
  {
    file: 'reference-server/x.ts',
    code: "export * from './options.js';\nexport * from '../conformance/spec/errors.js';\n",
  },
  { file: 'devices/x.ts', code: "export * from '../simulators/clock/virtual-clock.js';\n" },
  { file: 'conformance/targets/x.ts', code: "export * from '../../reference-server/server.js';\n" },
  { file: 'conformance/runner/x.ts', code: "export * from './summary-schema.js';\nexport * from '../kit/check.js';\n" },
  { file: 'conformance/suites/x/x.ts', code: "export * from '../../targets/target.js';\n" },
  { file: 'conformance/spec/x.ts', code: "export * from './errors.js';\nexport * from 'typebox';\n" },
  { file: 'reports/x.ts', code: "export * from '../conformance/runner/summary-schema.js';\n" },
  { file: 'cli/x.ts', code: "export * from '../reports/default-reporters.js';\n" },
  { file: 'test/x.test.ts', code: "export * from '../reference-server/server.js';\nexport * from '../cli/main.js';\n" },
];

describe('the layer rule', () => {
  it.each(reversed.map((c) => [c.says, c] as const))('reports that %s', async (_says, c) => {
    const messages = await layerMessages(c);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(c.says);
    expect(messages[0]).toContain('DESIGN.md');
  });

  it.each(allowed.map((c) => [c.file, c] as const))('allows the imports of %s', async (_file, c) => {
    expect(await layerMessages(c)).toEqual([]);
  });
});
