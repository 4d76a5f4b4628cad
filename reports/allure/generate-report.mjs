// `npm run report:allure [-- --out DIR]`: turns DIR/allure-results (DIR is reports/out unless given) into the Allure
// HTML report in DIR/allure-report with the pinned allure-commandline. Plain JavaScript so it needs no build; it
// checks what Allure would otherwise fail on obscurely (no results yet, no Java) and says what to do instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const USAGE = 'usage: npm run report:allure [-- --out DIR]   (DIR holds allure-results/; default reports/out)';

function fail(message, code) {
  console.error(`report:allure: ${message}`);
  process.exit(code);
}

function outDirFromArgs(args) {
  if (args.length === 0) return path.join('reports', 'out');
  if (args.length === 2 && args[0] === '--out' && args[1]) return args[1];
  if (args.length === 1 && args[0].startsWith('--out=')) return args[0].slice('--out='.length);
  return fail(`unexpected arguments: ${args.join(' ')}\n${USAGE}`, 64);
}

const outDir = path.resolve(outDirFromArgs(process.argv.slice(2)));
const results = path.join(outDir, 'allure-results');
const report = path.join(outDir, 'allure-report');

if (!existsSync(results) || !statSync(results).isDirectory()) {
  fail(
    `no Allure results in ${results}.\n` +
      'Run the suites first (`npm start`, or `mbsc run --out DIR` and then `npm run report:allure -- --out DIR`).',
    2,
  );
}
if (!readdirSync(results).some((name) => name.endsWith('-result.json'))) {
  fail(`${results} holds no *-result.json files: the last run wrote no results. Run the suites again.`, 2);
}

const java = spawnSync(process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java', ['-version'], {
  stdio: 'ignore',
});
if (java.error || java.status !== 0) {
  fail('Allure needs Java 8 or later, and none was found (set JAVA_HOME or put java on the PATH).', 3);
}

const allure = createRequire(import.meta.url)('allure-commandline');
allure(['generate', results, '-o', report, '--clean']).on('close', (code) => {
  if (code === 0)
    console.log(`report:allure: open ${path.join(report, 'index.html')} (through a web server: allure open ${report})`);
  process.exit(code ?? 1);
});
