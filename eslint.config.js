// Lint rules: typescript-eslint's recommended set on every TypeScript file; tests may not be focused; and the layers
// of DESIGN.md ("Layout"), whose imports point one way: spec ← simulators, reference-server ← devices, conformance
// ← reports ← cli.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layerImports from './scripts/layer-imports.mjs';

/**
 * One block per layer: files under `folders` may import, of our own code, only what is under `may` (a folder, or a
 * conformance part such as conformance/spec). Packages are not judged. A later block replaces an earlier one's options
 * for the files both match, so conformance/spec and the suites and kit, which are stricter, come after conformance.
 */
function layer(folders, may, why) {
  return {
    files: folders.map((folder) => `${folder}/**`),
    rules: { 'mbsc/layer-imports': ['error', why === undefined ? { may } : { may, why }] },
  };
}

/** Everything below reports and the cli: what conformance, and the reports above it, may use. */
const BELOW_REPORTS = ['conformance', 'simulators', 'reference-server', 'devices'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'reports/out/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    plugins: { mbsc: layerImports },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'A focused test silences the rest of the suite.' },
        { object: 'describe', property: 'only', message: 'A focused test silences the rest of the suite.' },
        { object: 'test', property: 'only', message: 'A focused test silences the rest of the suite.' },
      ],
    },
  },
  layer(['simulators'], ['conformance/spec', 'simulators']),
  layer(
    ['reference-server'],
    ['conformance/spec', 'reference-server'],
    'The reference server never imports the simulators or the suites.',
  ),
  // The Appium driver package drives the simulated app, so devices sits above the simulators.
  layer(['devices'], ['conformance/spec', 'simulators', 'reference-server', 'devices']),
  layer(['conformance'], BELOW_REPORTS, 'Reports and the cli build on conformance, never the reverse.'),
  // The spec is the leaf: requirement catalogue, protocol, error codes, faults and the helpers to check data
  // against them, which every layer may import.
  layer(['conformance/spec'], ['conformance/spec'], 'The spec is the leaf every layer builds on.'),
  // Only conformance/targets may start the reference server; checks reach any server through the protocol, so a
  // vendor's server is tested exactly as ours is.
  layer(
    ['conformance/suites', 'conformance/kit'],
    ['conformance', 'simulators', 'devices'],
    'The suites reach any server only through the protocol; only conformance/targets may start the reference server.',
  ),
  layer(['reports'], [...BELOW_REPORTS, 'reports'], 'The cli builds on the reports, never the reverse.'),
  // cli, bench, ci and test sit on top and may import any layer, so they have no block.
);
