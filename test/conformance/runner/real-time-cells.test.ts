/**
 * The real-time checks in a run: which run where, in what order, and how the rules they would check read when they
 * do not run. Nothing here waits: the checks are only asked where they apply, never run.
 */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../conformance/kit/check.js';
import { REASONS } from '../../../conformance/kit/applies.js';
import { REAL_TIME_REASONS } from '../../../conformance/kit/real-time.js';
import {
  phasesOf,
  realTimeApplicability,
  realTimeCovered,
  uncheckedOf,
} from '../../../conformance/runner/real-time-cells.js';
import { requirementVerdicts } from '../../../conformance/runner/verdicts.js';
import type { Cell } from '../../../conformance/runner/summary-schema.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import { ALL_CHECKS } from '../../../conformance/suites/index.js';

const clock = { now: () => 0, advance: async () => undefined };
const byId = (id: string) => ALL_CHECKS.find((c) => c.id === id) as Check;
const realTimeChecks = ALL_CHECKS.filter((c) => c.realTime);

describe('the real-time checks', () => {
  it('cover the lifetimes of minutes and the throttles, one rule each, none longer than 10 minutes', () => {
    expect([...realTimeCovered(ALL_CHECKS)].sort()).toEqual(
      ['PAIR-02', 'PUSH-04', 'REC-06', 'REC-15', 'TFA-05', 'TOTP-14'].sort(),
    );
    for (const check of realTimeChecks) {
      expect(check.requirements).toHaveLength(1);
      expect(check.realTime?.lifetimeMs).toBeLessThanOrEqual(10 * 60_000);
    }
  });

  it('run only when asked on a target without the clock, read untested when not asked, and skip with it', () => {
    for (const check of realTimeChecks) {
      expect(realTimeApplicability(check, {}, true)).toBeUndefined();
      expect(realTimeApplicability(check, {}, false)).toEqual({
        applies: false,
        reason: 'needs the conformance clock (or --real-time)',
        untested: true,
      });
      expect(realTimeApplicability(check, { clock }, true)).toEqual({
        applies: false,
        reason: REAL_TIME_REASONS.withClock,
      });
    }
    expect(realTimeApplicability(byId('tfa-push-login-model'), {}, false)).toBeUndefined();
  });

  it('start together after every other cell, the exclusive ones first', () => {
    const tasks = ['tfa-push-lifetime-real-time', 'tfa-push-login-model', 'tfa-totp-throttle-real-time'].map((id) => ({
      check: byId(id),
    }));
    const pooled = ALL_CHECKS.find((c) => !c.exclusive && !c.realTime) as Check;
    const phases = phasesOf([...tasks, { check: pooled }]);
    expect(phases.alone.map((t) => t.check.id)).toEqual(['tfa-push-login-model']);
    expect(phases.pooled.map((t) => t.check.id)).toEqual([pooled.id]);
    expect(phases.together.map((t) => t.check.id)).toEqual([
      'tfa-push-lifetime-real-time',
      'tfa-totp-throttle-real-time',
    ]);
  });
});

describe('what a cell without the clock leaves unchecked', () => {
  const covered = realTimeCovered(ALL_CHECKS);

  it('names --real-time for the rules a real-time check covers, and the clock alone for the others', () => {
    expect(uncheckedOf(byId('tfa-recovery-sms'), {}, covered)).toEqual({
      requirements: ['REC-06', 'REC-15'],
      reason: 'needs the conformance clock (or --real-time)',
    });
    expect(uncheckedOf(byId('tfa-push-login-model'), {}, covered)).toEqual({
      requirements: ['PUSH-04', 'TOTP-13', 'TOTP-14'],
      reason: REASONS.clock,
      reasons: {
        'PUSH-04': REAL_TIME_REASONS.notAsked,
        'TOTP-13': REASONS.clock,
        'TOTP-14': REAL_TIME_REASONS.notAsked,
      },
    });
    expect(uncheckedOf(byId('tfa-password-lock-forgot'), {}, covered)?.reason).toBe(
      'needs the conformance clock: 24 hours is too long for real time',
    );
  });

  it('names the clock alone when no real-time check is in the run, and nothing with the clock', () => {
    expect(uncheckedOf(byId('tfa-recovery-sms'), {}, new Set())?.reason).toBe(REASONS.clock);
    expect(uncheckedOf(byId('tfa-recovery-sms'), { clock }, covered)).toBeUndefined();
  });

  it('gives each requirement its own reason in the verdicts', () => {
    const check = byId('tfa-push-login-model');
    const unchecked = uncheckedOf(check, {}, covered);
    const cell: Cell = { column: 'pro', edition: 'pro', verdict: 'pass', durationMs: 1, runs: 1, ...{ unchecked } };
    const rows = requirementVerdicts(
      REQUIREMENTS,
      [{ checkId: check.id, title: check.title, area: check.area, cells: [cell] }],
      new Map(check.requirements.map((id) => [id, [check.id]])),
      { expectedFailures: new Set() },
    );
    const reasonOf = (id: string) => rows.find((r) => r.id === id)?.reason;
    expect(reasonOf('PUSH-04')).toBe('needs the conformance clock (or --real-time)');
    expect(reasonOf('TOTP-13')).toBe(REASONS.clock);
    expect(rows.find((r) => r.id === 'PUSH-01')?.verdict).toBe('pass');
  });
});
