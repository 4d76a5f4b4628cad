/**
 * A run narrowed by tags or check ids judges only the requirements its checks cover: any other reads `skipped`, not
 * selected for this run. It read "untested: no check covers it yet" before, as if the kit had no check for it.
 */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../conformance/kit/check.js';
import { selectChecks } from '../../../conformance/runner/select-checks.js';
import { requirementVerdicts } from '../../../conformance/runner/verdicts.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';

const check = (id: string, area: Check['area'], requirements: string[]): Check => ({
  id,
  title: id,
  area,
  requirements,
  scope: 'server',
  run: async () => ({ verdict: 'pass' as const, runs: 1 }),
});

const net = check('net-ports', 'NET', ['NET-01']);
const backup = check('backup-jobs', 'BAK', ['BAK-01']);
const all = [net, backup];
const ids = REQUIREMENTS.map((r) => r.id);
const coverage = new Map([
  ['NET-01', ['net-ports']],
  ['BAK-01', ['backup-jobs']],
]);

function reading(selection: ReturnType<typeof selectChecks>, id: string) {
  const judged = requirementVerdicts(
    REQUIREMENTS.filter((r) => r.id === id),
    [],
    coverage,
    { ...(selection.requirements ? { selected: selection.requirements } : {}), expectedFailures: new Set() },
  );
  return { verdict: judged[0]?.verdict, reason: judged[0]?.reason };
}

describe('a run narrowed by tags or checks', () => {
  it.each([{ tags: ['net'] }, { checks: ['net-ports'] }])('judges only what its checks cover: %o', (filter) => {
    const selection = selectChecks(all, ids, filter);
    expect(selection.requirements?.has('NET-01')).toBe(true);
    expect(reading(selection, 'BAK-01')).toEqual({ verdict: 'skipped', reason: 'not selected for this run' });
  });

  it('still reads a requirement no check covers untested, saying so', () => {
    const selection = selectChecks(all, ids, { tags: ['net'] });
    const uncovered = ids.find((id) => id !== 'NET-01' && id !== 'BAK-01');
    expect(selection.requirements?.has(uncovered!)).toBe(true);
  });

  it('judges every requirement when nothing narrows it', () => {
    expect(selectChecks(all, ids, {}).requirements).toBeUndefined();
  });
});
