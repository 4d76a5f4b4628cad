/**
 * The nemesis's steered commands (conformance/suites/backup/nemesis-steering.ts): each one, drawn from a fixed seed
 * and run against the restartable reference server (a real process, crashed and restarted, its disk filled through
 * the quota), reaches the state it is steered toward within a few draws, and the history's checkers find nothing lost or partial.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryRecorder } from '../../../../conformance/kit/history/history.js';
import { judgeHistory } from '../../../../conformance/kit/history/judge.js';
import { Nemesis } from '../../../../conformance/kit/nemesis/nemesis.js';
import { Sometimes } from '../../../../conformance/kit/sometimes.js';
import { modelOf } from '../../../../conformance/suites/backup/nemesis-commands.js';
import { finish } from '../../../../conformance/suites/backup/nemesis-sequences.js';
import { STEERED } from '../../../../conformance/suites/backup/nemesis-steering.js';
import { NEMESIS_STATES, NemesisWorld } from '../../../../conformance/suites/backup/nemesis-world.js';
import { restartableSession } from '../../../helpers/nemesis-session.js';

/** Generous: several server restarts on a busy two-core machine. */
const TIMEOUT_MS = 300_000;
/** Draws of a steered command a state may take. */
const TRIES = 3;

let nemesis: Nemesis | undefined;
afterEach(async () => {
  delete process.env.MBSC_NO_DISK_MOUNT;
  await nemesis?.close();
  nemesis = undefined;
});

describe('the steered commands', () => {
  it('each reach the state they are steered toward', { timeout: TIMEOUT_MS }, async () => {
    process.env.MBSC_NO_DISK_MOUNT = '1';
    let recorder = new HistoryRecorder();
    const session = restartableSession();
    nemesis = await Nemesis.open(session, () => recorder);
    const model = modelOf(nemesis);
    expect(model).toEqual({ canCrash: true, canFillDisk: true, canArmCrashPoint: true });
    for (const [at, state] of NEMESIS_STATES.entries()) {
      recorder = new HistoryRecorder();
      nemesis.heal();
      const sometimes = new Sometimes(NEMESIS_STATES);
      const world = await NemesisWorld.pair(session, nemesis, `Nemesis steered ${at}`, sometimes, recorder);
      // Whether a cut request's first bytes reach the server before the cut is up to the machine's scheduling: a
      // state may take another draw, never more than a few.
      const drawn = fc.sample(STEERED[state], { seed: 7 + at, numRuns: TRIES });
      for (const steered of drawn) {
        expect(steered.check(model)).toBe(true);
        await steered.run(model, world);
        if ((sometimes.reached()[state] ?? 0) > 0) break;
      }
      expect(sometimes.reached()[state], `${state} by ${drawn.map(String).join(', ')}`).toBeGreaterThan(0);
      await finish(world, session);
      judgeHistory(recorder.history, ['acknowledged-kept', 'no-partial-item', 'no-resurrection']);
    }
  });
});
