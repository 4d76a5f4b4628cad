/**
 * The checks the vendor path's straight control runs with --claimed-only: those that claim a requirement of any
 * chosen variant, each once, in the suites' order; the variants' own checks are all among them.
 */
import { describe, expect, it } from 'vitest';
import { claimedByAny, claimedChecks } from '../../../conformance/selftest/run-variant.js';
import { ALL_CHECKS } from '../../../conformance/suites/index.js';

describe('claimedByAny', () => {
  it('holds every check a chosen variant runs, once, in the order of the checks given', () => {
    const faults = ['open-job-dropped-on-restart', 'removed-device-back-after-restart', 'wrong-default-ports'] as const;
    const control = claimedByAny(ALL_CHECKS, faults);
    for (const fault of faults) for (const check of claimedChecks(ALL_CHECKS, fault)) expect(control).toContain(check);
    expect(new Set(control).size).toBe(control.length);
    expect(control).toEqual(ALL_CHECKS.filter((c) => control.includes(c)));
    expect(control.map((c) => c.id)).toContain('backup-nemesis-durability');
    expect(control.length).toBeLessThan(ALL_CHECKS.length);
  });
});
