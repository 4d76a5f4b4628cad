/**
 * `npm run bench:suite [-- flags]`: the default conformance run and its smoke subset, timed as a user runs them
 * (`mbsc run`, a child process): wall time against the goals (the full run ≤ 30 s, `--smoke` ≤ 5 s, on two cores)
 * and the CPU time of the whole process tree, the steadier figure on a shared machine. Then the checks that took
 * longest, from the full run's summary.json. It measures; it never asserts.
 * Flags: --runs N (default mbsc run's: 100, and 10 for the smoke subset), --seed N (default 20261122), --only full|smoke, and any `mbsc run` selection
 * (--editions, --profiles, --full-matrix) or thread count (--threads) passed through. The load average is printed before and after:
 * on a shared machine the wall time says more about the neighbours than about the run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Summary } from '../../conformance/runner/summary-schema.js';
import { table } from '../text-table.js';
import { againstGoal, timedMbsc } from '../timed-cli.js';
import { benchResult, cellsOf, GOALS, runsOf, type Mode, type SuiteRun } from './suite-result.js';
import { benchArgs } from '../bench-args.js';

const values = benchArgs(
  'Usage: npm run bench:suite [-- --runs N --seed N --only full|smoke --editions E,E --profiles ID,ID --full-matrix --threads N]',
  {
    runs: { type: 'string' },
    seed: { type: 'string', default: '20261122' },
    only: { type: 'string' },
    editions: { type: 'string' },
    profiles: { type: 'string' },
    threads: { type: 'string' },
    'full-matrix': { type: 'boolean' },
  },
);
const modes: Mode[] = values.only ? [values.only as Mode] : ['smoke', 'full'];
if (modes.some((m) => !(m in GOALS))) throw new Error('--only takes full or smoke');
const selection = [
  ...(values.editions ? ['--editions', values.editions] : []),
  ...(values.profiles ? ['--profiles', values.profiles] : []),
  ...(values.threads ? ['--threads', values.threads] : []),
  ...(values['full-matrix'] ? ['--full-matrix'] : []),
];

const progress = (line: string) => process.stderr.write(`[bench:suite] ${line}\n`);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(', ');
console.log(`bench:suite on Node ${process.versions.node}, ${availableParallelism()} CPU(s), load average ${load()}`);

const results: SuiteRun[] = [];
const asked = values.runs === undefined ? undefined : Number(values.runs);
for (const mode of modes) {
  const out = mkdtempSync(path.join(tmpdir(), `mbsc-bench-suite-${mode}-`));
  const runs = values.runs ? ['--runs', values.runs] : [];
  const args = ['run', ...selection, '--seed', values.seed, ...runs, '--out', out, '--quiet'];
  if (mode === 'smoke') args.push('--smoke');
  progress(`mbsc ${args.join(' ')}`);
  const run = await timedMbsc(args);
  let summary: Summary | undefined;
  try {
    summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')) as Summary;
  } catch {
    console.log(`${mode}: no summary.json (exit ${run.exitCode}):\n${run.tail}`);
  }
  rmSync(out, { recursive: true, force: true });
  results.push({ mode, run, summary });
}

console.log(
  table([
    ['run', 'cells', 'runs', 'verdict', 'wall', 'CPU (whole tree)', 'CPU / 2 cores'],
    ...results.map(({ mode, run, summary }) => [
      mode,
      String(cellsOf(summary)),
      String(runsOf({ mode, summary }, asked)),
      summary?.verdict ?? `exit ${run.exitCode}`,
      againstGoal(run.wallSeconds, GOALS[mode]),
      run.cpuSeconds === null ? 'n/a' : `${run.cpuSeconds.toFixed(1)} s`,
      // The least wall time two fully used cores could give this much work.
      againstGoal(run.cpuSeconds === null ? null : run.cpuSeconds / 2, GOALS[mode]),
    ]),
  ]),
);
for (const { mode, run } of results) console.log(`  ${mode}: mbsc ${run.args.join(' ')}`);
console.log(`load average after the runs: ${load()} (1, 5, 15 minutes)`);

const full = results.find((r) => r.mode === 'full')?.summary;
if (full) {
  console.log('slowest checks of the full run (summed cell time, s; cells overlap, so the sum exceeds the wall time):');
  const rows = full.checks
    .map((c) => ({
      id: c.checkId,
      s: c.cells.reduce((n, x) => n + x.durationMs, 0) / 1000,
      runs: c.cells.reduce((n, x) => n + x.runs, 0),
    }))
    .sort((a, b) => b.s - a.s)
    .slice(0, 10);
  for (const r of rows) console.log(`  ${r.s.toFixed(1).padStart(7)}  ${String(r.runs).padStart(6)} runs  ${r.id}`);
}
console.log(`BENCH_RESULT ${JSON.stringify(benchResult(results, asked))}`);
