/**
 * The cell verdicts the runner derives: a finding charged only to ADVISORY requirements is `advisory`, a mixed one
 * `fail` with each requirement read by its level, and an exception that is no verdict on the target is `error`.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Check, CheckOutcome } from '../../../conformance/kit/check.js';
import { checkOnce, checkProperty } from '../../../conformance/kit/property.js';
import { Violation, within } from '../../../conformance/kit/violation.js';
import { ClientError, MbsError } from '../../../conformance/spec/errors.js';
import { KIT_ERROR } from '../../../conformance/runner/thrown-errors.js';
import { runVerdict } from '../../../conformance/runner/run-verdict.js';
import type { RequirementResult } from '../../../conformance/runner/summary-schema.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';
import { runChecks, verdictOf } from '../suites/fixtures/run-checks.js';

// TOTP-02 is a MUST; TOTP-14 and TOTP-15 are ADVISORY (best practice beyond the seeds and the protocol).
const check = (run: () => Promise<CheckOutcome>, extra: Partial<Check> = {}): Check =>
  ({
    id: 'totp-synthetic',
    title: 'a synthetic check of one MUST and two ADVISORY requirements',
    area: 'TOTP',
    requirements: ['TOTP-02', 'TOTP-14', 'TOTP-15'],
    scope: 'server',
    run,
    ...extra,
  }) as Check;

const failing = (requirements?: string[]) => async (): Promise<CheckOutcome> => ({
  verdict: 'fail',
  runs: 1,
  failure: { message: 'found it', ...(requirements ? { requirements } : {}) },
});
const throwing = (error: unknown) => async (): Promise<CheckOutcome> => {
  throw error;
};

async function run(...checks: Check[]) {
  const summary = await runChecks(new ReferenceTarget(['home']), checks, 1, 1);
  const ids = ['TOTP-02', 'TOTP-14', 'TOTP-15'];
  return { summary, cell: summary.checks[0]!.cells[0]!, verdicts: ids.map((id) => verdictOf(summary, id)) };
}

describe('cell verdicts', () => {
  it('a finding charged only to ADVISORY requirements is advisory; what its run never reached is untested', async () => {
    const { summary, cell, verdicts } = await run(check(failing(['TOTP-14'])));
    expect(cell.verdict).toBe('advisory');
    expect(verdicts).toEqual(['untested', 'advisory', 'untested']);
    expect(summary.verdict).toBe('pass');
  });

  it('a finding reported after its MUST requirement was checked in full leaves that requirement passed', async () => {
    const last = async (): Promise<CheckOutcome> => ({
      verdict: 'fail',
      runs: 1,
      failure: { message: 'found it', requirements: ['TOTP-14'], checked: ['TOTP-02'] },
    });
    const { cell, verdicts } = await run(check(last));
    expect(cell.unchecked?.requirements).toEqual(['TOTP-15']);
    expect(verdicts).toEqual(['pass', 'advisory', 'untested']);
  });

  it('a mixed finding fails its cell; each requirement still reads by its own level', async () => {
    const { summary, cell, verdicts } = await run(check(failing(['TOTP-02', 'TOTP-15'])));
    expect(cell.verdict).toBe('fail');
    expect(verdicts).toEqual(['fail', 'untested', 'advisory']);
    expect(summary.verdict).toBe('fail');
  });

  it('a finding that names nothing is charged to all the check covers: advisory only if all are ADVISORY', async () => {
    expect((await run(check(failing()))).cell.verdict).toBe('fail');
    const advisoryOnly = check(failing(), { requirements: ['TOTP-14', 'TOTP-15'] });
    expect((await run(advisoryOnly)).cell.verdict).toBe('advisory');
  });

  it('a TypeError in the kit is a kit error with its reason, its stack and a replay command, never a failure', async () => {
    const { summary, cell, verdicts } = await run(
      check(throwing(new TypeError('Cannot read properties of undefined'))),
    );
    expect(cell).toMatchObject({
      verdict: 'error',
      reason: `${KIT_ERROR}: TypeError: Cannot read properties of undefined`,
    });
    expect(cell.failure?.message).toMatch(
      /^kit error \(the kit's own fault, not the target's\): TypeError: .*\n\s+at /,
    );
    expect(cell.failure?.replayCommand).toContain('mbsc run');
    expect(verdicts).toEqual(['error', 'error', 'error']);
    expect(summary).toMatchObject({ verdict: 'error', reason: expect.stringContaining('3 requirements could not') });
    expect(summary.totals.errored).toBe(3);
  });

  it("takes a plain Error for the check's own statement, whatever caused it", async () => {
    const refused = new ClientError('unreachable', 'connect ECONNREFUSED 127.0.0.1:50000');
    const stated = new Error('the announced TCP port does not serve protocol v1', { cause: refused });
    expect((await run(check(throwing(stated)))).cell.verdict).toBe('fail');
  });

  it('a verdict of the target fails; a target that cannot be reached is an error', async () => {
    for (const error of [new Violation(['TOTP-02'], 'broken'), new MbsError('otp-invalid'), new Error('plain')]) {
      expect((await run(check(throwing(error)))).cell.verdict).toBe('fail');
    }
    expect((await run(check(throwing(new ClientError('protocol-violation', 'not JSON'))))).cell.verdict).toBe('fail');
    // A Violation that escapes its check keeps its requirements (and what it checked before): one of ADVISORY ids
    // only is advisory.
    expect(await run(check(throwing(new Violation(['TOTP-14'], 'weak', { checked: ['TOTP-02'] }))))).toMatchObject({
      cell: { verdict: 'advisory', failure: { requirements: ['TOTP-14'] } },
      verdicts: ['pass', 'advisory', 'untested'],
    });
    const gone = (await run(check(throwing(new ClientError('unreachable', 'connect ECONNREFUSED'))))).cell;
    expect(gone).toMatchObject({ verdict: 'error', reason: expect.stringMatching(/^the target could not be reached/) });
  });
});

describe('exceptions a check catches itself', () => {
  it('checkOnce and within() pass on what they caught: a kit TypeError is an error, a broken rule a failure', async () => {
    const once = (error: Error) => () => checkOnce(() => Promise.reject(error));
    expect((await run(check(once(new TypeError('x is undefined'))))).cell).toMatchObject({
      verdict: 'error',
      reason: `${KIT_ERROR}: TypeError: x is undefined`,
    });
    expect((await run(check(once(new Error('the server said 3'))))).cell.verdict).toBe('fail');
    const step = (error: Error) => () => checkOnce(() => within(['TOTP-14'], () => Promise.reject(error)));
    const wrapped = (await run(check(step(new TypeError('y is undefined'))))).cell;
    expect(wrapped.verdict).toBe('error');
    // The stack shown is where the kit broke, not where within() wrapped it.
    expect(wrapped.failure?.message).toContain('cell-verdicts.test.ts');
    expect(wrapped.failure?.message).not.toContain('violation.ts');
    expect(await run(check(step(new MbsError('otp-invalid'))))).toMatchObject({
      cell: { verdict: 'advisory', failure: { requirements: ['TOTP-14'] } },
      verdicts: ['untested', 'advisory', 'untested'],
    });
  });

  it('checkProperty passes on what the property threw', async () => {
    const property = (error: Error) => (context: Parameters<typeof checkProperty>[1]) =>
      checkProperty(
        fc.asyncProperty(fc.nat(), async () => {
          throw error;
        }),
        context,
      );
    const kit = check(async () => ({ verdict: 'pass', runs: 0 }));
    const withRun = (error: Error) => ({ ...kit, run: property(error) }) as Check;
    expect((await run(withRun(new RangeError('bad index')))).cell.verdict).toBe('error');
    expect((await run(withRun(new Violation(['TOTP-02'], 'broken')))).cell.verdict).toBe('fail');
  });
});

describe("the kit's own machine failing", () => {
  /** A real ENOSPC from the kernel: /dev/full refuses every write as a full disk does. */
  const diskFull = () => {
    try {
      writeFileSync('/dev/full', 'the filler of a nemesis');
    } catch (error) {
      return error as NodeJS.ErrnoException;
    }
    throw new Error('/dev/full took a write');
  };

  it('an ENOSPC of the kit is a kit error naming it, never a failure charged to the target', async () => {
    const enospc = diskFull();
    expect(enospc).toMatchObject({ code: 'ENOSPC', syscall: 'write' });
    const thrownByProperty = (context: Parameters<typeof checkProperty>[1]) =>
      checkProperty(
        fc.asyncProperty(fc.nat(), async () => {
          throw diskFull();
        }),
        context,
      );
    const cases: Check[] = [
      check(throwing(enospc)),
      check(() => checkOnce(() => within(['TOTP-02'], () => Promise.reject(diskFull())))),
      { ...check(throwing(enospc)), run: thrownByProperty } as Check,
    ];
    for (const c of cases) {
      const { summary, cell, verdicts } = await run(c);
      expect(cell).toMatchObject({
        verdict: 'error',
        reason: `${KIT_ERROR}: the kit's own machine refused a system call: Error: ENOSPC: no space left on device, write`,
      });
      expect(verdicts).toEqual(['error', 'error', 'error']);
      expect(summary.verdict).toBe('error');
    }
  });

  it('an errno that is no resource of the machine stays as it was judged: a plain Error is a statement', async () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' });
    expect((await run(check(throwing(reset)))).cell.verdict).toBe('fail');
  });
});

