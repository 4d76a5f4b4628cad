/**
 * Which cells the runner knows are skipped before any server starts: those whose check skips the column even on a
 * session that offers everything; a check that needs something of its session may apply, so the runner starts what
 * it may need.
 */
import { describe, expect, it } from 'vitest';
import { skipUnless, type Check } from '../../../conformance/kit/check.js';
import { where } from '../../../conformance/kit/applies.js';
import { surelySkipped } from '../../../conformance/runner/surely-skipped.js';

const check = (applies?: Check['applies']): Check => ({
  id: 'x-check',
  title: 'x',
  area: 'NET',
  requirements: ['NET-01'],
  scope: 'server',
  ...(applies ? { applies } : {}),
  run: async () => ({ verdict: 'pass', runs: 1 }),
});

describe('cells surely skipped before a session', () => {
  it("are those of a check that skips the column whatever the session (Home's 2FA)", () => {
    const twoFactor = check(where({ twoFactor: true, console: true }));
    expect(surelySkipped(twoFactor, { edition: 'home' })).toBe(true);
    expect(surelySkipped(twoFactor, { edition: 'pro' })).toBe(false);
  });

  it('are not those of a check that applies everywhere or needs a part of the session', () => {
    expect(surelySkipped(check(), { edition: 'home' })).toBe(false);
    expect(surelySkipped(check(where({ dataDir: true })), { edition: 'home' })).toBe(false);
    expect(surelySkipped(check(where({ clock: true, console: true })), { edition: 'lite' })).toBe(false);
    expect(
      surelySkipped(
        check((_c, session) => skipUnless(session.url !== '', 'no URL')),
        { edition: 'lite' },
      ),
    ).toBe(false);
  });
});
