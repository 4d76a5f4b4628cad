/**
 * `npm run bench:determinism [-- COUNT]`: the default run (`mbsc run --seed N`, the reference target) COUNT times
 * (default 2) on one seed, each summary.json compared with the first after taking out timings and the ports the
 * system gave (conformance/runner/comparable-summary.ts, the comparison the determinism test makes too). Prints how
 * many matched, the first difference of each that did not, and each run's wall time. It measures; it never asserts.
 * Flags after the count go to every run (`-- 5 --checks ID,ID --fault NAME`); --seed N is 7 unless given.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparableSummary, firstDifference } from '../../conformance/runner/comparable-summary.js';
import { answerHelp } from '../bench-args.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cli/bin.js');
answerHelp('Usage: npm run bench:determinism [-- COUNT (default 2) [mbsc run flags, --seed 7 unless given]]');
const given = process.argv.slice(2);
const count = /^\d+$/.test(given[0] ?? '') ? Number(given.shift()) : 2;
const args = given.includes('--seed') ? given : [...given, '--seed', '7'];

/** One run into `out`: its summary's text and how long it took. */
function run(out: string): Promise<{ summary: string; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'run', ...args, '--out', out], { stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve({
          summary: readFileSync(path.join(out, 'summary.json'), 'utf8'),
          seconds: (performance.now() - started) / 1000,
        });
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

const root = mkdtempSync(path.join(tmpdir(), 'mbsc-bench-determinism-'));
try {
  console.log(`mbsc run ${args.join(' ')}, ${count} times`);
  let first: string | undefined;
  let matched = 0;
  for (let i = 1; i <= count; i++) {
    const { summary, seconds } = await run(path.join(root, String(i)));
    const comparable = comparableSummary(summary);
    first ??= comparable;
    const difference = firstDifference(first, comparable);
    if (difference === undefined) matched += 1;
    console.log(
      `  run ${i}: ${seconds.toFixed(1)} s, ${difference === undefined ? 'same as run 1' : `differs: ${difference}`}`,
    );
  }
  console.log(
    `${matched} of ${count} runs matched run 1 (${matched === count ? 'deterministic' : 'NOT deterministic'})`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
