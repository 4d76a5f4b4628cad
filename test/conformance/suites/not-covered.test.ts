/** The list of requirements no check covers, with reasons, stays true to the suites. */
import { describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import { NOT_COVERED } from '../../../conformance/suites/not-covered.js';
import { ALL_CHECKS } from '../../../conformance/suites/registry.js';

describe('requirements no check covers', () => {
  const covered = new Set(ALL_CHECKS.flatMap((c) => c.requirements));

  it('are exactly those listed with a reason', () => {
    const uncovered = REQUIREMENTS.map((r) => r.id).filter((id) => !covered.has(id));
    expect(uncovered.sort()).toEqual(Object.keys(NOT_COVERED).sort());
  });

  it('have reasons that say what stands in the way', () => {
    for (const reason of Object.values(NOT_COVERED)) expect(reason.length).toBeGreaterThan(30);
  });
});
