import { describe, expect, it } from 'vitest';
import { DEVICE_CHECKS } from '../../../conformance/suites/device-suites.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';

const AREAS = ['BAK', 'RST', 'RFE', 'MIG', 'FUS', 'SRC', 'FTYPE', 'LIM', 'SET', 'LOG', 'PLAT'];

describe('the device suites', () => {
  it('are device-scope checks with unique kebab-case ids, tagged with catalogued ids of their areas', () => {
    const ids = DEVICE_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set<string>(REQUIREMENTS.map((r) => r.id));
    for (const check of DEVICE_CHECKS) {
      expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(check.scope).toBe('device');
      expect(check.requirements.length).toBeGreaterThan(0);
      for (const id of check.requirements) expect(known.has(id), `${check.id}: ${id}`).toBe(true);
    }
  });

  it('leave uncovered only the requirements the simulated app cannot show', () => {
    const covered = new Set(DEVICE_CHECKS.flatMap((c) => c.requirements));
    const uncovered = REQUIREMENTS.filter((r) => AREAS.includes(r.id.split('-')[0]!) && !covered.has(r.id)).map(
      (r) => r.id,
    );
    expect(uncovered).toEqual(['MIG-12']);
  });
});
