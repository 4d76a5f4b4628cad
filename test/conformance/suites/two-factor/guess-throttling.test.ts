/**
 * The throttle schedule of the password lock, e-mail codes and SMS codes, timed on the server's clock: passes on
 * the reference, fails a server whose waits never double or begin a failure early, or that loses the failures of
 * guesses sent at once, and reads untested without the clock.
 */
import { describe, expect, it } from 'vitest';
import { passwordLockThrottlingCheck } from '../../../../conformance/suites/two-factor/password-lock/throttling.js';
import { recoveryThrottlingCheck } from '../../../../conformance/suites/two-factor/recovery/throttling.js';
import { ReferenceTarget } from '../../../../conformance/targets/reference-target.js';
import type { ServerFault } from '../../../../conformance/spec/faults.js';
import { proWithoutClock } from '../fixtures/no-clock-target.js';
import { failuresOf, runTwoFactor, verdictOf } from '../fixtures/two-factor-run.js';

const CHECKS = [passwordLockThrottlingCheck, recoveryThrottlingCheck];
const IDS = ['PWL-12', 'PWL-13', 'REC-16'];
const pro = (faults: readonly ServerFault[] = []) => new ReferenceTarget(['pro'], { faults });

describe('password, e-mail and SMS code throttling on the server clock', () => {
  it('passes on the reference server', async () => {
    const summary = await runTwoFactor(CHECKS, { runs: 1, target: pro() });
    expect(failuresOf(summary)).toEqual([]);
    expect(IDS.map((id) => verdictOf(summary, id))).toEqual(['pass', 'pass', 'pass']);
  });

  it('fails a server whose wait never doubles, on each kind', async () => {
    const summary = await runTwoFactor(CHECKS, { runs: 1, target: pro(['throttle-never-doubles']) });
    expect(IDS.map((id) => verdictOf(summary, id))).toEqual(['fail', 'fail', 'fail']);
    expect(failuresOf(summary).join('\n')).toMatch(/45 s after the 6th failure .*: a right password was answered/);
  });

  it('fails a server that throttles the fifth failure', async () => {
    const summary = await runTwoFactor(CHECKS, { runs: 1, target: pro(['throttles-from-fifth-failure']) });
    expect(failuresOf(summary).join('\n')).toMatch(
      /failure 5 of 5 \(free\): a wrong password was answered otp-throttled/,
    );
    expect(IDS.map((id) => verdictOf(summary, id))).toEqual(['fail', 'fail', 'fail']);
  });

  it('fails a server that loses the failures of codes sent at once, on the SMS and e-mail codes', async () => {
    const summary = await runTwoFactor(CHECKS, { runs: 1, target: pro(['code-failures-lost-at-once']) });
    expect([verdictOf(summary, 'PWL-13'), verdictOf(summary, 'REC-16')]).toEqual(['fail', 'fail']);
    const failures = failuresOf(summary).join('\n');
    for (const what of ['e-mail', 'SMS'])
      expect(failures).toMatch(new RegExp(`8 wrong ${what} codes sent at once .*: 8 were judged`));
  });

  it('fails a server that loses the failures of passwords sent at once', async () => {
    const summary = await runTwoFactor(CHECKS, { runs: 1, target: pro(['password-failures-lost-at-once']) });
    expect(verdictOf(summary, 'PWL-12')).toBe('fail');
    expect(failuresOf(summary).join('\n')).toMatch(/8 wrong passwords sent at once .*: 8 were judged/);
  });

  it('reads untested without the clock, with the reason', async () => {
    const summary = await runTwoFactor(CHECKS, { runs: 1, target: proWithoutClock() });
    expect(IDS.map((id) => verdictOf(summary, id))).toEqual(['untested', 'untested', 'untested']);
  });
});
