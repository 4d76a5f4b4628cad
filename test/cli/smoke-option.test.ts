/**
 * `--smoke` on mbsc run and validate: read from the command line or a config file, off unless given; fewer sequences
 * per property unless `--runs` says otherwise; named under the verdict so it never reads as the full run.
 */
import { describe, expect, it } from 'vitest';
import { merge, RUN_OPTIONS, type Values } from '../../cli/commands/run-options.js';
import { schemaProblems } from '../../conformance/spec/schema-problems.js';
import { RunConfig } from '../../conformance/runner/run-config.js';
import { SMOKE_RUNS } from '../../conformance/runner/smoke-cells.js';
import { subsetLines } from '../../cli/subset-lines.js';
import { verdictLines } from '../../cli/verdict-output.js';
import { sampleSummary } from '../reports/sample-summary.js';

const none = Object.fromEntries(
  Object.entries(RUN_OPTIONS).map(([k, spec]) => [k, spec.type === 'boolean' ? false : undefined]),
) as Values;

describe('--smoke', () => {
  it('is a flag of the run configuration, off unless given here or in the file', () => {
    expect(RUN_OPTIONS.smoke.type).toBe('boolean');
    expect(merge({ ...none, smoke: true }, {}).smoke).toBe(true);
    expect(merge(none, {}).smoke).toBeUndefined();
    expect(merge(none, { smoke: true }).smoke).toBe(true);
  });

  it('is a boolean in a config file', () => {
    expect(schemaProblems(RunConfig, { smoke: true })).toEqual([]);
    expect(schemaProblems(RunConfig, { smoke: 'yes' })).not.toEqual([]);
  });
});

describe('--smoke on the console', () => {
  it('runs SMOKE_RUNS sequences per property unless --runs is given, which wins over a config file too', () => {
    expect(RUN_OPTIONS.runs.description).toContain(`${SMOKE_RUNS} with --smoke`);
    expect(merge({ ...none, smoke: true }, {}).runs).toBeUndefined();
    expect(merge({ ...none, runs: '3' }, { runs: 50 }).runs).toBe(3);
    expect(merge(none, { runs: 50 }).runs).toBe(50);
  });

  it('says under the verdict that the run was the smoke subset, with its cells and sequences per property', () => {
    const smoke = { cells: 392, of: 3906, runs: SMOKE_RUNS };
    const lines = verdictLines({ ...sampleSummary(), smoke }, 'seed 1');
    const line = `SMOKE SUBSET: 392 of 3906 cells, ${SMOKE_RUNS} sequences per property; not the full run (drop --smoke for it)`;
    expect(subsetLines({ smoke })).toEqual([line]);
    expect(lines[1]).toBe(`  ${line}`);
    expect(verdictLines(sampleSummary(), 'seed 1').join('\n')).not.toContain('SMOKE');
  });
});
