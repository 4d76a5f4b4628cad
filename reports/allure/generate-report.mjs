// `npm run report:allure [-- --out DIR] [--history REPORT]`: turns DIR/allure-results (DIR is reports/out unless
// given) into the Allure HTML report in DIR/allure-report with the pinned allure-commandline. Plain JavaScript so it
// needs no build; it checks what Allure would otherwise fail on obscurely (no results yet, no Java) and says what to
// do instead. Allure's trends come from allure-results/history/: unless the results already carry a history, that of
// REPORT (an earlier allure-report folder), or else of the report this replaces, is copied there first.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const USAGE =
  'usage: npm run report:allure [-- --out DIR] [--history REPORT]   (DIR holds allure-results/; default reports/out;' +
  ' REPORT is an earlier allure-report folder whose history to carry over)';

function fail(message, code) {
  console.error(`report:allure: ${message}`);
  process.exit(code);
}

/** `--name value` or `--name=value` for --out and --history, each at most once. */
function optionsFromArgs(args) {
  const options = {};
  for (let i = 0; i < args.length; i++) {
    const match = /^--(out|history)(?:=(.*))?$/.exec(args[i]);
    const value = match && (match[2] ?? args[++i]);
    if (!match || !value || options[match[1]] !== undefined) {
      fail(`unexpected arguments: ${args.join(' ')}\n${USAGE}`, 64);
    }
    options[match[1]] = value;
  }
  return options;
}

const options = optionsFromArgs(process.argv.slice(2));
const outDir = path.resolve(options.out ?? path.join('reports', 'out'));
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

const carried = path.join(results, 'history');
const earlier = path.join(path.resolve(options.history ?? report), 'history');
if (options.history !== undefined && !existsSync(path.join(earlier, 'history.json'))) {
  fail(`${options.history} holds no Allure history (history/history.json): give an earlier allure-report folder.`, 2);
}
if (!existsSync(path.join(carried, 'history.json')) && existsSync(path.join(earlier, 'history.json'))) {
  cpSync(earlier, carried, { recursive: true });
}

const allure = createRequire(import.meta.url)('allure-commandline');
allure(['generate', results, '-o', report, '--clean']).on('close', (code) => {
  if (code === 0)
    console.log(`report:allure: open ${path.join(report, 'index.html')} (through a web server: allure open ${report})`);
  process.exit(code ?? 1);
});
