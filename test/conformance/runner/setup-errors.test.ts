/**
 * A check whose own setup fails has tested nothing: an error of the check, never a failure of the requirements it
 * covers; unless the setup step shows a rule the check covers (pairing, for a pairing check), which alone fails.
 */
import { describe, expect, it } from 'vitest';
import type { Check, ServerCheck } from '../../../conformance/kit/check.js';
import { checkOnce } from '../../../conformance/kit/property.js';
import { pairDevice } from '../../../conformance/kit/server-support.js';
import { setup } from '../../../conformance/kit/setup.js';
import { KIT_ERROR } from '../../../conformance/runner/thrown-errors.js';
import { ClientError } from '../../../conformance/spec/errors.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';
import { runChecks, verdictOf } from '../suites/fixtures/run-checks.js';

/** A backup check (BAK-01, BAK-02) or a pairing one (PAIR-02, BAK-01) whose body is `body`. */
const check = (requirements: string[], body: ServerCheck['run']): Check =>
  ({
    id: 'backup-synthetic',
    title: 'a synthetic check',
    area: 'BAK',
    requirements,
    scope: 'server',
    run: body,
  }) as Check;

/** Pairs a device for the check on a session whose console key was not given: the kit's real setup fails. */
const pairsWithoutConsole: ServerCheck['run'] = ({ session }) =>
  checkOnce(async () => {
    await pairDevice({ ...session, console: undefined }, 'Setup');
    throw new Error('never reached: the check would test its rules here');
  });

async function run(requirements: string[], body: ServerCheck['run']) {
  const summary = await runChecks(new ReferenceTarget(['home']), [check(requirements, body)], 1, 1);
  return { cell: summary.checks[0]!.cells[0]!, verdicts: requirements.map((id) => verdictOf(summary, id)) };
}

describe('a check whose setup fails', () => {
  it('is an error of the check, saying its setup failed, and none of its requirements fails', async () => {
    const { cell, verdicts } = await run(['BAK-01', 'BAK-02'], pairsWithoutConsole);
    expect(cell.verdict).toBe('error');
    expect(cell.reason).toMatch(
      /^the check's setup failed before it tested anything: pairing a device for the check: not-paired: /,
    );
    expect(verdicts).toEqual(['error', 'error']);
  });

  it('fails only the pairing rule it covers when the pairing it set up was refused; the rest is untested', async () => {
    const { cell, verdicts } = await run(['PAIR-02', 'BAK-01'], pairsWithoutConsole);
    expect(cell).toMatchObject({ verdict: 'fail', failure: { requirements: ['PAIR-02'] } });
    expect(cell.failure?.message).toMatch(/^pairing a device for the check: not-paired: /);
    expect(cell.unchecked).toEqual({
      requirements: ['BAK-01'],
      reason: 'pairing a device for the check failed before the check tested it',
    });
    expect(verdicts).toEqual(['fail', 'untested']);
  });

  it('is a kit error when the kit broke in it, and an unreachable target when it could not reach it', async () => {
    const broken = await run(['BAK-01'], () =>
      checkOnce(() => setup('making a world', [], () => Promise.reject(new TypeError('w is undefined')))),
    );
    expect(broken.cell).toMatchObject({ verdict: 'error', reason: `${KIT_ERROR}: TypeError: w is undefined` });
    const gone = await run(['BAK-01'], () =>
      setup('pairing', [], () => Promise.reject(new ClientError('unreachable', 'connect ECONNREFUSED'))),
    );
    expect(gone.cell).toMatchObject({ verdict: 'error', reason: expect.stringMatching(/^the target could not be/) });
  });
});