describe('the run verdict', () => {
  it('is error with --fail-on-untested when a requirement that applies went untested, naming it', () => {
    const rows = [
      { id: 'NET-06', verdict: 'pass' },
      { id: 'DESK-04', verdict: 'untested', reason: 'no Chromium at /x' },
      { id: 'DESK-08', verdict: 'untested', reason: 'no Chromium at /x' },
      { id: 'EDN-02', verdict: 'skipped', reason: 'another edition' },
    ] as RequirementResult[];
    expect(runVerdict(rows, { checks: 2 })).toEqual({ verdict: 'pass' });
    expect(runVerdict(rows, { checks: 2, failOnUntested: true })).toEqual({
      verdict: 'error',
      reason:
        '2 applicable requirements could not be checked here, and --fail-on-untested asks that every one is: DESK-04: no Chromium at /x',
    });
    // What does not apply here is no lack of checking; a MUST failure still fails the run.
    const checkedAll = rows.filter((r) => r.verdict !== 'untested');
    expect(runVerdict(checkedAll, { checks: 2, failOnUntested: true })).toEqual({ verdict: 'pass' });
    const failed = [...rows, { id: 'TOTP-02', verdict: 'fail' }] as RequirementResult[];
    expect(runVerdict(failed, { checks: 2, failOnUntested: true })).toEqual({ verdict: 'fail' });
  });

  it('is error when the run had checks and none applied, and passes an empty shard', async () => {
    const skipped = check(failing(), { applies: () => ({ applies: false, reason: 'not here' }) });
    const { summary } = await run(skipped);
    expect(summary).toMatchObject({ verdict: 'error', reason: expect.stringMatching(/^nothing applicable ran/) });
    const empty = await runChecks(new ReferenceTarget(['home']), [], 1, 1);
    expect(empty.verdict).toBe('pass');
  });

  it('is error when every selected check applies but none could check the target here, and says so', async () => {
    const lacking = check(failing(), { applies: () => ({ applies: false, reason: 'no browser', untested: true }) });
    const { summary } = await run(lacking);
    expect(summary).toMatchObject({
      verdict: 'error',
      reason: expect.stringMatching(/^nothing applicable ran: .*none could check it here \(see untested\)$/),
    });
  });
});
