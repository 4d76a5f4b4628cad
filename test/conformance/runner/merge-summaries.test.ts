/**
 * mergeShards over real summaries: the sample run cut into the shards `--shard i/2` would give, then joined. A merge
 * judges the joined cells by the runner's own rules; a missing or unreachable shard never lets its checks'
 * requirements pass, yet what the given shards found (a failure, an advisory finding, an error) stands.
 */
import { describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import { mergeShards, type MergeKit, type ShardRun } from '../../../conformance/runner/merge-summaries.js';
import { shardChecks } from '../../../conformance/runner/shard.js';
import { judgeRequirements } from '../../../conformance/runner/summary-verdicts.js';
import type { Summary } from '../../../conformance/runner/summary-schema.js';
import { CHECKS, COVERAGE, sampleSummary } from '../../reports/sample-summary.js';

type KitCheck = MergeKit['checks'][number];

// ftype.documents also covers PUSH-04 and TOTP-15 here, so each has a check in either shard of two: push.expiry
// (an error on one column) and totp.rfc6238 (an advisory finding) in shard 1, ftype.documents in shard 2.
const EXTRA: Record<string, readonly string[]> = { 'ftype.documents': ['PUSH-04', 'TOTP-15'] };
const KIT_CHECKS: KitCheck[] = CHECKS.map((c) => ({
  id: c.checkId,
  title: c.title,
  area: c.area as KitCheck['area'],
  scope: 'device',
  requirements: [
    ...Object.keys(COVERAGE).filter((id) => COVERAGE[id]?.includes(c.checkId)),
    ...(EXTRA[c.checkId] ?? []),
  ],
}));
const KIT: MergeKit = { catalogue: REQUIREMENTS, checks: KIT_CHECKS };
const SELECTION = KIT_CHECKS.map((c) => c.id);

/** Shard `index` of 2 as `mbsc run --shard` writes it: the sample run's cells of that shard's checks. */
function shard(index: number, change: (summary: Summary) => void = () => {}): ShardRun {
  const ids = new Set(shardChecks(KIT_CHECKS, { index, count: 2 }).map((c) => c.id));
  const whole = sampleSummary();
  const summary: Summary = {
    ...whole,
    checks: whole.checks.filter((c) => ids.has(c.checkId)),
    shard: { index, count: 2, selection: SELECTION },
  };
  change(summary);
  return { source: `shard-${index}`, summary };
}

const row = (summary: Summary, id: string) => summary.requirements.find((r) => r.id === id);

describe('mergeShards', () => {
  it('puts the checks of the error and the advisory finding in shard 1, and ftype.documents in shard 2', () => {
    const [one, two] = [shard(1), shard(2)].map((s) => s.summary.checks.map((c) => c.checkId));
    expect(one).toEqual(expect.arrayContaining(['push.expiry', 'totp.rfc6238']));
    expect(two).toContain('ftype.documents');
  });

  it('judges the joined cells as one run: every verdict, the baseline and the totals of the unsharded run', () => {
    const { summary, gaps } = mergeShards([shard(1), shard(2)], KIT, 'mbsc merge s1 s2');
    const whole = judgeRequirements(REQUIREMENTS, sampleSummary().checks, KIT_CHECKS, {
      expectedFailures: new Set(['BAK-07', 'PAIR-02']),
    });
    expect(gaps).toEqual([]);
    expect(summary.requirements).toEqual(whole.requirements);
    expect(summary.totals).toEqual(whole.totals);
    expect(summary.verdict).toBe('fail');
    expect(row(summary, 'BAK-07')).toMatchObject({ verdict: 'fail', expectedFailure: true });
    expect(summary.fixedExpectedFailures).toEqual(['PAIR-02']);
    expect(row(summary, 'PUSH-04')?.verdict).toBe('error');
    expect(row(summary, 'TOTP-15')?.verdict).toBe('advisory');
  });

  it('reads what only a missing shard covers untested, naming it, and the run is never pass', () => {
    const { summary, gaps } = mergeShards([shard(1)], KIT, 'mbsc merge s1 --allow-partial');
    expect(gaps.map((g) => [g.index, g.reason])).toEqual([[2, 'shard 2/2 was not merged']]);
    expect(row(summary, 'FTYPE-03')).toMatchObject({
      verdict: 'untested',
      reason: 'shard 2/2 was not merged: its checks ftype.documents did not run',
    });
    // RUN-03 fails only in the missing shard: the merge does not know it, and must not read it as passed.
    expect(row(summary, 'RUN-03')?.verdict).toBe('untested');
    expect(summary.totals.passed).toBe(summary.requirements.filter((r) => r.verdict === 'pass').length);
    expect(summary.verdict).not.toBe('pass');
  });

  it('keeps the error and the advisory finding a given shard found, whatever a missing shard would have said', () => {
    const { summary } = mergeShards([shard(1)], KIT, 'mbsc merge s1 --allow-partial');
    expect(row(summary, 'PUSH-04')).toMatchObject({ verdict: 'error', reason: expect.stringContaining('kit error') });
    expect(row(summary, 'TOTP-15')?.verdict).toBe('advisory');
  });

  it('with --fail-on-untested, makes a merge that left a requirement untested an error, naming it', () => {
    // Shard 1 without its error: what is left untested is all that stands between the merge and a pass.
    const clean = (s: Summary) => {
      for (const cell of s.checks.flatMap((c) => c.cells)) {
        if (cell.verdict === 'error') Object.assign(cell, { verdict: 'pass', failure: undefined, reason: undefined });
      }
    };
    const passing = (s: Summary) => {
      clean(s);
      for (const cell of s.checks.flatMap((c) => c.cells)) {
        if (cell.verdict === 'fail') Object.assign(cell, { verdict: 'pass', failure: undefined });
      }
    };
    const runs = [shard(1, passing), shard(2, passing)];
    expect(mergeShards(runs, KIT, 'mbsc merge').summary.verdict).toBe('pass');
    const strict = mergeShards(runs, KIT, 'mbsc merge --fail-on-untested', { failOnUntested: true }).summary;
    expect(strict).toMatchObject({ verdict: 'error', reason: expect.stringContaining('--fail-on-untested') });
  });

  it('counts a shard whose target could not be reached as a gap, its error standing', () => {
    const reason = 'the target could not be reached: connect ECONNREFUSED 127.0.0.1:50000';
    const unreachable = shard(2, (s) => {
      for (const cell of s.checks.flatMap((c) => c.cells)) {
        Object.assign(cell, { verdict: 'error', reason, failure: undefined, runs: 0 });
      }
      s.verdict = 'error';
      s.reason = `the target could not be tested: ${reason}`;
    });
    const { summary, gaps } = mergeShards([shard(1), unreachable], KIT, 'mbsc merge s1 s2');
    expect(gaps).toEqual([expect.objectContaining({ index: 2, reason: expect.stringContaining('tested nothing') })]);
    expect(row(summary, 'FTYPE-03')).toMatchObject({ verdict: 'error', reason });
    expect(summary.verdict).not.toBe('pass');
  });

  it('is an error when every cell of every shard was skipped: nothing applicable ran', () => {
    const skipAll = (s: Summary) => {
      for (const cell of s.checks.flatMap((c) => c.cells)) {
        Object.assign(cell, { verdict: 'skipped', reason: 'not on this edition', failure: undefined });
      }
    };
    const { summary } = mergeShards([shard(1, skipAll), shard(2, skipAll)], KIT, 'mbsc merge s1 s2');
    expect(summary).toMatchObject({ verdict: 'error', reason: expect.stringContaining('nothing applicable ran') });
    expect(summary.devices.map((d) => d.verdict)).toEqual(['skipped', 'skipped']);
  });
});
