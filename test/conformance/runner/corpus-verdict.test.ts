/**
 * The judgement of a corpus entry's replay: exactly the expected failures reproduce it; a missing one or an extra one
 * is a lost finding, named; a run that could not judge is an error, never a reproduction or a loss.
 */
import { describe, expect, it } from 'vitest';
import { judgeReplay, outcomeLine } from '../../../conformance/runner/corpus-verdict.js';
import type { Summary } from '../../../conformance/runner/summary-schema.js';

/** Only the fields the judgement reads: the run's verdict and reason, and each requirement's verdict. */
function summaryOf(verdicts: Record<string, string>, run: Partial<Summary> = {}): Summary {
  const requirements = Object.entries(verdicts).map(([id, verdict]) => ({ id, verdict }));
  const failed = requirements.some((r) => r.verdict === 'fail');
  return { verdict: failed ? 'fail' : 'pass', requirements, ...run } as unknown as Summary;
}

describe('judgeReplay', () => {
  it('reproduces when exactly the expected requirements fail', () => {
    const outcome = judgeReplay(['TOTP-04', 'TOTP-13'], summaryOf({ 'TOTP-04': 'fail', 'TOTP-13': 'fail', X: 'pass' }));
    expect(outcome).toEqual({ status: 'reproduced', failed: ['TOTP-04', 'TOTP-13'] });
    expect(outcomeLine('e', outcome)).toBe('  ok    e: fails TOTP-04, TOTP-13, as expected');
  });

  it('is lost when an expected requirement passes, or another fails', () => {
    const outcome = judgeReplay(['TOTP-12'], summaryOf({ 'TOTP-12': 'pass', 'TOTP-18': 'fail' }));
    expect(outcome).toMatchObject({ status: 'lost', missing: ['TOTP-12'], extra: ['TOTP-18'] });
    expect(outcomeLine('e', outcome)).toBe('  LOST  e: no longer fails TOTP-12; now also fails TOTP-18');
  });

  it('is an error when the run could not judge, whatever failed', () => {
    const aborted = summaryOf(
      { 'TOTP-12': 'untested' },
      { verdict: 'error', reason: 'the target could not be tested' },
    );
    expect(judgeReplay(['TOTP-12'], aborted)).toEqual({ status: 'error', reason: 'the target could not be tested' });
    const errored = summaryOf({ 'TOTP-12': 'fail', 'TOTP-04': 'error' });
    expect(judgeReplay(['TOTP-12'], errored)).toEqual({ status: 'error', reason: 'could not judge TOTP-04' });
  });

  it('reproduces an entry that expects nothing when nothing fails', () => {
    expect(judgeReplay([], summaryOf({ 'TOTP-04': 'pass' }))).toEqual({ status: 'reproduced', failed: [] });
  });
});
