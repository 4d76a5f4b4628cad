import { describe, expect, it } from 'vitest';
import { TWO_FACTOR_CHECKS } from '../../../../conformance/suites/index.js';
import { REQUIREMENTS } from '../../../../conformance/spec/requirements/index.js';
import { failuresOf, runTwoFactor, verdictsOf } from '../fixtures/two-factor-run.js';

describe('every 2FA check together against the reference server (Pro and Home)', () => {
  it('passes: only the two advisory findings fail, and every check id is unique', async () => {
    const ids = TWO_FACTOR_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const catalogued = new Set<string>(REQUIREMENTS.map((r) => r.id));
    expect(TWO_FACTOR_CHECKS.flatMap((c) => c.requirements).filter((id) => !catalogued.has(id))).toEqual([]);

    const started = performance.now();
    const summary = await runTwoFactor(TWO_FACTOR_CHECKS, { runs: 10 });
    const verdicts = verdictsOf(summary, TWO_FACTOR_CHECKS);
    expect(failuresOf(summary).every((f) => /tfa-registration-secret-strength|migration-2fa-repair/.test(f))).toBe(
      true,
    );
    expect(Object.entries(verdicts).filter(([, v]) => v !== 'pass')).toEqual([
      ['EDN-02', 'skipped'],
      ['MIG-09', 'advisory'],
      ['TOTP-15', 'advisory'],
    ]);
    expect(summary.verdict).toBe('pass');
    console.log(`2FA checks: ${Math.round(performance.now() - started)} ms with 10 runs`);
  });
});
