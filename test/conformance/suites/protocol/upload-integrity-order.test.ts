import { describe, expect, it } from 'vitest';
import { protocolIntegrityCheck } from '../../../../conformance/suites/protocol/upload-integrity.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { cellsOf, failuresOf, runTwoFactor, verdictOf } from '../fixtures/two-factor-run.js';

describe('the integrity model’s listings in upload order', () => {
  it('pass on the reference server', async () => {
    const summary = await runTwoFactor([protocolIntegrityCheck], {
      runs: 20,
      target: new ReferenceTarget(['pro']),
    });
    expect(failuresOf(summary)).toEqual([]);
  });

  it('catch a listing whose pages come newest upload first', async () => {
    const summary = await runTwoFactor([protocolIntegrityCheck], {
      runs: 20,
      target: new ReferenceTarget(['pro'], { faults: ['listing-newest-first'] }),
    });
    expect(verdictOf(summary, 'NET-06')).toBe('fail');
    expect(cellsOf(summary, protocolIntegrityCheck.id)[0]?.[2]).toMatch(
      /GET \/v1\/items(\?tab=\w+)? lists \[.*\]; upload order, oldest first, is \[/,
    );
  });
});
