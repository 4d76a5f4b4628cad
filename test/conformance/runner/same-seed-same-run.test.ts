/**
 * One seed, one run: the same subset run twice on the reference target (its clock frozen, its randomness seeded),
 * its cells shared between two threads once and all on one thread once, writes the same summary.json but for
 * timings and the ports the system gave, with a faulty variant so that a
 * counterexample and its HTTP exchanges are part of what is compared; and the replay command the run printed
 * reproduces that counterexample: the same shrunk commands failing the same requirements with the same message.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { comparableSummary, firstDifference } from '../../../conformance/runner/comparable-summary.js';
import type { Summary } from '../../../conformance/runner/summary-schema.js';
import { runCli } from '../../helpers/cli-process.js';

const out = mkdtempSync(path.join(tmpdir(), 'mbsc-same-seed-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Generous: three short runs of the kit, each starting its servers, on a busy two-core machine. */
const RUN_MS = 240_000;
const SUBSET = [
  '--editions',
  'pro',
  '--checks',
  'tfa-totp-window-model,tfa-totp-throttling,pairing-tokens-model,protocol-conformance-clock',
];

async function run(name: string, args: readonly string[]): Promise<string> {
  const dir = path.join(out, name);
  const result = await runCli(['run', ...args, '--out', dir], RUN_MS);
  if (result.code !== 0 && result.code !== 1) throw new Error(`mbsc run ended ${result.code}: ${result.stderr}`);
  return readFileSync(path.join(dir, 'summary.json'), 'utf8');
}

/** The failure of the one failing cell of a summary. */
function failureOf(summary: Summary) {
  const failures = summary.checks.flatMap((c) => c.cells.flatMap((cell) => (cell.failure ? [cell.failure] : [])));
  expect(failures).toHaveLength(1);
  return failures[0]!;
}

/** The words of a printed replay command, its one quoted argument unquoted. */
const wordsOf = (command: string) =>
  (command.match(/'[^']*'|\S+/g) ?? []).map((word) => word.replace(/^'(.*)'$/, '$1'));

describe('mbsc run --seed N', () => {
  it(
    'writes the same summary twice, and its replay reproduces the counterexample',
    { timeout: 3 * RUN_MS },
    async () => {
      const args = [...SUBSET, '--fault', 'stale-totp-accepted', '--seed', '7'];
      const first = await run('first', [...args, '--threads', '2']);
      const second = await run('second', [...args, '--threads', '1']);
      const summary = JSON.parse(first) as Summary;
      expect(summary.verdict).toBe('fail');
      const failure = failureOf(summary);
      expect(failure.exchanges?.length).toBeGreaterThan(0);
      expect(firstDifference(comparableSummary(first), comparableSummary(second))).toBeUndefined();

      const [mbsc, ...replayArgs] = wordsOf(failure.replayCommand ?? '');
      expect(mbsc).toBe('mbsc');
      const replayed = failureOf(JSON.parse(await run('replay', replayArgs.slice(1))) as Summary);
      // The shrunk commands, where they fail and the message with its code values, exactly: the replay runs only the
      // failing case, and the server draws that case's secrets from the stream the case names, as it did in the run.
      const { counterexample, commands, requirements, path: casePath, message } = failure;
      expect(replayed).toMatchObject({ counterexample, commands, requirements, path: casePath, message });
    },
  );
});
