/**
 * Sometimes coverage: commands that reach the states their model is in after each run, counted per name, and a
 * check's outcome carrying the counts (a state at 0 shows as never reached).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neverReached, reachingAfter, Sometimes, withReached } from '../../../conformance/kit/sometimes.js';

interface Counter {
  n: number;
}

const add = (by: number): fc.AsyncCommand<Counter, Counter> => ({
  check: () => true,
  run: async (model, real) => {
    model.n += by;
    real.n += by;
  },
  toString: () => `add ${by}`,
});

describe('reachingAfter', () => {
  it('counts each named state the model is in after a command ran, and no state it never reached', async () => {
    const sometimes = new Sometimes(['even', 'exactly-3', 'negative']);
    const commands = reachingAfter([fc.constantFrom(1, 2).map(add)], sometimes, {
      even: (m: Counter) => m.n % 2 === 0,
      'exactly-3': (m: Counter) => m.n === 3,
      negative: (m: Counter) => m.n < 0,
    });
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 5 }), (cmds) =>
        fc.asyncModelRun(() => ({ model: { n: 0 }, real: { n: 0 } }), cmds),
      ),
      { seed: 1, numRuns: 30 },
    );
    const reached = sometimes.reached();
    expect(reached['even']).toBeGreaterThan(0);
    expect(reached['exactly-3']).toBeGreaterThan(0);
    expect(neverReached(reached)).toEqual(['negative']);
  });

  it('keeps what a command shows and checks', () => {
    const [arbitrary] = reachingAfter([fc.constant(add(2))], new Sometimes([]), {});
    const [command] = fc.sample(arbitrary!, 1);
    expect(String(command)).toBe('add 2');
    expect(command!.check({ n: 0 })).toBe(true);
  });
});

describe('withReached', () => {
  it('adds the counts to a verdict, but not to a skip', () => {
    const sometimes = new Sometimes(['a']);
    sometimes.reach('a');
    expect(withReached({ verdict: 'pass', runs: 3 }, sometimes)).toEqual({
      verdict: 'pass',
      runs: 3,
      sometimes: { a: 1 },
    });
    expect(withReached({ verdict: 'skipped', reason: 'no clock' }, sometimes)).toEqual({
      verdict: 'skipped',
      reason: 'no clock',
    });
  });
});
