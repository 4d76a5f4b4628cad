import { describe, expect, it } from 'vitest';
import { accountsBackCheck } from '../../../../conformance/suites/restore/accounts-back.js';
import { ANDROID, cellTable, IOS, passOn, runDeviceChecks, verdicts } from '../fixtures/device-run.js';

describe('restored 2FA accounts against the reference server', () => {
  it('come back on Android and iOS with the codes of their own keys', async () => {
    const summary = await runDeviceChecks([accountsBackCheck], { runs: 1 });
    expect(cellTable(summary)).toEqual({ 'restore-2fa-accounts-working-codes': passOn(ANDROID, IOS) });
    expect(verdicts(summary, ['RST-12'])).toEqual({ 'RST-12': 'pass' });
  });
});
