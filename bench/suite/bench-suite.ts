/**
 * `npm run bench:suite`: the default conformance run, timed. Prints generated cases and command sequences per
 * minute, overall and per check, and the wall time against the 60-second goal. It measures; it never asserts.
 * Flags: --runs N (default 100), --editions pro,home, --profiles id,id (default: the default matrix).
 */
import { parseArgs } from 'node:util';
import type { Edition } from '../../conformance/spec/editions.js';
import { REQUIREMENTS } from '../../conformance/spec/requirements/index.js';
import { runConformance } from '../../conformance/runner/run-conformance.js';
import { ALL_CHECKS } from '../../conformance/suites/index.js';
import { ReferenceTarget } from '../../conformance/targets/reference-target.js';
import { loadMatrix, loadProfile } from '../../devices/load-profiles.js';

const { values } = parseArgs({
  options: { runs: { type: 'string' }, editions: { type: 'string' }, profiles: { type: 'string' } },
});
const runs = Number(values.runs ?? 100);
const matrix = loadMatrix();
const profiles = values.profiles ? values.profiles.split(',').map((id) => loadProfile(id)) : matrix.profiles;
const editions = (values.editions?.split(',') ?? matrix.editions) as Edition[];

const started = performance.now();
const cpuStart = process.cpuUsage();
const { summary } = await runConformance({
  target: new ReferenceTarget(editions),
  checks: ALL_CHECKS,
  catalogue: REQUIREMENTS,
  profiles,
  seed: 20261122,
  runs,
  command: 'bench:suite',
  kitVersion: 'bench',
  replayCommand: () => '',
});
const wallS = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const generated = summary.checks.reduce((n, c) => n + c.cells.reduce((m, cell) => m + cell.runs, 0), 0);
const cells = summary.checks.reduce((n, c) => n + c.cells.length, 0);

console.log(
  `bench:suite — ${ALL_CHECKS.length} checks × ${profiles.length} profiles on ${editions.join(', ')}, ${runs} runs per property`,
);
console.log(`cells: ${cells}; generated cases and sequences: ${generated}; verdict ${summary.verdict}`);
console.log(
  `wall ${wallS.toFixed(1)} s (goal 60 s: ratio ${(wallS / 60).toFixed(2)}); CPU of this process ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
);
console.log(`generated per minute: ${Math.round((generated / wallS) * 60)}`);
console.log('slowest checks (summed cell time, s; cells overlap, so the sum exceeds the wall time):');
const rows = summary.checks
  .map((c) => ({
    id: c.checkId,
    s: c.cells.reduce((n, x) => n + x.durationMs, 0) / 1000,
    runs: c.cells.reduce((n, x) => n + x.runs, 0),
  }))
  .sort((a, b) => b.s - a.s)
  .slice(0, 10);
for (const r of rows) console.log(`  ${r.s.toFixed(1).padStart(7)}  ${String(r.runs).padStart(6)} runs  ${r.id}`);
console.log(
  `BENCH_RESULT ${JSON.stringify({ bench: 'suite', runs, cells, generated, wallSeconds: wallS, perMinute: (generated / wallS) * 60, verdict: summary.verdict })}`,
);
