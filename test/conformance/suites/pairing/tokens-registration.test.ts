import { describe, expect, it } from 'vitest';
import { pairingTokensCheck } from '../../../../conformance/suites/pairing/tokens-and-device-list.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import { cellsOf, failuresOf, runTwoFactor, verdictOf } from '../fixtures/two-factor-run.js';

describe('the device list and GET /v1/device against the pairing answer', () => {
  it('pass on the reference server', async () => {
    const summary = await runTwoFactor([pairingTokensCheck], { runs: 20, target: new ReferenceTarget(['pro']) });
    expect(failuresOf(summary)).toEqual([]);
  });

  it('catch a device list that shows another registration time', async () => {
    const summary = await runTwoFactor([pairingTokensCheck], {
      runs: 20,
      target: new ReferenceTarget(['pro'], { faults: ['device-list-registered-later'] }),
    });
    expect(verdictOf(summary, 'STO-03')).toBe('fail');
    expect(cellsOf(summary, pairingTokensCheck.id)[0]?.[2]).toMatch(
      /the device list shows .* with registeredAt (\d+) and backupPath .*; pairing answered registeredAt (?!\1)\d+/,
    );
  });
});
