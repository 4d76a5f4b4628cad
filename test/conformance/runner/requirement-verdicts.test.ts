/**
 * README's rules for a requirement and a run, on cells of two columns: a requirement takes the worst reading of its
 * cells (fail, error, advisory, pass, untested, skipped); the run fails on a MUST failure no baseline expects, is an
 * error when a requirement's evidence errored or nothing applicable was tested, and an advisory finding never fails
 * it. The totals count each verdict apart, so no output can show an untested or errored requirement as passed.
 */
import { describe, expect, it } from 'vitest';
import type { Cell, CheckResult, RequirementResult, Verdict } from '../../../conformance/runner/summary-schema.js';
import { fixedExpectedFailures, runVerdict, totalsOf } from '../../../conformance/runner/run-verdict.js';
import { cellReading, findingVerdict, requirementVerdicts } from '../../../conformance/runner/verdicts.js';
import { judgeRequirements } from '../../../conformance/runner/summary-verdicts.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';

// A check covering a MUST requirement and an ADVISORY one; a finding names the one it is charged to.
const MUST = 'TOTP-02';
const ADVISORY = 'TOTP-15';
const REASON: Partial<Record<Verdict, string>> = {
  error: 'the target could not be reached: connect ECONNREFUSED 127.0.0.1:50000',
  untested: 'needs the conformance clock',
  skipped: '2FA exists on Pro and Lite only',
};

function cell(column: string, verdict: Verdict, charged: string): Cell {
  const finding = verdict === 'fail' || verdict === 'advisory';
  return {
    column,
    edition: column,
    verdict,
    durationMs: 1,
    runs: 1,
    ...(REASON[verdict] !== undefined ? { reason: REASON[verdict] } : {}),
    ...(finding
      ? { failure: { message: `${verdict} on ${column}`, requirements: [charged], replayCommand: 'mbsc run' } }
      : {}),
  };
}

/** The requirement `id` judged from one check's cells on two columns, read as `first` and `second`. */
function judged(id: string, first: Verdict, second: Verdict, expected: string[] = []): RequirementResult {
  const check: CheckResult = {
    checkId: 'totp.check',
    title: 'A check',
    area: 'TOTP',
    cells: [cell('pro', first, id), cell('lite', second, id)],
  };
  const coverage = new Map([
    [MUST, ['totp.check']],
    [ADVISORY, ['totp.check']],
  ]);
  const rows = requirementVerdicts(REQUIREMENTS, [check], coverage, { expectedFailures: new Set(expected) });
  return rows.find((r) => r.id === id) as RequirementResult;
}

describe('a requirement', () => {
  it.each([
    [MUST, 'fail', 'error'],
    [MUST, 'error', 'pass'],
    [ADVISORY, 'error', 'advisory'],
    [ADVISORY, 'advisory', 'pass'],
    [MUST, 'pass', 'untested'],
    [MUST, 'untested', 'skipped'],
  ] as const)('%s reads %s beside %s, on either column', (id, worse, better) => {
    expect(judged(id, worse, better).verdict).toBe(worse);
    expect(judged(id, better, worse).verdict).toBe(worse);
  });

  it('keeps the reason of an error and of what went untested, and marks what the baseline expects', () => {
    expect(judged(MUST, 'error', 'pass')).toMatchObject({ verdict: 'error', reason: REASON.error });
    expect(judged(MUST, 'untested', 'skipped')).toMatchObject({ verdict: 'untested', reason: REASON.untested });
    expect(judged(MUST, 'fail', 'pass', [MUST])).toMatchObject({ verdict: 'fail', expectedFailure: true });
  });

  it('gives each distinct reason of its errored cells once, so no column is left unexplained', () => {
    const erring = (column: string, reason: string) => ({ ...cell(column, 'error', MUST), reason });
    const check: CheckResult = {
      checkId: 'totp.check',
      title: 'A check',
      area: 'TOTP',
      cells: [
        erring('pro', 'no route to host'),
        erring('lite', 'kit error: TypeError'),
        erring('home', 'no route to host'),
      ],
    };
    const rows = requirementVerdicts(REQUIREMENTS, [check], new Map([[MUST, ['totp.check']]]), {
      expectedFailures: new Set(),
    });
    expect(rows.find((r) => r.id === MUST)).toMatchObject({
      verdict: 'error',
      reason: 'no route to host; kit error: TypeError',
    });
  });

  it('reads untested, not skipped, when the checks covering it did not run: it still applies', () => {
    const coverage = new Map([[MUST, ['totp.check']]]);
    const rows = requirementVerdicts(REQUIREMENTS, [], coverage, { expectedFailures: new Set() });
    expect(rows.find((r) => r.id === MUST)).toMatchObject({ verdict: 'untested', reason: 'its checks did not run' });
  });
});

