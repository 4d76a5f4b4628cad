/**
 * A smoke run judges only what its cells reach: a requirement that only checks without a smoke cell cover is not
 * selected (skipped, saying so), never a pass, and never "no check covers it" when checks outside the subset do.
 */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../conformance/kit/check.js';
import { plannedCells } from '../../../conformance/runner/planned-cells.js';
import { smokeCells, smokeRequirements } from '../../../conformance/runner/smoke-cells.js';
import { judgeRequirements } from '../../../conformance/runner/summary-verdicts.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import { ALL_CHECKS } from '../../../conformance/suites/index.js';
import { loadMatrix } from '../../../devices/load-profiles.js';

const known = REQUIREMENTS.map((r) => r.id);
const matrix = loadMatrix();
const kept = [...new Set(plannedCells(matrix.editions, ALL_CHECKS, matrix.profiles, smokeCells).map((c) => c.check))];
const dropped = ALL_CHECKS.filter((check) => !kept.includes(check));
const coveredBy = (checks: readonly Check[]) => new Set(checks.flatMap((check) => check.requirements));

describe('the requirements a smoke run judges', () => {
  it('leave out those only checks without a smoke cell cover, and keep the rest', () => {
    const judged = smokeRequirements(known, undefined, ALL_CHECKS, kept);
    const keptCover = coveredBy(kept);
    const onlyDropped = [...coveredBy(dropped)].filter((id) => !keptCover.has(id));
    // The default run's subset drops checks, some of whose requirements nothing kept covers.
    expect(dropped.length).toBeGreaterThan(0);
    expect(onlyDropped.length).toBeGreaterThan(0);
    for (const id of onlyDropped) expect(judged.has(id)).toBe(false);
    for (const id of keptCover) expect(judged.has(id)).toBe(true);
    // What no check covers at all stays judged: untested, for that reason, as in the full run.
    const uncovered = known.filter((id) => !coveredBy(ALL_CHECKS).has(id));
    for (const id of uncovered) expect(judged.has(id)).toBe(true);
  });

  it('stay within the requirements the selection asked for', () => {
    const asked = new Set([...coveredBy(kept)].slice(0, 3));
    expect([...smokeRequirements(known, asked, ALL_CHECKS, kept)].sort()).toEqual([...asked].sort());
  });

  it('report a requirement the subset left out as skipped, not selected, with no cell passing for it', () => {
    const judged = smokeRequirements(known, undefined, ALL_CHECKS, kept);
    const results = kept.map((check) => ({
      checkId: check.id,
      title: check.title,
      area: check.area,
      cells: [{ column: 'pro', edition: 'pro', verdict: 'pass' as const, durationMs: 1, runs: 1 }],
    }));
    const verdicts = judgeRequirements(REQUIREMENTS, results, kept, { selected: judged, expectedFailures: new Set() });
    const left = verdicts.requirements.filter((r) => !judged.has(r.id));
    expect(left.length).toBeGreaterThan(0);
    for (const r of left) expect(r).toMatchObject({ verdict: 'skipped', reason: 'not selected for this run' });
    expect(verdicts.totals.passed).toBe(verdicts.requirements.filter((r) => r.verdict === 'pass').length);
    for (const r of verdicts.requirements.filter((x) => x.verdict === 'pass')) expect(judged.has(r.id)).toBe(true);
  });
});
