import { describe, expect, it } from 'vitest';
import { strictBodiesCheck } from '../../../../conformance/suites/protocol/strict-bodies.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { cellsOf, failuresOf, runTwoFactor, verdictOf } from '../fixtures/two-factor-run.js';

describe('strict request bodies on every route', () => {
  it('pass on the reference server, Pro and Home', async () => {
    const summary = await runTwoFactor([strictBodiesCheck], { runs: 60 });
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, strictBodiesCheck.id).map(([column, verdict]) => [column, verdict])).toEqual([
      ['pro', 'pass'],
      ['home', 'pass'],
    ]);
  });

  it.each(['unknown-body-keys-accepted', 'body-types-coerced'] as const)('catch %s', async (fault) => {
    const summary = await runTwoFactor([strictBodiesCheck], {
      runs: 60,
      target: new ReferenceTarget(['pro'], { faults: [fault] }),
    });
    expect(verdictOf(summary, 'NET-06')).toBe('fail');
    expect(cellsOf(summary, strictBodiesCheck.id)[0]?.[2]).toMatch(/expected 400 invalid-request/);
  });
});
