import { describe, expect, it } from 'vitest';
import { restoreChecks } from '../../../../conformance/suites/restore/selection.js';
import { totp } from '../../../../conformance/kit/device-support.js';
import { ANDROID, cellTable, IOS, passOn, runDeviceChecks, skipOn, verdicts } from '../fixtures/device-run.js';

describe('restore suite against the reference server', () => {
  it('passes on Android and iOS; the SD card check applies to Android with a card only', async () => {
    const summary = await runDeviceChecks(restoreChecks, { runs: 20 });
    expect(cellTable(summary)).toEqual({
      'restore-selection-property': passOn(ANDROID, IOS),
      'restore-latest-state-only': passOn(ANDROID, IOS),
      'restore-sd-card-permission': [...passOn(ANDROID), skipOn(IOS, 'applies to Android only')],
    });
    const ids = ['RST-01', 'RST-02', 'RST-05', 'RST-06', 'RST-07', 'RST-08', 'RST-10', 'RST-12', 'RST-16', 'RFE-14'];
    expect(verdicts(summary, ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 'pass'])));
  });

  it('computes RFC 6238 codes (the SHA1 test vector of appendix B)', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // "12345678901234567890" in base32
    expect(totp(secret, 59_000)).toBe('287082');
    expect(totp(secret, 1_111_111_109_000)).toBe('081804');
  });
});
