/**
 * The send limit (REC-17), timed on the server's clock, on a login's recovery SMS and on the recovery phone's SMS
 * and the "Forgot password" e-mail: passes on the reference, fails a server that sends every code asked for, and
 * reads untested without the clock.
 */
import { describe, expect, it } from 'vitest';
import { phoneAndEmailSendLimitCheck } from '../../../../../conformance/suites/two-factor/recovery/phone-and-email-send-limit.js';
import { recoverySendLimitCheck } from '../../../../../conformance/suites/two-factor/recovery/send-limit.js';
import { ReferenceTarget } from '../../../../../conformance/targets/reference-target.js';
import { proWithoutClock } from '../../fixtures/no-clock-target.js';
import { failuresOf, runTwoFactor, verdictOf } from '../../fixtures/two-factor-run.js';

describe.each([
  ['SMS codes of a login', recoverySendLimitCheck, /send 6 within 10 minutes was answered accepted/],
  [
    'recovery phone SMS and e-mail',
    phoneAndEmailSendLimitCheck,
    /recovery phone SMS 6 within 10 minutes was answered accepted/,
  ],
])('the send limit of %s on the server clock', (_name, check, unlimited) => {
  const CHECKS = [check];

  it('passes on the reference server', async () => {
    const summary = await runTwoFactor(CHECKS, { runs: 1, target: new ReferenceTarget(['pro']) });
    expect(failuresOf(summary)).toEqual([]);
    expect(verdictOf(summary, 'REC-17')).toBe('pass');
  });

  it('fails a server that sends every code asked for', async () => {
    const summary = await runTwoFactor(CHECKS, {
      runs: 1,
      target: new ReferenceTarget(['pro'], { faults: ['sends-unlimited'] }),
    });
    expect(verdictOf(summary, 'REC-17')).toBe('advisory');
    expect(failuresOf(summary).join('\n')).toMatch(unlimited);
  });

  it('reads untested without the clock', async () => {
    const summary = await runTwoFactor(CHECKS, { runs: 1, target: proWithoutClock() });
    expect(verdictOf(summary, 'REC-17')).toBe('untested');
  });
});
