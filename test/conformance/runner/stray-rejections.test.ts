/**
 * A check that leaves a promise rejected with nothing to handle it used to end the whole run (Node's default for an
 * unhandled rejection): no summary, no report, exit 1. Now the cell it ran in is a kit error saying so, the run goes
 * on and ends `error`, and a rejection its check handles late (after Node noticed it) changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../conformance/kit/check.js';
import { runConformance } from '../../../conformance/runner/run-conformance.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';

const turn = () => new Promise((resolve) => setTimeout(resolve, 20));

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

describe('a rejection nothing handles while a cell runs', () => {
  it('makes that cell a kit error, and the run goes on to its end and its reports', async () => {
    const { summary } = await runConformance({
      target: new ReferenceTarget(['pro']),
      checks: [strayCheck, lateCheck],
      catalogue: REQUIREMENTS,
      profiles: [],
      seed: 5,
      runs: 1,
      // One cell at a time: a stray is heard by every cell running when it happens.
      concurrency: 1,
      command: 'test',
      kitVersion: 'test',
      replayCommand: () => 'replay',
    });
    const cell = (id: string) => summary.checks.find((c) => c.checkId === id)?.cells[0];
    expect(cell('net-stray')).toMatchObject({
      verdict: 'error',
      reason: expect.stringMatching(
        /^kit error .*: a promise rejected with nothing to handle it .*left alone by its check/,
      ),
    });
    expect(cell('net-late')).toMatchObject({ verdict: 'pass' });
    expect(summary.verdict).toBe('error');
    expect(summary.requirements.find((r) => r.id === 'NET-01')?.verdict).toBe('error');
  });
});
