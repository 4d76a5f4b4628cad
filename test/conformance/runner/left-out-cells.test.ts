/**
 * Every cell a run plans is in its outputs with a verdict. An opt-in check (select-checks.ts) that the selection
 * matched but nobody asked for used to vanish: the default run planned the nemesis's three cells (one per edition)
 * and reported none, 3,906 of 3,909. Now its cells are reported `skipped`, saying why and how to ask for it, counted
 * in the run's total and announced to live displays, and they judge no requirement.
 */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../conformance/kit/check.js';
import type { CheckInfo } from '../../../conformance/runner/reporter.js';
import { runConformance } from '../../../conformance/runner/run-conformance.js';
import { selectChecks } from '../../../conformance/runner/select-checks.js';
import type { Cell } from '../../../conformance/runner/summary-schema.js';
import { REQUIREMENTS } from '../../../conformance/spec/requirements/index.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';

const REQUIREMENT_IDS = REQUIREMENTS.map((r) => r.id);

const netCheck = (id: string, extra: Partial<Check> = {}): Check => ({
  id,
  title: id,
  area: 'NET',
  requirements: ['NET-01'],
  scope: 'server',
  run: async () => ({ verdict: 'pass' as const, runs: 1 }),
  ...extra,
});

const plain = netCheck('net-plain');
const optIn = netCheck('net-opt-in', {
  tags: ['slow'],
  optIn: 'it restarts servers: --tags slow',
  run: () => Promise.reject(new Error('a left-out check never runs')),
});
const all = [plain, optIn];

describe('the selection', () => {
  it('leaves out an opt-in check the filters matched but nobody asked for, and keeps it aside', () => {
    expect(selectChecks(all, REQUIREMENT_IDS, {})).toMatchObject({ checks: [plain], leftOut: [optIn] });
    expect(selectChecks(all, REQUIREMENT_IDS, { tags: ['net'] })).toMatchObject({ checks: [plain], leftOut: [optIn] });
    expect(selectChecks(all, REQUIREMENT_IDS, { requirements: ['NET-01'] })).toMatchObject({ leftOut: [optIn] });
  });

  it('runs it when asked for by a tag of its own or its id, and sets nothing aside a filter did not match', () => {
    expect(selectChecks(all, REQUIREMENT_IDS, { tags: ['slow'] })).toMatchObject({ checks: [optIn], leftOut: [] });
    expect(selectChecks(all, REQUIREMENT_IDS, { checks: ['net-opt-in'] })).toMatchObject({ checks: [optIn] });
    expect(selectChecks(all, REQUIREMENT_IDS, { checks: ['net-plain'] })).toMatchObject({ leftOut: [] });
  });
});

describe('a run with a check left out', () => {
  it('reports each of its planned cells skipped with the reason, counted and announced like the others', async () => {
    const { checks, leftOut } = selectChecks(all, REQUIREMENT_IDS, {});
    let planned = 0;
    const announced: [CheckInfo, Cell][] = [];
    const { summary } = await runConformance({
      target: new ReferenceTarget(['home', 'pro']),
      checks,
      leftOut,
      catalogue: REQUIREMENTS,
      profiles: [],
      seed: 5,
      runs: 1,
      command: 'test',
      kitVersion: 'test',
      replayCommand: () => 'replay',
      listener: {
        onRunStart: (info) => void (planned = info.cells ?? -1),
        onCellEnd: (info, cell) => void announced.push([info, cell]),
      },
    });

    const cells = summary.checks.flatMap((c) => c.cells.map((cell) => [c.checkId, cell.column, cell.verdict]));
    expect(cells).toEqual([
      ['net-plain', 'home', 'pass'],
      ['net-plain', 'pro', 'pass'],
      ['net-opt-in', 'home', 'skipped'],
      ['net-opt-in', 'pro', 'skipped'],
    ]);
    expect(planned).toBe(4);
    expect(announced).toHaveLength(4);
    const reasons = summary.checks.find((c) => c.checkId === 'net-opt-in')?.cells.map((c) => c.reason);
    expect(reasons).toEqual(Array(2).fill('opt-in check, left out of this run: it restarts servers: --tags slow'));
    // It judges nothing: NET-01 reads as its one running check made it, and the run passes.
    const net01 = summary.requirements.find((r) => r.id === 'NET-01');
    expect(net01).toMatchObject({ verdict: 'pass', checks: ['net-plain'] });
  }, 120_000);
});
