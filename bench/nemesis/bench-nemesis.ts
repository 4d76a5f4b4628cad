/**
 * `npm run bench:nemesis`: the backup nemesis on the reference server, timed. Prints the faults injected per minute
 * and what the history checkers cost per sequence, beside the sequence's own time. It measures; it never asserts.
 * Flags: --sequences N (default 10), --seed N.
 */
import fc from 'fast-check';
import { ContentSource } from '../../conformance/kit/content-source.js';
import { deviceName } from '../../conformance/kit/device-world.js';
import { checkHistory } from '../../conformance/kit/history/checkers.js';
import { HistoryRecorder } from '../../conformance/kit/history/history.js';
import { Nemesis } from '../../conformance/kit/nemesis/nemesis.js';
import { Sometimes } from '../../conformance/kit/sometimes.js';
import { finish, initialItems, nemesisSteps } from '../../conformance/suites/backup/nemesis-sequences.js';
import { modelOf } from '../../conformance/suites/backup/nemesis-commands.js';
import { NEMESIS_STATES, NemesisWorld } from '../../conformance/suites/backup/nemesis-world.js';
import { ReferenceTarget } from '../../conformance/targets/reference-target.js';
import { benchArgs } from '../bench-args.js';

const values = benchArgs('Usage: npm run bench:nemesis [-- --sequences N (default 10) --seed N]', {
  sequences: { type: 'string' },
  seed: { type: 'string' },
});
const count = Number(values.sequences ?? 10);
const seed = Number(values.seed ?? 20261204);
const CHECK_REPEATS = 200;

const session = await new ReferenceTarget(['pro']).open('pro');
let recorder = new HistoryRecorder();
const nemesis = await Nemesis.open(session, () => recorder);
const sometimes = new Sometimes(NEMESIS_STATES);
const content = new ContentSource(seed, 'bench:nemesis');
const model = modelOf(nemesis);
const cases = fc.sample(fc.tuple(fc.commands(nemesisSteps, { maxCommands: 16, size: 'max' }), initialItems), {
  seed,
  numRuns: count,
});

let sequenceMs = 0;
let checkMs = 0;
let ops = 0;
const started = performance.now();
for (const [cmds, initial] of cases) {
  recorder = new HistoryRecorder();
  const begun = performance.now();
  const world = await NemesisWorld.pair(session, nemesis, deviceName('Bench', content), sometimes, recorder);
  for (const item of initial) await item.run(model, world);
  await fc.asyncModelRun(() => ({ model, real: world }), cmds);
  await finish(world, session);
  sequenceMs += performance.now() - begun;
  ops += recorder.history.length;
  // Checked many times over: one pass is too quick for the timer to tell.
  const checking = performance.now();
  for (let i = 0; i < CHECK_REPEATS; i++) checkHistory(recorder.history);
  checkMs += (performance.now() - checking) / CHECK_REPEATS;
}
const minutes = (performance.now() - started) / 60_000;
const injected = nemesis.injected;
await nemesis.close();
await session.close();

const perSequence = checkMs / count;
console.log(`backup nemesis on the reference server (pro), seed ${seed}, ${count} sequences`);
console.log(`  server restarts possible: ${model.canCrash ? 'yes' : `no (${nemesis.restartLack})`}`);
console.log(`  disk fill possible: ${model.canFillDisk ? 'yes (size-limited tmpfs)' : 'no'}`);
console.log(
  `  faults injected: ${injected} in ${minutes.toFixed(2)} min = ${(injected / minutes).toFixed(1)} per minute`,
);
console.log(`  history: ${(ops / count).toFixed(1)} operations per sequence`);
console.log(
  `  history checks: ${perSequence.toFixed(3)} ms per sequence, ` +
    `${((perSequence / (sequenceMs / count)) * 100).toFixed(4)} % of a sequence's ${(sequenceMs / count / 1000).toFixed(2)} s`,
);
console.log(`  states reached: ${JSON.stringify(sometimes.reached())}`);