describe('a finding', () => {
  const levelOf = (id: string) => REQUIREMENTS.find((r) => r.id === id)?.level;

  it('is advisory only when every requirement it is charged to is ADVISORY', () => {
    expect(findingVerdict([ADVISORY], levelOf)).toBe('advisory');
    expect(findingVerdict([MUST, ADVISORY], levelOf)).toBe('fail');
    // Charged to nothing, or to an id the catalogue does not know: judged as strictly as a MUST.
    expect(findingVerdict([], levelOf)).toBe('fail');
    expect(findingVerdict(['NOPE-01'], levelOf)).toBe('fail');
  });

  it('in a fail cell charged to a MUST and an ADVISORY requirement reads each by its own level', () => {
    const mixed = cell('pro', 'fail', MUST);
    mixed.failure = { message: 'mixed', requirements: [MUST, ADVISORY], replayCommand: 'mbsc run' };
    expect(cellReading(mixed, { id: MUST, level: 'MUST' }, [MUST, ADVISORY])).toBe('fail');
    expect(cellReading(mixed, { id: ADVISORY, level: 'ADVISORY' }, [MUST, ADVISORY])).toBe('advisory');
  });

  it('in an advisory cell never fails a MUST requirement, even one it names', () => {
    const advisory = cell('pro', 'advisory', MUST);
    expect(cellReading(advisory, { id: MUST, level: 'MUST' }, [MUST, ADVISORY])).toBe('pass');
    expect(cellReading(advisory, { id: ADVISORY, level: 'ADVISORY' }, [MUST, ADVISORY])).toBe('pass');
  });
});

const row = (id: string, verdict: Verdict, extra: Partial<RequirementResult> = {}): RequirementResult => ({
  id,
  level: 'MUST',
  statement: id,
  checks: ['c'],
  verdict,
  ...extra,
});

describe('the run', () => {
  it('fails on a MUST failure no baseline expects, and on nothing else', () => {
    expect(runVerdict([row('A', 'pass'), row('B', 'fail')], { checks: 1 })).toEqual({ verdict: 'fail' });
    expect(runVerdict([row('A', 'pass'), row('B', 'fail', { expectedFailure: true })], { checks: 1 })).toEqual({
      verdict: 'pass',
    });
    const advisory = row('B', 'advisory', { level: 'ADVISORY' });
    expect(runVerdict([row('A', 'pass'), advisory], { checks: 1 })).toEqual({ verdict: 'pass' });
  });

  it('is an error naming the requirement whose evidence errored, whatever its level', () => {
    for (const level of ['MUST', 'ADVISORY'] as const) {
      const rows = [row('A', 'pass'), row('B', 'error', { level, reason: REASON.error })];
      expect(runVerdict(rows, { checks: 1 })).toEqual({
        verdict: 'error',
        reason: `1 requirement could not be judged: B: ${REASON.error}`,
      });
    }
  });

  it('is an error when it could not test its target, or when what applies went untested', () => {
    const rows = [row('A', 'untested', { reason: REASON.untested }), row('B', 'skipped')];
    expect(runVerdict(rows, { checks: 1 }).verdict).toBe('error');
    expect(runVerdict([row('A', 'pass')], { checks: 1, abort: 'connect ECONNREFUSED' })).toEqual({
      verdict: 'error',
      reason: 'the target could not be tested: connect ECONNREFUSED',
    });
  });
});

describe('the judgement of a run', () => {
  const check: CheckResult = {
    checkId: 'totp.check',
    title: 'A check',
    area: 'TOTP',
    cells: [cell('pro', 'pass', MUST)],
  };
  const judge = (options: { abort?: string; failOnUntested?: boolean }) =>
    judgeRequirements(REQUIREMENTS, [check], [{ id: 'totp.check', requirements: [MUST] }], {
      expectedFailures: new Set(),
      ...options,
    });

  it('passes what passed, but is an error when the target could not be tested', () => {
    expect(judge({}).verdict).toBe('pass');
    expect(judge({ abort: 'connect ECONNREFUSED' })).toMatchObject({
      verdict: 'error',
      reason: 'the target could not be tested: connect ECONNREFUSED',
    });
  });

  it('with --fail-on-untested, is an error naming the first requirement that went untested', () => {
    const judged = judge({ failOnUntested: true });
    const first = judged.requirements.find((r) => r.verdict === 'untested');
    expect(judged).toMatchObject({ verdict: 'error', reason: expect.stringContaining(`: ${first?.id}: `) });
  });
});

describe('the totals', () => {
  it('count each verdict apart: only pass, fail and advisory were checked', () => {
    const verdicts: Verdict[] = ['pass', 'pass', 'fail', 'advisory', 'error', 'untested', 'untested', 'skipped'];
    const rows = verdicts.map((v, i) => row(`R-${i}`, v, { expectedFailure: v === 'pass' || v === 'fail' }));
    expect(totalsOf(rows)).toEqual({
      requirements: 8,
      applicable: 7,
      passed: 2,
      failed: 1,
      advisory: 1,
      skipped: 1,
      untested: 2,
      errored: 1,
      checked: 4,
    });
    // Only a listed requirement that passed can leave the baseline.
    expect(fixedExpectedFailures(rows)).toEqual(['R-0', 'R-1']);
  });
});
