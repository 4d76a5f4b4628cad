/** The list of requirements no check covers, with reasons, stays true to the suites. */
import { describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import { MODEL_ONLY } from '../../../conformance/kit/model-only.js';
import { NOT_COVERED } from '../../../conformance/spec/requirements/not-covered.js';
import { ALL_CHECKS } from '../../../conformance/suites/index.js';

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

describe('device requirements no check through the screens shows', () => {
  it('are exactly those listed with a reason', () => {
    const device = ALL_CHECKS.filter((c) => c.scope === 'device');
    const seen = new Set(device.filter((c) => c.tags?.includes('ui')).flatMap((c) => c.requirements));
    const modelOnly = [...new Set(device.flatMap((c) => c.requirements))].filter((id) => !seen.has(id));
    expect(modelOnly.sort()).toEqual(Object.keys(MODEL_ONLY).sort());
    for (const reason of Object.values(MODEL_ONLY)) expect(reason.length).toBeGreaterThan(30);
  });
});
