import { describe, expect, it } from 'vitest';
import { uploadRefusalsCheck } from '../../../../conformance/suites/protocol/upload-refusals.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { cellsOf, failuresOf, runTwoFactor, verdictOf } from '../fixtures/two-factor-run.js';

describe('announced items the server must refuse', () => {
  it('pass on the reference server, Pro and Home', async () => {
    const summary = await runTwoFactor([uploadRefusalsCheck]);
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, uploadRefusalsCheck.id).map(([column, verdict]) => [column, verdict])).toEqual([
      ['pro', 'pass'],
      ['home', 'pass'],
    ]);
  });

  it.each([
    ['unsupported-file-type-accepted', /IMG_0001\.jpeg as a photo .*expected unsupported-file-type, but it succeeded/],
    ['item-kind-mismatch-accepted', /CLIP_0002\.mp4 as a photo .*expected item-kind-mismatch, but it succeeded/],
    ['item-too-large-accepted', /68719476737 bytes .*expected item-too-large, but it succeeded/],
  ] as const)('catch %s', async (fault, message) => {
    const summary = await runTwoFactor([uploadRefusalsCheck], {
      target: new ReferenceTarget(['pro'], { faults: [fault] }),
    });
    expect(verdictOf(summary, 'NET-06')).toBe('fail');
    expect(cellsOf(summary, uploadRefusalsCheck.id)[0]?.[2]).toMatch(message);
  });
});
