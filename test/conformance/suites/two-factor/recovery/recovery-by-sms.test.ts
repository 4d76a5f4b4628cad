import { describe, expect, it } from 'vitest';
import { recoveryCheck } from '../../../../../conformance/suites/two-factor/recovery/recovery-by-sms.js';
import { ReferenceTarget } from '../../../../../conformance/targets/reference-target.js';
import { cellsOf, failuresOf, runTwoFactor, verdictOf, verdictsOf } from '../../fixtures/two-factor-run.js';

describe('recovery suite against the reference server', () => {
  it('passes on Pro, every covered requirement passing, and skips on Home with the reason', async () => {
    const checks = [recoveryCheck];
    const summary = await runTwoFactor(checks);
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, 'tfa-recovery-sms')).toEqual([
      ['pro', 'pass', undefined],
      ['home', 'skipped', expect.stringContaining('Pro and Lite only')],
    ]);
    expect(Object.values(verdictsOf(summary, checks)).every((v) => v === 'pass')).toBe(true);
  });

  it('fails, instead of reading the same page for ever, an outbox whose `last` does not move on', async () => {
    const target = new ReferenceTarget(['pro'], { faults: ['outbox-last-stuck'] });
    const summary = await runTwoFactor([recoveryCheck], { runs: 1, target });
    expect(verdictOf(summary, 'REC-05')).toBe('fail');
    expect(failuresOf(summary).join('\n')).toMatch(
      /the outbox \(GET \/v1\/console\/outbox\): the page after 0 \(\[1\]\) says last 0, not 1/,
    );
  });
});
