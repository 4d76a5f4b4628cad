/**
 * `npm run bench:cli`: how long `mbsc --help` and a command's help take, against a bare `node` start measured in the
 * same run (the floor no command can go below). Prints medians and ratios; asserts nothing. Each command loads its
 * action only when it runs, so help should cost little more than the floor.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { table } from '../text-table.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cli/bin.js');
const ROUNDS = 7;

const CASES: [string, string[]][] = [
  ['node (floor)', ['-e', '0']],
  ['mbsc --help', [BIN, '--help']],
  ['mbsc run --help', [BIN, 'run', '--help']],
  ['mbsc validate --help', [BIN, 'validate', '--help']],
  ['mbsc --version', [BIN, '--version']],
];

function medianMs(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] as number;
}

const results = CASES.map(([name, args]) => ({ name, ms: medianMs(args) }));
const floor = results[0]?.ms ?? 1;
console.log(`Median of ${ROUNDS} starts each, wall time; the ratio is to a bare node start in this run.`);
console.log(
  table([
    ['case', 'median ms', 'ratio', 'over the floor ms'],
    ...results.map((r) => [r.name, r.ms.toFixed(0), (r.ms / floor).toFixed(2), (r.ms - floor).toFixed(0)]),
  ]),
);
