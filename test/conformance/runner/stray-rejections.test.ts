/**
 * A check that leaves a promise rejected with nothing to handle it used to end the whole run (Node's default for an
 * unhandled rejection): no summary, no report, exit 1. Now the cell it ran in is a kit error saying so (a finding
 * stays a finding, the stray named beside it), the run goes on to its reports, a rejection its check handles late
 * (after Node noticed it) changes nothing, and no listener is left behind. A cell running beside it is not charged
 * with it (the promise was made for the other cell); a rejection of a promise made outside every cell is charged to
 * every cell running then.
 */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../conformance/kit/check.js';
import { runConformance } from '../../../conformance/runner/run-conformance.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';

const turn = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Resolves once `signal()` is called: the order between concurrent cells, whatever the pool's timing. */
function event(): { readonly happened: Promise<void>; signal(): void } {
  let signal: () => void = () => {};
  const happened = new Promise<void>((resolve) => (signal = resolve));
  return { happened, signal };
}

const runOf = (checks: Check[], concurrency: number) =>
  runConformance({
    target: new ReferenceTarget(['pro']),
    checks,
    catalogue: REQUIREMENTS,
    profiles: [],
    seed: 5,
    runs: 1,
    concurrency,
    command: 'test',
    kitVersion: 'test',
    replayCommand: () => 'replay',
  });

const netCheck = (id: string, requirement: string, run: Check['run']): Check => ({
  id,
  title: id,
  area: 'NET',
  requirements: [requirement],
  scope: 'server',
  run,
});

const strayCheck = netCheck('net-stray', 'NET-01', async () => {
  void Promise.reject(new Error('left alone by its check'));
  await turn();
  return { verdict: 'pass' as const, runs: 1 };
});

const lateCheck = netCheck('net-late', 'NET-03', async () => {
  const refused = Promise.reject(new Error('handled late'));
  await turn();
  await refused.catch(() => undefined);
  return { verdict: 'pass' as const, runs: 1 };
});

const failingStrayCheck = netCheck('net-stray-finding', 'NET-04', async () => {
  void Promise.reject(new Error('left alone beside a finding'));
  await turn();
  return { verdict: 'fail' as const, runs: 1, failure: { message: 'the port was taken' } };
});

describe('a rejection nothing handles while a cell runs', () => {
  it('makes that cell a kit error, and the run goes on to its end and its reports', async () => {
    const listeners = process.listenerCount('unhandledRejection');
    const { summary } = await runOf([strayCheck, lateCheck, failingStrayCheck], 1);
    const cell = (id: string) => summary.checks.find((c) => c.checkId === id)?.cells[0];
    expect(cell('net-stray')).toMatchObject({
      verdict: 'error',
      reason: expect.stringMatching(
        /^kit error .*: a promise rejected with nothing to handle it .*left alone by its check/,
      ),
    });
    expect(cell('net-late')).toMatchObject({ verdict: 'pass' });
    // A finding stays one, the stray named beside it.
    expect(cell('net-stray-finding')?.verdict).toBe('fail');
    expect(cell('net-stray-finding')?.failure?.message).toMatch(
      /^the port was taken\n\(kit error .*left alone beside a finding/,
    );
    // Outside the cells the process is as it was: no listener of the run's is left behind.
    expect(process.listenerCount('unhandledRejection')).toBe(listeners);
    // The finding fails the run; the requirement the stray left unjudged is an error, never a pass.
    expect(summary.verdict).toBe('fail');
    expect(summary.requirements.find((r) => r.id === 'NET-01')?.verdict).toBe('error');
  });

  it('charges a stray to the cell that made its promise, not to one running beside it', async () => {
    const quietBegan = event();
    const strayLeft = event();
    const maker = netCheck('net-stray-maker', 'NET-01', async () => {
      await quietBegan.happened;
      void Promise.reject(new Error('made by this cell'));
      await turn();
      strayLeft.signal();
      return { verdict: 'pass' as const, runs: 1 };
    });
    const beside = netCheck('net-beside', 'NET-03', async () => {
      quietBegan.signal();
      await strayLeft.happened;
      await turn();
      return { verdict: 'pass' as const, runs: 1 };
    });
    const { summary } = await runOf([maker, beside], 2);
    const cell = (id: string) => summary.checks.find((c) => c.checkId === id)?.cells[0];
    expect(cell('net-stray-maker')).toMatchObject({
      verdict: 'error',
      reason: expect.stringMatching(/made by this cell; its check may have stopped judging$/),
    });
    expect(cell('net-beside')?.verdict).toBe('pass');
  });

  it('charges a stray made outside every cell to each cell running then', async () => {
    const bothBegan = [event(), event()];
    const rejected = event();
    // The promise is made here, outside the cells, once both have begun.
    void Promise.all(bothBegan.map((e) => e.happened)).then(async () => {
      void Promise.reject(new Error('made outside the cells'));
      await turn();
      rejected.signal();
    });
    const waiting = (id: string, requirement: string, began: { signal(): void }) =>
      netCheck(id, requirement, async () => {
        began.signal();
        await rejected.happened;
        await turn();
        return { verdict: 'pass' as const, runs: 1 };
      });
    const { summary } = await runOf(
      [waiting('net-first', 'NET-01', bothBegan[0]!), waiting('net-second', 'NET-03', bothBegan[1]!)],
      2,
    );
    for (const id of ['net-first', 'net-second'])
      expect(summary.checks.find((c) => c.checkId === id)?.cells[0]).toMatchObject({
        verdict: 'error',
        reason: expect.stringMatching(/made outside the cells; its check, or one running beside it, may have stopped/),
      });
  });
});
