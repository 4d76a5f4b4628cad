/** storage-stored-as through the protocol: an upload finished from a later job stays in its own job's folder. */
import { describe, expect, it } from 'vitest';
import { storedAsCheck } from '../../../../conformance/suites/storage/stored-as.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { cellsOf, runChecks, verdictOf } from '../fixtures/run-checks.js';

describe('storage-stored-as', () => {
  it('passes on the reference server, an upload finished from a later job included', async () => {
    const summary = await runChecks(new ReferenceTarget(['pro']), [storedAsCheck], 1);
    expect(cellsOf(summary, storedAsCheck.id)).toEqual([['pro', 'pass', undefined]]);
    expect(verdictOf(summary, 'STO-04')).toBe('pass');
  });

  it('fails a server that stores an upload in the folder of the job that finished it', async () => {
    const target = new ReferenceTarget(['pro'], { faults: ['upload-stored-in-finishing-job'] });
    const summary = await runChecks(target, [storedAsCheck], 1);
    expect(verdictOf(summary, 'STO-04')).toBe('fail');
    expect(cellsOf(summary, storedAsCheck.id)[0]?.[2]).toMatch(
      /is stored as blocks\/.*, not in the first job's folder/,
    );
  });

  it('fails a server that starts the sequence at 000000', async () => {
    const summary = await runChecks(
      new ReferenceTarget(['pro'], { faults: ['sequence-from-zero'] }),
      [storedAsCheck],
      1,
    );
    expect(verdictOf(summary, 'STO-05')).toBe('fail');
  });
});
