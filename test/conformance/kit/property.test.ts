/** A model-based failure's commands are its shrunk counterexample's: those that ran, not the list generated. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../conformance/kit/check.js';
import { checkProperty, commandsOptions } from '../../../conformance/kit/property.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';
import { runChecks } from '../suites/fixtures/run-checks.js';

interface Counter {
  count: number;
}

/** Adds one; the system under test breaks at its third. */
class Add implements fc.AsyncCommand<Counter, Counter> {
  check = () => true;
  async run(model: Counter, real: Counter): Promise<void> {
    model.count += 1;
    real.count += model.count === 3 ? 2 : 1;
    if (real.count !== model.count) throw new Error(`count ${real.count}, expected ${model.count}`);
  }
  toString = () => 'add';
}

const modelCheck: Check = {
  id: 'pairing-model-synthetic',
  title: 'a synthetic model-based check',
  area: 'PAIR',
  requirements: ['PAIR-02'],
  scope: 'server',
  run: (context) =>
    checkProperty(
      fc.asyncProperty(fc.commands([fc.constant(new Add())], commandsOptions(context, 12)), async (cmds) => {
        await fc.asyncModelRun(() => ({ model: { count: 0 }, real: { count: 0 } }), cmds);
      }),
      context,
      20,
    ),
};

describe('checkProperty', () => {
  it('reports as commands the shrunk counterexample, without the commands after the failing one', async () => {
    const summary = await runChecks(new ReferenceTarget(['home']), [modelCheck], 20, 3);
    const failure = summary.checks[0]!.cells[0]!.failure!;
    expect(failure.commands).toEqual(['add', 'add', 'add']);
    // The counterexample as fast-check prints it lists the same commands, then its replay path.
    expect(failure.counterexample).toMatch(/^\[add,add,add \/\*replayPath=".*"\*\/\]$/);
  });
});
