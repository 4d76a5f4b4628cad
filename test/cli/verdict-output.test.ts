/**
 * The closing summary on the console and the exit code, from the sample run's summary as the runner judged it: the
 * totals as counted, each failed MUST requirement a FAIL line, each advisory finding an ADVISORY line that says it does
 * not fail the run, what went untested by reason, and an error's reason; only `pass` exits 0.
 */
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../cli/command.js';
import { exitOfVerdict, verdictLines } from '../../cli/verdict-output.js';
import { sampleSummary } from '../reports/sample-summary.js';

const summary = sampleSummary();
const lines = verdictLines(summary, 'seed 1', { counterexamples: false });
const ids = (verdict: string) => summary.requirements.filter((r) => r.verdict === verdict).map((r) => r.id);
/** The requirement ids of the lines that begin with `  KIND `. */
const idsOn = (kind: string) => lines.filter((l) => l.startsWith(`  ${kind} `)).map((l) => l.split(' ')[3]);

describe('the closing summary', () => {
  it('heads with the verdict and every total as the runner counted it', () => {
    const t = summary.totals;
    expect([t.failed, t.advisory, t.errored, t.untested, t.skipped].every((n) => n > 0)).toBe(true);
    expect(lines[0]).toBe(
      `FAIL: ${t.passed} passed, ${t.failed} failed, ${t.advisory} advisory, ${t.errored} errored, ` +
        `${t.skipped} skipped, ${t.untested} untested of ${t.requirements} requirements (seed 1)`,
    );
  });

  it('gives each failed requirement a FAIL line, marking the one the baseline expects, and no other', () => {
    expect(idsOn('FAIL')).toEqual(ids('fail'));
    expect(lines.filter((l) => l.startsWith('  FAIL ') && l.endsWith(' (expected)'))).toEqual([
      expect.stringMatching(/^ {2}FAIL BAK-07 /),
    ]);
  });

  it('gives each advisory finding an ADVISORY line saying it does not fail the run, never a FAIL line', () => {
    expect(ids('advisory')).toContain('TOTP-15');
    expect(idsOn('ADVISORY')).toEqual(ids('advisory'));
    for (const line of lines.filter((l) => l.startsWith('  ADVISORY ')))
      expect(line).toMatch(/ \(does not fail the run\)$/);
    for (const id of ids('advisory')) expect(idsOn('FAIL')).not.toContain(id);
  });

  it('names every untested requirement under its reason', () => {
    const untested = lines.filter((l) => l.startsWith('  UNTESTED '));
    for (const r of summary.requirements.filter((x) => x.verdict === 'untested').slice(0, 8)) {
      expect(
        untested.some((l) => l.includes(r.id) && l.endsWith(`: ${r.reason}`)),
        r.id,
      ).toBe(true);
    }
  });

  it('says which expected failures passed, so the baseline can drop them', () => {
    expect(lines).toContain('  PAIR-02 is listed as an expected failure but passed: remove it from the baseline.');
  });

  it('gives the reason of a run that is an error on a line of its own', () => {
    const reason = 'the target could not be tested: connect ECONNREFUSED 127.0.0.1:1';
    const error = verdictLines(sampleSummary({ verdict: 'error', reason }), 'seed 1', { counterexamples: false });
    expect(error[0]).toMatch(/^ERROR: /);
    expect(error).toContain(`  ERROR ${reason}`);
  });
});

describe('the exit code', () => {
  it('is 0 only for a pass: a failure and an error both exit 1', () => {
    expect([exitOfVerdict('pass'), exitOfVerdict('fail'), exitOfVerdict('error')]).toEqual([
      EXIT.ok,
      EXIT.failed,
      EXIT.failed,
    ]);
  });
});
