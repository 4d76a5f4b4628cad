/**
 * A model-based failure's commands are its shrunk counterexample's: those that ran, not the list generated. A case
 * that finds the rules not applying (NotApplicable) skips the check with its reason, inside a property run or not;
 * one that finds only the checking lacking (Untestable) leaves it untested.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotApplicable, Untestable, type Check } from '../../../conformance/kit/check.js';
import { checkOnce, checkProperty, commandsOptions } from '../../../conformance/kit/property.js';
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

const LACK = 'the server is throttling attempts after earlier failures';
const ELSEWHERE = 'the rule is about another edition';

/** A property whose fourth case finds the target lacking, and whose cases after it would break a rule. */
function lackingCheck(id: string, tried: number[], lacking: () => Error = () => new Untestable(LACK)): Check {
  return {
    id,
    title: 'a synthetic check that finds the target lacking',
    area: 'TOTP',
    requirements: ['TOTP-18'],
    scope: 'server',
    run: (context) =>
      checkProperty(
        fc.asyncProperty(fc.integer({ min: 0, max: 1000 }), async (n) => {
          tried.push(n);
          if (tried.length === 4) throw lacking();
          if (tried.length > 4) throw new Error(`case ${n} broke the rule`);
        }),
        context,
        20,
      ),
  };
}

describe('checkProperty', () => {
  it('leaves the check untested with its reason when a case throws Untestable, and runs no case after it', async () => {
    const tried: number[] = [];
    const summary = await runChecks(new ReferenceTarget(['home']), [lackingCheck('totp-lacking', tried)], 20);
    const cell = summary.checks[0]!.cells[0]!;
    expect([cell.verdict, cell.reason]).toEqual(['untested', LACK]);
    expect(summary.requirements.find((r) => r.id === 'TOTP-18')).toMatchObject({ verdict: 'untested', reason: LACK });
    expect(tried).toHaveLength(4);
  });

  it('skips the check with its reason when a case throws NotApplicable', async () => {
    const tried: number[] = [];
    const check = lackingCheck('totp-elsewhere', tried, () => new NotApplicable(ELSEWHERE));
    const summary = await runChecks(new ReferenceTarget(['home']), [check], 20);
    const cell = summary.checks[0]!.cells[0]!;
    expect([cell.verdict, cell.reason]).toEqual(['skipped', ELSEWHERE]);
    expect(tried).toHaveLength(4);
  });

  it.each([
    ['skipped', () => new NotApplicable(ELSEWHERE), ELSEWHERE],
    ['untested', () => new Untestable(LACK), LACK],
  ] as const)('reads %s, with its reason, a one-shot check that throws so', async (verdict, lacking, reason) => {
    const check: Check = {
      id: 'totp-lacking-once',
      title: 'a synthetic one-shot check that finds the target lacking',
      area: 'TOTP',
      requirements: ['TOTP-18'],
      scope: 'server',
      run: () =>
        checkOnce(async () => {
          throw lacking();
        }),
    };
    const summary = await runChecks(new ReferenceTarget(['home']), [check], 1);
    const cell = summary.checks[0]!.cells[0]!;
    expect([cell.verdict, cell.reason]).toEqual([verdict, reason]);
  });

  it('reports as commands the shrunk counterexample, without the commands after the failing one', async () => {
    const summary = await runChecks(new ReferenceTarget(['home']), [modelCheck], 20, 3);
    const failure = summary.checks[0]!.cells[0]!.failure!;
    expect(failure.commands).toEqual(['add', 'add', 'add']);
    // The counterexample as fast-check prints it lists the same commands, then its replay path.
    expect(failure.counterexample).toMatch(/^\[add,add,add \/\*replayPath=".*"\*\/\]$/);
  });
});
