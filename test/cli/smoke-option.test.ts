/** `--smoke` on mbsc run and validate: read from the command line or a config file, off unless given. */
import { describe, expect, it } from 'vitest';
import { merge, RUN_OPTIONS, type Values } from '../../cli/commands/run-options.js';
import { schemaProblems } from '../../conformance/spec/schema-problems.js';
import { RunConfig } from '../../conformance/runner/run-config.js';

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
